//! The 50 KB article both render benchmarks use (Criterion natively, tests/render_bench.rs in
//! the browser): the sample panel discussion's paragraphs, headings and quotes, cycled.

/// The article body's bytes the benchmarks render.
pub const TARGET_BYTES: usize = 50_000;

/// The sample article's Markdown body (front matter removed), cycled by block to at least
/// [`TARGET_BYTES`].
pub fn markdown() -> String {
    let source = include_str!("../../../content/articles/broad-front-panel.md");
    // Front matter is the part between the first two `+++` lines.
    let body = source.splitn(3, "+++").nth(2).unwrap_or(source).trim();
    let blocks: Vec<&str> = body.split("\n\n").collect();
    let mut out = String::with_capacity(TARGET_BYTES + 4096);
    for block in blocks.iter().cycle() {
        if out.len() >= TARGET_BYTES {
            break;
        }
        out.push_str(block);
        out.push_str("\n\n");
    }
    out
}
