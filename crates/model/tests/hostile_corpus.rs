//! The browser test's attack corpus (tests/hostile/vectors.md) through the renderer:
//! the output passes the shared allow-list checker, and each kind of attack is defused
//! the way the renderer promises (shown as text, or its link dropped with the words kept).

use convergence_model::{html_check, markdown};

const VECTORS: &str = include_str!("../../../tests/hostile/vectors.md");

fn rendered() -> String {
    markdown::render(VECTORS).html
}

#[test]
fn the_corpus_renders_to_allowed_html_only() {
    let html = rendered();
    html_check::check(&html).unwrap_or_else(|e| panic!("{e}"));
    html_check::check(&markdown::render_commonmark(VECTORS)).unwrap_or_else(|e| panic!("{e}"));
    // Every payload sets window.__pwned: outside quoted attribute values (where a title
    // may quote it, escaped) none may sit inside a tag. Text never holds a raw `<` or `>`,
    // so each `<…>` is a tag the renderer wrote.
    for tag in html
        .split('<')
        .skip(1)
        .filter_map(|t| t.split_once('>').map(|(t, _)| t))
    {
        let outside_values: String = tag.split('"').step_by(2).collect();
        assert!(
            !outside_values.contains("__pwned"),
            "payload inside a tag: <{tag}>"
        );
    }
}

#[test]
fn raw_html_is_visible_text() {
    let html = rendered();
    assert!(
        html.contains("&lt;script&gt;window.__pwned='script-block'"),
        "{html}"
    );
    assert!(html.contains("&lt;svg onload="));
    assert!(html.contains("&lt;iframe src="));
}

#[test]
fn script_links_keep_their_words_and_lose_their_link() {
    let html = rendered();
    for words in [
        "plain",
        "decimal entity",
        "hex entity",
        "tab entity",
        "data html",
        "vbscript",
        "protocol relative",
    ] {
        assert!(html.contains(words), "{words} missing");
        assert!(
            !html.contains(&format!(">{words}</a>")),
            "{words} is still a link"
        );
    }
    assert!(
        html.contains(r#"<a href="mailto:editors@example.org">good mail</a>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"href="https://example.org/?a=1&amp;b=%3C2%3E""#),
        "{html}"
    );
}

#[test]
fn nul_becomes_the_replacement_character() {
    let html = markdown::render("a\0b [x](java\0script:alert(1))").html;
    assert!(html.contains("a\u{FFFD}b"));
    assert!(!html.contains("<a "), "{html}");
}
