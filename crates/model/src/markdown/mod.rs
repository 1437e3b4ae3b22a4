//! The one Markdown renderer: the app renders article bodies with it in the
//! browser and the builder uses it for excerpts, reading times and search text,
//! so both always agree on what an article says.
//!
//! Article bodies come from contributors, so the output is built to be safe to
//! inject as `innerHTML` without a separate HTML sanitiser (which would cost
//! wasm size): raw HTML is escaped into visible text, link and image URLs pass
//! an allow-list, and every tag and attribute in the output is written here.
//!
//! Rendering runs in three steps over one list of pulldown-cmark events:
//!
//! 1. parse: [`render`] collects the events once, with the article options
//!    (tables, footnotes, strikethrough, smart punctuation, heading ids), or
//!    none for [`render_commonmark`];
//! 2. plan pull quotes (`pull_quotes`): which blockquotes end in an attribution
//!    line, found before writing because the `<figure>` opens before the quote;
//! 3. write HTML (`writer`): one pass that writes every tag, gives headings
//!    unique ids (`headings`), collects footnotes to append at the end and
//!    counts words.
//!
//! Text extraction (`text`: [`plain_text`], [`excerpt`], [`reading_time`])
//! walks the parser's events apart from the writer, with the same word counter
//! the writer uses, so a page's word count and its reading time agree.

mod headings;
mod pull_quotes;
mod text;
mod writer;

pub use headings::reserved_id;
pub use text::{excerpt, plain_text, reading_time};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use writer::{Mode, Writer};

/// An article body rendered for display.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// Safe HTML for the article column.
    pub html: String,
    /// The h2 and h3 headings, in order, for an "In this article" list.
    pub toc: Vec<TocEntry>,
    /// How many words a reader reads (the same count [`reading_time`] uses).
    pub words: u32,
}

/// One heading in the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    /// 2 or 3: nesting in the table of contents follows the heading level.
    pub level: u8,
    /// The heading's `id`, the target of `#id` links.
    pub id: String,
    /// The heading as plain text.
    pub text: String,
}

/// Renders an article body to safe HTML, with its table of contents and word count.
pub fn render(markdown: &str) -> Rendered {
    let source = without_nul(markdown);
    let events: Vec<Event<'_>> = Parser::new_ext(&source, article_options()).collect();
    let mut writer = Writer::new(&events, Mode::Article);
    writer.run();
    writer.finish()
}

/// Plain CommonMark (no extensions) with the same URL and HTML safety, for the spec tests.
pub fn render_commonmark(markdown: &str) -> String {
    let source = without_nul(markdown);
    let events: Vec<Event<'_>> = Parser::new_ext(&source, Options::empty()).collect();
    let mut writer = Writer::new(&events, Mode::Spec);
    writer.run();
    writer.finish().html
}

/// The extensions articles are written with (spec mode parses with none); the content checks
/// parse bodies with the same ones, so they see the links and images readers will.
pub(crate) fn article_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// CommonMark requires U+0000 to become U+FFFD (a NUL can truncate strings in
/// consumers), and pulldown-cmark passes it through.
fn without_nul(markdown: &str) -> Cow<'_, str> {
    if markdown.contains('\0') {
        Cow::Owned(markdown.replace('\0', "\u{FFFD}"))
    } else {
        Cow::Borrowed(markdown)
    }
}

