//! The HTML writer: one pass over the events that writes every tag and
//! attribute of the output from an allow-list, so nothing a contributor types
//! reaches the page as markup. It also numbers footnotes and appends them,
//! builds the table of contents and counts words.

use super::headings::{slugify, HeadingCapture, HeadingIds};
use super::pull_quotes::{is_dash, plan_pull_quotes, Caption};
use super::text::{TextSink, WordCounter};
use super::{collapse_whitespace, is_inline, is_inline_end, Rendered, TocEntry};
use crate::text::push_escaped;
use crate::url::{classify, UrlKind};
use pulldown_cmark::{Alignment, CodeBlockKind, Event, LinkType, Tag, TagEnd};
use std::borrow::Cow;
use std::collections::HashMap;

// ---------------------------------------------------------------------------
// Escaping: the one escaper (`crate::text`), plus the href encoding only links need.

fn escape_html(out: &mut String, s: &str) {
    push_escaped(out, s, true);
}

fn escape_body(out: &mut String, s: &str) {
    push_escaped(out, s, false);
}

/// Percent-encodes what may not stand in a quoted `href`/`src` (as CommonMark's
/// reference renderer does) and entity-escapes `&` and `'`.
fn escape_href(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let safe = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'!' | b'#'
                    | b'$'
                    | b'%'
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b'-'
                    | b'.'
                    | b'/'
                    | b':'
                    | b';'
                    | b'='
                    | b'?'
                    | b'@'
                    | b'_'
                    | b'~'
            );
        if safe {
            continue;
        }
        // Every byte of a multi-byte character is escaped, so `last` may sit
        // inside one; slicing there would panic even when empty.
        if last < i {
            out.push_str(&s[last..i]);
        }
        match b {
            b'&' => out.push_str("&amp;"),
            b'\'' => out.push_str("&#x27;"),
            _ => {
                out.push('%');
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 0xF)] as char);
            }
        }
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

// ---------------------------------------------------------------------------
// The HTML writer

/// What the writer produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Everything a reader gets.
    Article,
    /// CommonMark's HTML, for the spec tests.
    Spec,
}

struct Footnotes {
    /// Lowercased label → number, in order of first reference.
    numbers: HashMap<String, usize>,
    /// How many times each footnote (by number − 1) has been referenced.
    refs: Vec<usize>,
    /// Lowercased label of each footnote, by number − 1.
    labels: Vec<String>,
    /// Rendered definitions by lowercased label; the first definition wins.
    definitions: HashMap<String, String>,
    /// The output saved while a definition renders into its own buffer.
    capture: Option<(String, String, bool)>,
}

/// Writes one event list as HTML.
pub(super) struct Writer<'e, 'a> {
    events: &'e [Event<'a>],
    mode: Mode,
    out: String,
    /// Mirrors pulldown-cmark's HTML writer so spec-mode output matches its
    /// line breaks.
    end_newline: bool,
    words: WordCounter,
    table_alignments: Vec<Alignment>,
    in_table_head: bool,
    table_cell: usize,
    /// For each open link: whether an `<a>` was written (dropped links are text).
    links: Vec<bool>,
    heading: Option<HeadingCapture>,
    heading_ids: HeadingIds,
    toc: Vec<TocEntry>,
    pull_quotes: HashMap<usize, Caption>,
    /// For each open blockquote, its attribution if it is a pull quote.
    quotes: Vec<Option<Caption>>,
    in_caption: bool,
    strip_dash: bool,
    footnotes: Footnotes,
}

