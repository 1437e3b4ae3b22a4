//! Markdown rendering from arbitrary text. Oracle: no panic; both renderers' HTML
//! passes the shared allow-list checker (tags, attributes, http/https/mailto/relative
//! URLs only, no U+0000); plain text and excerpts hold no U+0000; excerpts respect
//! their length; table-of-contents ids are unique.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model::{html_check, markdown};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let rendered = markdown::render(text);
    if let Err(e) = html_check::check(&rendered.html) {
        panic!("render: {e}");
    }
    if let Err(e) = html_check::check(&markdown::render_commonmark(text)) {
        panic!("render_commonmark: {e}");
    }
    assert!(!markdown::plain_text(text).contains('\0'));
    for max in [0, 1, 40, 160] {
        let cut = markdown::excerpt(text, max);
        assert!(cut.chars().count() <= max, "excerpt over {max}: {cut:?}");
        assert!(!cut.contains('\0'));
    }
    let mut ids = std::collections::HashSet::new();
    for entry in &rendered.toc {
        assert!(ids.insert(entry.id.as_str()), "duplicate id {}", entry.id);
        assert!(!entry.text.contains('\0'));
    }
});
