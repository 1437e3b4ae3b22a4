//! The static twin: the physical limit the app is measured against. It is the page the build
//! rendered (`src/prerender`), byte for byte, with every script and preload taken out: the same
//! markup and CSS as the app's first response, with nothing for the browser to run.

use std::path::{Path, PathBuf};

/// The site icon's path, as index.html links it (copied from dist/ with the CSS).
pub const FAVICON: &str = "/favicon.svg";

/// `html` without its scripts (data blocks such as JSON-LD stay: they never run) and without
/// the preloads of what those scripts would load.
pub fn without_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let script = rest.find("<script");
        let link = find_preload(rest);
        let next = match (script, link) {
            (Some(s), Some(l)) => s.min(l),
            (Some(s), None) => s,
            (None, Some(l)) => l,
            (None, None) => break,
        };
        out.push_str(&rest[..next]);
        let tag = &rest[next..];
        let Some(open_end) = tag.find('>') else { break };
        if Some(next) == script {
            let close = tag
                .find("</script>")
                .map_or(tag.len(), |i| i + "</script>".len());
            // Data blocks stay (they never run), by the rule the CSP hashes go by.
            if !crate::csp::is_executable(&tag["<script".len()..open_end]) {
                out.push_str(&tag[..close]);
            }
            rest = &tag[close..];
        } else {
            rest = &tag[open_end + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// Where the next `<link rel="preload">` or `<link rel="modulepreload">` starts.
fn find_preload(html: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = html[from..].find("<link") {
        let start = from + i;
        let end = html[start..].find('>').map_or(html.len(), |e| start + e);
        let tag = &html[start..end];
        if tag.contains("rel=\"preload\"") || tag.contains("rel=\"modulepreload\"") {
            return Some(start);
        }
        from = end;
    }
    None
}

/// Writes `out/index.html` (home) and `out/articles/{slug}.html` from the pages rendered into
/// `dist`, with the CSS and icon they link. Returns the twin article's URL path.
pub fn write(dist: &Path, slug: &str, out: &Path) -> Result<String, String> {
    let read = |rel: &str| {
        std::fs::read(dist.join(rel)).map_err(|e| {
            format!(
                "cannot read {}/{rel}: {e} (run `cargo xtask build`)",
                dist.display()
            )
        })
    };
    let home = String::from_utf8_lossy(&read("index.html")?).into_owned();
    let rendered = crate::csp::all_tags(&home).iter().any(|(name, attrs)| {
        name == "html" && crate::csp::attr(attrs, "data-rendered-route").is_some()
    });
    if !rendered {
        return Err(format!(
            "{}/index.html is not a rendered page: run `cargo xtask build`",
            dist.display()
        ));
    }
    let article_rel = format!("articles/{slug}/index.html");
    let article = String::from_utf8_lossy(&read(&article_rel)?).into_owned();
    let css = crate::budget::assets_of(&home)
        .css
        .into_iter()
        .next()
        .ok_or("dist/index.html links no CSS")?;
    let write = |rel: &str, bytes: &[u8]| -> Result<(), String> {
        let path: PathBuf = out.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    write(&css, &read(&css)?)?;
    // The app's icon too, so neither page pays for a /favicon.ico 404.
    let icon = FAVICON.trim_start_matches('/');
    write(icon, &read(icon)?)?;
    write("index.html", without_scripts(&home).as_bytes())?;
    let article_path = format!("articles/{slug}.html");
    write(&article_path, without_scripts(&article).as_bytes())?;
    Ok(format!("/{article_path}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_twin_keeps_the_page_and_drops_what_would_run() {
        let page = concat!(
            "<head><title>A</title>",
            "<script src=\"/boot.js\" crossorigin=\"anonymous\"></script>",
            "<link rel=\"stylesheet\" href=\"/main.css\">",
            "<link rel=\"modulepreload\" href=\"/app.js\">",
            "<link rel=\"preload\" href=\"/app_bg.wasm\" as=\"fetch\" type=\"application/wasm\">",
            "<script type=\"application/ld+json\">{\"a\":1}</script>",
            "</head><body><main><h1>A</h1></main>",
            "<script type=\"module\">import init from '/app.js';init();</script></body>"
        );
        assert_eq!(
            without_scripts(page),
            concat!(
                "<head><title>A</title>",
                "<link rel=\"stylesheet\" href=\"/main.css\">",
                "<script type=\"application/ld+json\">{\"a\":1}</script>",
                "</head><body><main><h1>A</h1></main></body>"
            )
        );
        assert_eq!(without_scripts("<p>no scripts</p>"), "<p>no scripts</p>");
    }
}