impl<'e, 'a> Writer<'e, 'a> {
    pub(super) fn new(events: &'e [Event<'a>], mode: Mode) -> Self {
        let pull_quotes = match mode {
            Mode::Article => plan_pull_quotes(events),
            Mode::Spec => HashMap::new(),
        };
        Writer {
            events,
            mode,
            out: String::with_capacity(events.len() * 16),
            end_newline: true,
            words: WordCounter::default(),
            table_alignments: Vec::new(),
            in_table_head: false,
            table_cell: 0,
            links: Vec::new(),
            heading: None,
            heading_ids: HeadingIds::default(),
            toc: Vec::new(),
            pull_quotes,
            quotes: Vec::new(),
            in_caption: false,
            strip_dash: false,
            footnotes: Footnotes {
                numbers: HashMap::new(),
                refs: Vec::new(),
                labels: Vec::new(),
                definitions: HashMap::new(),
                capture: None,
            },
        }
    }

    fn article(&self) -> bool {
        self.mode == Mode::Article
    }

    fn write(&mut self, s: &str) {
        self.out.push_str(s);
        if !s.is_empty() {
            self.end_newline = s.ends_with('\n');
        }
    }

    /// Starts a block on a fresh line.
    fn write_block(&mut self, s: &str) {
        if !self.end_newline {
            self.out.push('\n');
        }
        self.write(s);
    }

    fn text(&mut self, s: &str) {
        self.words.count(s);
        if let Some(heading) = &mut self.heading {
            heading.text.push_str(s);
        }
        escape_body(&mut self.out, s);
        if !s.is_empty() {
            self.end_newline = s.ends_with('\n');
        }
    }

    pub(super) fn run(&mut self) {
        let events = self.events;
        let mut i = 0;
        while i < events.len() {
            if let Some(Some(caption)) = self.quotes.last() {
                if caption.at == i {
                    self.open_caption(caption.split);
                    i += 1;
                    continue;
                }
            }
            if self.strip_dash && !matches!(events[i], Event::Text(_)) {
                self.strip_dash = false;
            }
            match &events[i] {
                Event::Start(tag) => {
                    if !is_inline(tag) {
                        self.words.block();
                    }
                    if let Tag::Image {
                        dest_url, title, ..
                    } = tag
                    {
                        i = self.image(i, dest_url, title);
                    } else {
                        self.start(tag, i);
                    }
                }
                Event::End(tag) => {
                    if !is_inline_end(*tag) {
                        self.words.block();
                    }
                    self.end(*tag);
                }
                Event::Text(text) => {
                    if self.strip_dash {
                        let rest =
                            text.trim_start_matches(|c: char| c.is_whitespace() || is_dash(c));
                        if !rest.is_empty() {
                            self.strip_dash = false;
                        }
                        // The dash itself still counts as read text, like the
                        // word counter in `walk_text` sees it.
                        self.words.count(&text[..text.len() - rest.len()]);
                        self.text(rest);
                    } else {
                        self.text(text);
                    }
                }
                Event::Code(code) => {
                    self.write("<code>");
                    self.text(code);
                    self.write("</code>");
                }
                Event::Html(html) | Event::InlineHtml(html) => self.text(html),
                Event::InlineMath(math) | Event::DisplayMath(math) => self.text(math),
                Event::SoftBreak => {
                    self.words.block();
                    if let Some(heading) = &mut self.heading {
                        heading.text.push(' ');
                    }
                    self.write("\n");
                }
                Event::HardBreak => {
                    self.words.block();
                    if let Some(heading) = &mut self.heading {
                        heading.text.push(' ');
                    }
                    self.write("<br />\n");
                }
                Event::Rule => {
                    self.words.block();
                    self.write_block("<hr />\n");
                }
                Event::FootnoteReference(label) => self.footnote_reference(label),
                Event::TaskListMarker(_) => {}
            }
            i += 1;
        }
    }

    fn start(&mut self, tag: &Tag<'a>, index: usize) {
        match tag {
            Tag::Paragraph => self.write_block("<p>"),
            Tag::Heading { level, id, .. } => {
                if !self.end_newline {
                    self.out.push('\n');
                }
                let saved = std::mem::take(&mut self.out);
                self.heading = Some(HeadingCapture::new(*level, id.as_deref(), saved));
            }
            Tag::BlockQuote(_) => {
                let caption = self.pull_quotes.get(&index).copied();
                self.quotes.push(caption);
                if caption.is_some() {
                    self.write_block("<figure class=\"pull-quote\"><blockquote>\n");
                } else {
                    self.write_block("<blockquote>\n");
                }
            }
            Tag::CodeBlock(kind) => {
                if !self.end_newline {
                    self.write("\n");
                }
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split(' ').next().unwrap_or(""),
                    CodeBlockKind::Indented => "",
                };
                if lang.is_empty() {
                    self.write("<pre><code>");
                } else {
                    self.write("<pre><code class=\"language-");
                    escape_html(&mut self.out, lang);
                    self.write("\">");
                }
            }
            // Raw HTML shows as text, in a paragraph so it reads as one.
            Tag::HtmlBlock => self.write_block("<p>"),
            Tag::List(Some(1)) => self.write_block("<ol>\n"),
            Tag::List(Some(start)) => {
                self.write_block("<ol start=\"");
                self.write(&start.to_string());
                self.write("\">\n");
            }
            Tag::List(None) => self.write_block("<ul>\n"),
            Tag::Item => self.write_block("<li>"),
            Tag::FootnoteDefinition(label) => {
                let saved = std::mem::take(&mut self.out);
                self.footnotes.capture = Some((saved, label.to_lowercase(), self.end_newline));
                self.end_newline = true;
            }
            Tag::DefinitionList => self.write_block("<dl>\n"),
            Tag::DefinitionListTitle => self.write_block("<dt>"),
            Tag::DefinitionListDefinition => self.write_block("<dd>"),
            // Spec mode never parses tables, so this is the article form only.
            Tag::Table(alignments) => {
                self.table_alignments.clone_from(alignments);
                // Focusable and labelled so keyboard users can scroll a wide table.
                self.write_block("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"><table>");
            }
            Tag::TableHead => {
                self.in_table_head = true;
                self.table_cell = 0;
                self.write("<thead><tr>");
            }
            Tag::TableRow => {
                self.table_cell = 0;
                self.write("<tr>");
            }
            Tag::TableCell => {
                self.write(if self.in_table_head {
                    "<th scope=\"col\""
                } else {
                    "<td"
                });
                // Classes rather than `style` so a strict style-src CSP holds.
                match self.table_alignments.get(self.table_cell) {
                    Some(Alignment::Left) => self.write(" class=\"align-left\">"),
                    Some(Alignment::Center) => self.write(" class=\"align-center\">"),
                    Some(Alignment::Right) => self.write(" class=\"align-right\">"),
                    _ => self.write(">"),
                }
            }
            Tag::Emphasis => self.write("<em>"),
            Tag::Strong => self.write("<strong>"),
            Tag::Strikethrough => self.write("<del>"),
            Tag::Superscript => self.write("<sup>"),
            Tag::Subscript => self.write("<sub>"),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                let href: Cow<'_, str> = if *link_type == LinkType::Email {
                    Cow::Owned(format!("mailto:{dest_url}"))
                } else {
                    Cow::Borrowed(dest_url)
                };
                let kind = classify(&href);
                self.links.push(kind != UrlKind::Blocked);
                if kind == UrlKind::Blocked {
                    return;
                }
                self.write("<a href=\"");
                escape_href(&mut self.out, &href);
                if !title.is_empty() {
                    self.write("\" title=\"");
                    escape_html(&mut self.out, title);
                }
                if kind == UrlKind::External && self.article() {
                    self.write("\" rel=\"noopener noreferrer");
                }
                self.write("\">");
            }
            // Images are written by `image`; metadata blocks are not enabled.
            Tag::Image { .. } | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                if self.in_caption {
                    self.in_caption = false;
                    self.write("</figcaption>\n");
                } else {
                    self.write("</p>\n");
                }
            }
            TagEnd::Heading(_) => self.close_heading(),
            TagEnd::BlockQuote(_) => match self.quotes.pop() {
                Some(Some(_)) => self.write("</figure>\n"),
                _ => self.write("</blockquote>\n"),
            },
            TagEnd::CodeBlock => self.write("</code></pre>\n"),
            TagEnd::HtmlBlock => {
                if self.out.ends_with('\n') {
                    self.out.pop();
                }
                self.write("</p>\n");
            }
            TagEnd::List(true) => self.write("</ol>\n"),
            TagEnd::List(false) => self.write("</ul>\n"),
            TagEnd::Item => self.write("</li>\n"),
            TagEnd::FootnoteDefinition => {
                if let Some((saved, label, end_newline)) = self.footnotes.capture.take() {
                    let html = std::mem::replace(&mut self.out, saved);
                    self.end_newline = end_newline;
                    self.footnotes.definitions.entry(label).or_insert(html);
                }
            }
            TagEnd::DefinitionList => self.write("</dl>\n"),
            TagEnd::DefinitionListTitle => self.write("</dt>\n"),
            TagEnd::DefinitionListDefinition => self.write("</dd>\n"),
            TagEnd::Table => self.write("</tbody></table></div>\n"),
            TagEnd::TableHead => {
                self.in_table_head = false;
                self.write("</tr></thead><tbody>\n");
            }
            TagEnd::TableRow => self.write("</tr>\n"),
            TagEnd::TableCell => {
                self.write(if self.in_table_head { "</th>" } else { "</td>" });
                self.table_cell += 1;
            }
            TagEnd::Emphasis => self.write("</em>"),
            TagEnd::Strong => self.write("</strong>"),
            TagEnd::Strikethrough => self.write("</del>"),
            TagEnd::Superscript => self.write("</sup>"),
            TagEnd::Subscript => self.write("</sub>"),
            TagEnd::Link => {
                if self.links.pop() == Some(true) {
                    self.write("</a>");
                }
            }
            TagEnd::Image | TagEnd::MetadataBlock(_) => {}
        }
    }

    fn open_caption(&mut self, split: bool) {
        if split {
            self.write("</p>\n");
        }
        self.words.block();
        self.write("</blockquote>\n<figcaption>");
        self.in_caption = true;
        self.strip_dash = true;
    }

    /// Writes an image (or, if its URL is refused, its alt text) and returns
    /// the index of its `End(Image)`.
    fn image(&mut self, start: usize, dest_url: &str, title: &str) -> usize {
        let events = self.events;
        let mut alt = String::new();
        let mut depth = 0usize;
        let mut end = start + 1;
        while end < events.len() {
            match &events[end] {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => break,
                Event::End(_) => depth -= 1,
                Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                    alt.push_str(t)
                }
                Event::InlineMath(t) | Event::DisplayMath(t) => alt.push_str(t),
                Event::SoftBreak | Event::HardBreak | Event::Rule => alt.push(' '),
                Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
            }
            end += 1;
        }
        if classify(dest_url) == UrlKind::Blocked {
            // The alt text is not counted as words, to match `walk_text`.
            escape_body(&mut self.out, &alt);
            if !alt.is_empty() {
                self.end_newline = alt.ends_with('\n');
            }
            return end;
        }
        self.write("<img src=\"");
        escape_href(&mut self.out, dest_url);
        self.write("\" alt=\"");
        escape_html(&mut self.out, &alt);
        if !title.is_empty() {
            self.write("\" title=\"");
            escape_html(&mut self.out, title);
        }
        if self.article() {
            self.write("\" loading=\"lazy\" decoding=\"async");
        }
        self.write("\" />");
        end
    }

    fn close_heading(&mut self) {
        let Some(heading) = self.heading.take() else {
            return;
        };
        let inner = std::mem::replace(&mut self.out, heading.saved);
        let level = heading.level as u8;
        self.write("<h");
        self.write(&level.to_string());
        if self.article() {
            let text = collapse_whitespace(&heading.text);
            let id = self
                .heading_ids
                .unique(heading.custom_id.unwrap_or_else(|| slugify(&text)));
            self.write(" id=\"");
            escape_html(&mut self.out, &id);
            self.write("\">");
            self.write(&inner);
            if level == 2 || level == 3 {
                self.write(" <a class=\"heading-anchor\" href=\"#");
                escape_href(&mut self.out, &id);
                self.write("\" aria-label=\"Link to section: ");
                escape_html(&mut self.out, &text);
                self.write("\">#</a>");
                self.toc.push(TocEntry { level, id, text });
            }
        } else {
            self.write(">");
            self.write(&inner);
        }
        self.write("</h");
        self.write(&level.to_string());
        self.write(">\n");
    }

    fn footnote_reference(&mut self, label: &str) {
        let notes = &mut self.footnotes;
        let key = label.to_lowercase();
        let number = match notes.numbers.get(&key) {
            Some(&n) => n,
            None => {
                notes.labels.push(key.clone());
                notes.refs.push(0);
                notes.numbers.insert(key, notes.labels.len());
                notes.labels.len()
            }
        };
        notes.refs[number - 1] += 1;
        let nth = notes.refs[number - 1];
        let ref_id = footnote_ref_id(number, nth);
        let html = format!(
            "<sup class=\"footnote-ref\"><a href=\"#fn-{number}\" id=\"{ref_id}\" aria-label=\"Footnote {number}\">{number}</a></sup>"
        );
        self.write(&html);
    }

    /// Appends the footnotes, numbered in order of first reference, each with
    /// links back to every place it was cited.
    fn write_footnotes(&mut self) {
        let notes = std::mem::replace(
            &mut self.footnotes,
            Footnotes {
                numbers: HashMap::new(),
                refs: Vec::new(),
                labels: Vec::new(),
                definitions: HashMap::new(),
                capture: None,
            },
        );
        if notes.labels.is_empty() {
            return;
        }
        self.write_block("<section class=\"footnotes\" aria-label=\"Footnotes\">\n<ol>\n");
        for (index, label) in notes.labels.iter().enumerate() {
            let number = index + 1;
            let mut backlinks = String::new();
            for nth in 1..=notes.refs[index] {
                let ref_id = footnote_ref_id(number, nth);
                let label = if nth == 1 {
                    number.to_string()
                } else {
                    format!("{number} ({nth})")
                };
                // U+FE0E keeps ↩ a text glyph rather than an emoji on phones.
                backlinks.push_str(&format!(
                    " <a href=\"#{ref_id}\" class=\"footnote-backref\" aria-label=\"Back to reference {label}\">↩\u{FE0E}</a>"
                ));
            }
            self.write(&format!("<li id=\"fn-{number}\">\n"));
            let body = notes.definitions.get(label).map_or("", String::as_str);
            match body.strip_suffix("</p>\n") {
                Some(head) => {
                    self.write(head);
                    self.write(&backlinks);
                    self.write("</p>\n");
                }
                None => {
                    self.write(body);
                    self.write_block("<p>");
                    self.write(backlinks.trim_start());
                    self.write("</p>\n");
                }
            }
            self.write("</li>\n");
        }
        self.write("</ol>\n</section>\n");
    }

    pub(super) fn finish(mut self) -> Rendered {
        self.write_footnotes();
        Rendered {
            html: self.out,
            toc: self.toc,
            words: self.words.words,
        }
    }
}

