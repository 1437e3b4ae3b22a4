//! Every fixed id the app writes is reserved from heading ids (`markdown::reserved_id`), so a
//! body heading can never take the skip link's `#main` or a section's label.

use convergence_model::markdown::reserved_id;
use std::path::Path;

/// The `id="…"` literals in a file (Rust `view!` macros and HTML alike).
fn literal_ids(text: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("id=\"") {
        rest = &rest[at + 4..];
        let Some(end) = rest.find('"') else { break };
        let id = &rest[..end];
        if !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
            ids.push(id.to_string());
        }
        rest = &rest[end..];
    }
    ids
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("rs" | "html")
        ) {
            out.push(path);
        }
    }
}

#[test]
fn every_fixed_id_in_the_app_is_reserved() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = vec![root.join("index.html")];
    walk(&root.join("src"), &mut files);
    walk(&root.join("entries"), &mut files);
    let mut missing = Vec::new();
    let mut seen = 0;
    for file in &files {
        for id in literal_ids(&std::fs::read_to_string(file).unwrap()) {
            seen += 1;
            if !reserved_id(&id) {
                missing.push(format!("{id} ({})", file.display()));
            }
        }
    }
    assert!(
        seen > 10,
        "found only {seen} ids: is the scan looking in the right place?"
    );
    assert!(
        missing.is_empty(),
        "add these to RESERVED_IDS in src/markdown/headings.rs: {missing:?}"
    );
}