/// Whether a tag stays within a line of text; every other tag is a block, and
/// a block boundary ends a word.
fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// [`is_inline`] for the closing tag.
fn is_inline_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Whitespace runs as one space and none at the ends, as a browser shows text.
fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::text::{reading_time_for, WordCounter};
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashSet;

    /// The article HTML alone, for tests that compare markup.
    pub(super) fn html(markdown: &str) -> String {
        render(markdown).html
    }

    /// Checks `html` with the shared allow-list oracle.
    pub(super) fn assert_safe(html: &str) {
        if let Err(e) = crate::html_check::check(html) {
            panic!("{e}");
        }
    }

    fn count_words(text: &str) -> u32 {
        let mut counter = WordCounter::default();
        counter.count(text);
        counter.words
    }

    #[test]
    fn nul_becomes_replacement_character() {
        let out = render("a\0b\n\n## x\0y\n\n[l\0](/p\0q)");
        assert!(!out.html.contains('\0'));
        assert!(out.html.starts_with("<p>a\u{FFFD}b</p>"), "{}", out.html);
        assert_eq!(out.toc[0].text, "x\u{FFFD}y");
        assert_eq!(plain_text("a\0b"), "a\u{FFFD}b");
        assert_eq!(excerpt("a\0b", 10), "a\u{FFFD}b");
    }

    #[test]
    fn smart_punctuation_and_strikethrough() {
        assert_eq!(
            html("\"Don't\" -- wait --- ~~no~~..."),
            "<p>“Don’t” – wait — <del>no</del>…</p>\n"
        );
    }

    #[test]
    fn spec_mode_is_plain_commonmark_with_the_same_filtering() {
        assert_eq!(render_commonmark("## Head"), "<h2>Head</h2>\n");
        assert_eq!(
            render_commonmark("\"a\" [x](https://e.org) ![i](/i.png)"),
            "<p>&quot;a&quot; <a href=\"https://e.org\">x</a> <img src=\"/i.png\" alt=\"i\" /></p>\n"
                .replace("&quot;", "\"")
        );
        assert_eq!(
            render_commonmark("[x](javascript:alert(1)) <b>"),
            "<p>x &lt;b&gt;</p>\n"
        );
        assert_eq!(
            render_commonmark("> a\n>\n> — b"),
            "<blockquote>\n<p>a</p>\n<p>— b</p>\n</blockquote>\n"
        );
    }

    // ----- properties

    const FRAGMENTS: &[&str] = &[
        "\n",
        "\n\n",
        " ",
        "> ",
        "> — ",
        ">\n> — Name",
        "— ",
        "-- ",
        "## ",
        "### ",
        "# ",
        "{#id}",
        "{#x onclick=alert(1)}",
        "* ",
        "1. ",
        "    ",
        "```\n",
        "~~~js\n",
        "`",
        "*",
        "_",
        "~~",
        "[",
        "]",
        "(",
        ")",
        "![",
        "](",
        "[^1]",
        "[^1]: ",
        "[^a]: note\n",
        "[r]: ",
        "[r]",
        "| a | b |\n|---|:-:|\n| c | d |\n",
        "|",
        "\\",
        "&#106;",
        "&colon;",
        "&#x09;",
        "&#0;",
        "&lt;",
        "\0",
        "\t",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:x",
        "//evil.example",
        "https://example.org/",
        "mailto:a@b.c",
        "<javascript:alert(1)>",
        "<https://example.org>",
        "<a@b.c>",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">",
        "<iframe src=//evil>",
        "<!-- c -->",
        "<div>\n",
        "\" onmouseover=\"alert(1)",
        "' onerror='x",
        " onload=",
        "\"title\"",
        "word ",
        "Émile ",
        "\u{202E}",
        "\u{FEFF}",
    ];

    fn hostile_markdown() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(FRAGMENTS), 0..32)
            .prop_map(|parts| parts.concat())
    }

    fn arbitrary_text() -> impl Strategy<Value = String> {
        let special = prop::sample::select(vec![
            '<', '>', '&', '[', ']', '(', ')', '!', '*', '_', '`', '#', '-', '—', '\n', ' ', '\t',
            ':', '"', '\'', '|', '^', '\\', '\0', '{', '}', '=', '~', '/', 'a', 'j',
        ]);
        let chars = prop_oneof![any::<char>(), special];
        prop::collection::vec(chars, 0..200).prop_map(String::from_iter)
    }

    fn check(markdown: &str) {
        let rendered = render(markdown);
        assert_safe(&rendered.html);
        assert_safe(&render_commonmark(markdown));
        let text = plain_text(markdown);
        assert!(!text.contains('\0'));
        assert_eq!(
            rendered.words,
            count_words(&text),
            "word counts disagree for {markdown:?}"
        );
        assert_eq!(reading_time(markdown), reading_time_for(rendered.words));
        for max in [0, 1, 20, 160] {
            let cut = excerpt(markdown, max);
            assert!(cut.chars().count() <= max, "excerpt over {max}: {cut:?}");
            assert!(!cut.contains('\0'));
        }
        let mut ids = HashSet::new();
        for entry in &rendered.toc {
            assert!(
                ids.insert(entry.id.clone()),
                "duplicate id {} for {markdown:?}",
                entry.id
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_text_renders_safely(markdown in arbitrary_text()) {
            check(&markdown);
        }

        #[test]
        fn hostile_markdown_renders_safely(markdown in hostile_markdown()) {
            check(&markdown);
        }
    }
}