fn footnote_ref_id(number: usize, nth: usize) -> String {
    if nth == 1 {
        format!("fnref-{number}")
    } else {
        format!("fnref-{number}-{nth}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::render;
    use crate::markdown::tests::{assert_safe, html};

    /// Asserts that `markdown` renders safely with no link or image at all.
    fn assert_no_url(markdown: &str) {
        let out = html(markdown);
        assert_safe(&out);
        assert!(!out.contains("<a "), "link kept for {markdown:?}: {out}");
        assert!(!out.contains("<img"), "image kept for {markdown:?}: {out}");
    }

    // ----- headings

    #[test]
    fn headings_get_slug_ids_and_anchors() {
        assert_eq!(
            html("## Working With the Center"),
            "<h2 id=\"working-with-the-center\">Working With the Center <a class=\"heading-anchor\" \
             href=\"#working-with-the-center\" aria-label=\"Link to section: Working With the Center\">#</a></h2>\n"
        );
    }

    #[test]
    fn toc_lists_h2_and_h3_as_plain_text() {
        let out = render(
            "# Title\n\n## The *Long* `View`\n\n### Smaller \"one\"\n\n#### Too deep\n\nText.",
        );
        assert_eq!(
            out.toc,
            [
                TocEntry {
                    level: 2,
                    id: "the-long-view".into(),
                    text: "The Long View".into()
                },
                TocEntry {
                    level: 3,
                    id: "smaller-one".into(),
                    text: "Smaller “one”".into()
                },
            ]
        );
        // Every heading gets an id, but only h2/h3 get a visible anchor.
        assert!(out.html.contains("<h1 id=\"title\">Title</h1>"));
        assert!(out.html.contains("<h4 id=\"too-deep\">Too deep</h4>"));
        assert!(out
            .html
            .contains("<h2 id=\"the-long-view\">The <em>Long</em> <code>View</code> <a"));
    }

    #[test]
    fn anchor_label_is_escaped() {
        let out = html("## Tom & \"Jerry\" <b>");
        assert!(
            out.contains("aria-label=\"Link to section: Tom &amp; “Jerry” &lt;b&gt;\""),
            "{out}"
        );
        assert_safe(&out);
    }

    // ----- raw HTML

    #[test]
    fn raw_html_is_shown_as_text() {
        assert_eq!(
            html("<script>alert(1)</script>"),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
        );
        assert_eq!(
            html("Hi <img src=x onerror=alert(1)> there <!-- note -->"),
            "<p>Hi &lt;img src=x onerror=alert(1)&gt; there &lt;!-- note --&gt;</p>\n"
        );
        let out = html(
            "<div onclick=\"steal()\">\n<iframe src=\"https://evil.example\"></iframe>\n</div>",
        );
        assert_safe(&out);
        assert!(
            out.contains("&lt;iframe src=\"https://evil.example\"&gt;"),
            "{out}"
        );
        let out = html("<style>body{display:none}</style>\n\n<form action=x><input></form>");
        assert_safe(&out);
    }

    // ----- URLs

    #[test]
    fn hostile_link_urls_are_dropped_but_keep_their_text() {
        let cases = [
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](javascript&colon;alert(1))",
            "[click](&#106;avascript:alert(1))",
            "[click](&#x6A;avascript:alert(1))",
            "[click](jav&#x09;ascript:alert(1))",
            "[click](jav&#9;ascript:alert(1))",
            "[click](<java\tscript:alert(1)>)",
            "[click](<java script:alert(1)>)",
            "[click]( javascript:alert(1))",
            "[click](&#32;javascript:alert(1))",
            "[click](<\u{1}javascript:alert(1)>)",
            "[click](vbscript:msgbox(1))",
            "[click](data:text/html,<script>alert(1)</script>)",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[click](//evil.example/x)",
            "[click](\\\\\\\\evil.example/x)",
            "[click](/\\\\evil.example)",
            "[click](file:///etc/passwd)",
            "[click](irc://irc.example)",
            "[click][ref]\n\n[ref]: javascript:alert(1)",
            "[click][]\n\n[click]: JAVASCRIPT:alert(1) \"t\"",
            "[click]\n\n[click]: data:text/html,x",
        ];
        for markdown in cases {
            let out = html(markdown);
            assert_no_url(markdown);
            assert_eq!(out, "<p>click</p>\n", "{markdown:?}");
        }
    }

    #[test]
    fn hostile_autolinks_are_text() {
        let out =
            html("<javascript:alert(1)> <JAVASCRIPT:alert(1)> <data:text/html,x> <vbscript:x>");
        assert_safe(&out);
        assert_eq!(
            out,
            "<p>javascript:alert(1) JAVASCRIPT:alert(1) data:text/html,x vbscript:x</p>\n"
        );
    }

    #[test]
    fn hostile_image_sources_render_alt_text() {
        for markdown in [
            "![a *cat*](javascript:alert(1))",
            "![a *cat*](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
            "![a *cat*](//evil.example/cat.png)",
            "![a *cat*][img]\n\n[img]: &#106;avascript:alert(1)",
        ] {
            assert_no_url(markdown);
            assert_eq!(html(markdown), "<p>a cat</p>\n", "{markdown:?}");
        }
    }

    #[test]
    fn allowed_urls_are_kept() {
        let cases = [
            ("[a](https://example.org/x?y=1&z=2)", "<a href=\"https://example.org/x?y=1&amp;z=2\" rel=\"noopener noreferrer\">a</a>"),
            ("[a](HTTP://example.org)", "<a href=\"HTTP://example.org\" rel=\"noopener noreferrer\">a</a>"),
            ("[a](mailto:editors@example.org)", "<a href=\"mailto:editors@example.org\">a</a>"),
            ("<editors@example.org>", "<a href=\"mailto:editors@example.org\">editors@example.org</a>"),
            ("<https://example.org>", "<a href=\"https://example.org\" rel=\"noopener noreferrer\">https://example.org</a>"),
            ("[a](/topics/labor)", "<a href=\"/topics/labor\">a</a>"),
            ("[a](../up)", "<a href=\"../up\">a</a>"),
            ("[a](#section)", "<a href=\"#section\">a</a>"),
            ("[a](?page=2)", "<a href=\"?page=2\">a</a>"),
            ("[a](/path/with:colon)", "<a href=\"/path/with:colon\">a</a>"),
            ("[a](/x \"Tom's \\\"best\\\" <pick> & more\")", "<a href=\"/x\" title=\"Tom&#39;s &quot;best&quot; &lt;pick&gt; &amp; more\">a</a>"),
            ("[a](/caf\u{e9} \"t\")", "<a href=\"/caf%C3%A9\" title=\"t\">a</a>"),
        ];
        for (markdown, expected) in cases {
            assert_eq!(
                html(markdown),
                format!("<p>{expected}</p>\n"),
                "{markdown:?}"
            );
        }
    }

    #[test]
    fn a_backslash_before_the_colon_makes_a_path_not_a_scheme() {
        // Found by the markdown fuzz target: `\\x:` is relative (the backslash is
        // percent-encoded), which browsers resolve on this site; the checker agrees.
        let out = html(r"[backslashes](\evicript:window.x='ls')");
        assert!(
            out.contains(r#"href="%5Cevicript:window.x=&#x27;ls&#x27;""#),
            "{out}"
        );
        assert_safe(&out);
    }

    #[test]
    fn images_load_lazily() {
        assert_eq!(
            html("![A \"banner\" <x>](/img/banner.jpg \"Title's\")"),
            "<p><img src=\"/img/banner.jpg\" alt=\"A “banner” &lt;x&gt;\" title=\"Title&#39;s\" \
             loading=\"lazy\" decoding=\"async\" /></p>\n"
        );
    }

    // ----- blocks

    #[test]
    fn tables_are_wrapped_to_scroll() {
        let out = html("| Year | Members |\n|:-----|--------:|\n| 2020 | 1,200 |\n");
        assert!(out.starts_with("<div class=\"table-scroll\""), "{out}");
        assert!(
            out.contains("><table><thead><tr><th scope=\"col\" class=\"align-left\">Year</th>"),
            "{out}"
        );
        assert!(
            out.contains("<td class=\"align-right\">1,200</td>"),
            "{out}"
        );
        assert!(out.ends_with("</tbody></table></div>\n"), "{out}");
        assert_safe(&out);
    }

    #[test]
    fn footnotes_render_at_the_end_with_backlinks() {
        let out = html("First.[^b] Second.[^A] Again.[^b]\n\n[^a]: Note A.\n\n[^b]: Note *B*.\n\n[^unused]: Never cited.\n\nAfter.");
        let (body, notes) = out.split_once("<section class=\"footnotes\"").expect(&out);
        assert!(body.contains("First.<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" aria-label=\"Footnote 1\">1</a></sup>"), "{body}");
        assert!(
            body.contains("Second.<sup class=\"footnote-ref\"><a href=\"#fn-2\" id=\"fnref-2\""),
            "{body}"
        );
        assert!(
            body.contains("Again.<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1-2\""),
            "{body}"
        );
        assert!(
            body.ends_with("<p>After.</p>\n"),
            "definitions must not render in place: {body}"
        );
        assert!(notes.contains(
            "<li id=\"fn-1\">\n<p>Note <em>B</em>. <a href=\"#fnref-1\" class=\"footnote-backref\" aria-label=\"Back to reference 1\">↩\u{FE0E}</a> \
             <a href=\"#fnref-1-2\" class=\"footnote-backref\" aria-label=\"Back to reference 1 (2)\">↩\u{FE0E}</a></p>\n</li>"
        ), "{notes}");
        assert!(
            notes.contains("<li id=\"fn-2\">\n<p>Note A. <a href=\"#fnref-2\""),
            "{notes}"
        );
        assert!(!notes.contains("Never cited"));
        assert!(notes.ends_with("</ol>\n</section>\n"));
        assert_safe(&out);
    }

    #[test]
    fn footnote_ending_in_a_list_gets_its_own_backlink_paragraph() {
        let out = html("Text.[^1]\n\n[^1]: Items:\n\n    - one\n    - two\n");
        assert!(
            out.contains("</ul>\n<p><a href=\"#fnref-1\" class=\"footnote-backref\""),
            "{out}"
        );
    }
}
