//! The one Markdown renderer: the app renders article bodies with it in the
//! browser and the builder uses it for excerpts, reading times and search text,
//! so both always agree on what an article says.
//!
//! Article bodies come from contributors, so the output is built to be safe to
//! inject as `innerHTML` without a separate HTML sanitiser (which would cost
//! wasm size): raw HTML is escaped into visible text, link and image URLs pass
//! an allow-list, and every tag and attribute in the output is written here.

use crate::text::push_escaped;
use crate::url::{classify, UrlKind};
use pulldown_cmark::{
    Alignment, CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

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

/// Minutes to read at 230 words a minute, rounded up, at least one.
pub fn reading_time(markdown: &str) -> crate::ReadingTime {
    let source = without_nul(markdown);
    let mut counter = WordCounter::default();
    walk_text(Parser::new_ext(&source, article_options()), &mut counter);
    reading_time_for(counter.words)
}

/// The opening paragraphs as plain text, cut at a word to at most `max_chars` chars with "…".
pub fn excerpt(markdown: &str, max_chars: usize) -> String {
    let source = without_nul(markdown);
    let mut text = String::new();
    // Block nesting, so only top-level paragraphs count: quotes, lists and
    // footnotes are not how an article opens.
    let mut depth = 0usize;
    let mut in_paragraph = false;
    let mut image_depth = 0usize;
    for event in Parser::new_ext(&source, article_options()) {
        match event {
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            _ if image_depth > 0 => {}
            Event::Start(Tag::Paragraph) if depth == 0 => {
                depth += 1;
                in_paragraph = true;
                text.push(' ');
            }
            Event::Start(tag) if !is_inline(&tag) => depth += 1,
            Event::End(TagEnd::Paragraph) if in_paragraph => {
                depth -= 1;
                in_paragraph = false;
                // Enough text gathered: stop parsing the rest of the article.
                if collapse_whitespace(&text).chars().count() > max_chars {
                    break;
                }
            }
            Event::End(tag) if !is_inline_end(tag) => depth = depth.saturating_sub(1),
            Event::Text(s) | Event::Code(s) if in_paragraph => text.push_str(&s),
            Event::SoftBreak | Event::HardBreak if in_paragraph => text.push(' '),
            _ => {}
        }
    }
    truncate_at_word(&collapse_whitespace(&text), max_chars)
}

/// All the text a reader sees, blocks separated by newlines, for search indexing.
pub fn plain_text(markdown: &str) -> String {
    let source = without_nul(markdown);
    let mut sink = PlainText(String::with_capacity(source.len()));
    walk_text(Parser::new_ext(&source, article_options()), &mut sink);
    let mut text = sink.0;
    let end = text.trim_end().len();
    text.truncate(end);
    text.trim_start().to_owned()
}

/// Reading speed for [`reading_time`]: a common figure for adult readers of
/// long-form prose.
const WORDS_PER_MINUTE: u32 = 230;

fn reading_time_for(words: u32) -> crate::ReadingTime {
    crate::ReadingTime(words.div_ceil(WORDS_PER_MINUTE).max(1))
}

/// The Markdown extensions articles use; the content checks parse bodies with the same ones, so
/// they see the links and images readers will.
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

// ---------------------------------------------------------------------------
// Text walking, shared by `plain_text`, `reading_time` and the word count of
// `render` so all three agree.

trait TextSink {
    fn text(&mut self, s: &str);
    fn space(&mut self);
    fn block(&mut self);
}

struct PlainText(String);

impl TextSink for PlainText {
    fn text(&mut self, s: &str) {
        self.0.push_str(s);
    }
    fn space(&mut self) {
        self.0.push(' ');
    }
    fn block(&mut self) {
        let end = self.0.trim_end_matches([' ', '\t']).len();
        self.0.truncate(end);
        if !self.0.is_empty() && !self.0.ends_with('\n') {
            self.0.push('\n');
        }
    }
}

#[derive(Default)]
struct WordCounter {
    words: u32,
    in_word: bool,
}

impl WordCounter {
    /// A word starts at the first letter or digit after a separator, so
    /// "don’t", "U.S." and "3,000" are one word and "left—right" is two.
    fn count(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Bytes for ASCII (most of any article), chars only for the rest.
            let (separator, alphanumeric, len) = match bytes[i] {
                b if b.is_ascii() => (
                    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b'/'),
                    b.is_ascii_alphanumeric(),
                    1,
                ),
                _ => {
                    let Some(c) = s[i..].chars().next() else {
                        break;
                    };
                    let separator = c.is_whitespace() || matches!(c, '—' | '–' | '―');
                    (separator, c.is_alphanumeric(), c.len_utf8())
                }
            };
            if separator {
                self.in_word = false;
            } else if alphanumeric && !self.in_word {
                self.in_word = true;
                self.words = self.words.saturating_add(1);
            }
            i += len;
        }
    }
}

impl TextSink for WordCounter {
    fn text(&mut self, s: &str) {
        self.count(s);
    }
    fn space(&mut self) {
        self.in_word = false;
    }
    fn block(&mut self) {
        self.in_word = false;
    }
}

/// Feeds the reader-visible text to `sink`: image alt text is left out (it
/// stands in for the picture), as are footnote numbers.
fn walk_text<'a>(events: impl Iterator<Item = Event<'a>>, sink: &mut impl TextSink) {
    let mut image_depth = 0usize;
    for event in events {
        match event {
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            _ if image_depth > 0 => {}
            Event::Start(tag) if !is_inline(&tag) => sink.block(),
            Event::End(tag) if !is_inline_end(tag) => sink.block(),
            Event::Text(s)
            | Event::Code(s)
            | Event::Html(s)
            | Event::InlineHtml(s)
            | Event::InlineMath(s)
            | Event::DisplayMath(s) => sink.text(&s),
            Event::SoftBreak | Event::HardBreak => sink.space(),
            Event::Rule => sink.block(),
            _ => {}
        }
    }
}

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

/// Cuts `text` (already whitespace-collapsed) to at most `max_chars`
/// characters including the "…", preferring the last whole word.
fn truncate_at_word(text: &str, max_chars: usize) -> String {
    let Some((cut, _)) = text.char_indices().nth(max_chars) else {
        return text.to_owned();
    };
    if max_chars == 0 {
        return String::new();
    }
    // Room for the ellipsis.
    let cut = text[..cut].char_indices().last().map_or(0, |(i, _)| i);
    let head = &text[..cut];
    let head = if text[cut..].starts_with(' ') {
        head
    } else {
        match head.rfind(' ') {
            Some(space) if space > 0 => &head[..space],
            _ => head,
        }
    };
    // A dangling comma or opening quote before "…" reads as a typo.
    let trimmed = head.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–' | '-' | '(' | '[' | '“' | '‘')
    });
    let head = if trimmed.is_empty() { head } else { trimmed };
    let mut out = String::with_capacity(head.len() + 3);
    out.push_str(head);
    out.push('…');
    out
}

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
// Headings

/// A readable id from heading text: lowercase letters and digits joined by
/// hyphens, apostrophes dropped so "Don’t Mourn" gives `dont-mourn`.
/// Whether a heading id would collide with an id the page around a body uses: the app's
/// landmarks, controls and section headings (the skip link targets `#main`) or this
/// renderer's footnote ids. Such a heading gets another id, so no in-page link changes target.
pub fn reserved_id(id: &str) -> bool {
    RESERVED_IDS.contains(&id) || RESERVED_PREFIXES.iter().any(|p| id.starts_with(p))
}

/// The app's fixed ids (src/, index.html, entries/).
const RESERVED_IDS: &[&str] = &[
    "main",
    "support",
    "search-q",
    "fatal-error",
    "fatal-reload",
    "contributor-articles-heading",
    "listing-heading",
    "problems-heading",
    "related-heading",
    "republish-heading",
    "share-heading",
    "sizes-heading",
    "support-heading",
    "toc-heading",
    "republish-dialog",
];

/// Id families generated at run time: footnotes, subscribe forms, the embed and preview tools.
const RESERVED_PREFIXES: &[&str] = &["fn-", "fnref-", "subscribe-", "embed-", "preview-"];

fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if gap && !slug.is_empty() {
                slug.push('-');
            }
            gap = false;
            slug.extend(c.to_lowercase());
        } else if !matches!(c, '\'' | '’' | '‘' | '"' | '“' | '”') {
            gap = true;
        }
    }
    if slug.is_empty() {
        slug.push_str("section");
    }
    slug
}

struct HeadingCapture {
    level: HeadingLevel,
    custom_id: Option<String>,
    /// The output written before the heading; the heading's inner HTML goes to
    /// a fresh buffer because the `id` must be written before it.
    saved: String,
    text: String,
}

// ---------------------------------------------------------------------------
// Pull quotes

/// Where a pull quote's attribution starts.
#[derive(Debug, Clone, Copy)]
struct Caption {
    /// Index of the attribution paragraph's `Start(Paragraph)`, or of the line
    /// break before the attribution line when it shares the last paragraph.
    at: usize,
    /// Whether `at` is a line break inside the last paragraph.
    split: bool,
}

/// Strips an attribution dash: an em dash or horizontal bar, an en dash (what
/// smart punctuation makes of `--`), or two or more hyphens/dashes.
fn strip_attribution_dash(s: &str) -> Option<&str> {
    let s = s.trim_start();
    let mut count = 0;
    let mut long = false;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        match c {
            '—' | '―' | '–' => long = true,
            '-' => {}
            _ => break,
        }
        count += 1;
        end = i + c.len_utf8();
    }
    (long || count >= 2).then(|| s[end..].trim_start())
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '―' | '–' | '-')
}

/// Whether the inline events from `from` up to `end` (exclusive) start with an
/// attribution dash followed by something to attribute to.
fn starts_with_attribution(events: &[Event<'_>], from: usize, end: usize) -> bool {
    let mut lead = String::new();
    let mut next = from;
    while next < end {
        match &events[next] {
            Event::Text(t) => lead.push_str(t),
            _ => break,
        }
        next += 1;
    }
    match strip_attribution_dash(&lead) {
        Some(rest) => !rest.is_empty() || next < end,
        None => false,
    }
}

/// Finds the blockquotes that are pull quotes: their last block is a paragraph
/// (or a last line) starting with a dash, after some quoted text.
fn plan_pull_quotes(events: &[Event<'_>]) -> HashMap<usize, Caption> {
    struct Frame {
        start: usize,
        quote: bool,
        last_child: Option<usize>,
    }
    let mut plans = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(tag) if !is_inline(tag) => stack.push(Frame {
                start: i,
                quote: matches!(tag, Tag::BlockQuote(_)),
                last_child: None,
            }),
            Event::End(tag) if !is_inline_end(*tag) => {
                let Some(frame) = stack.pop() else { continue };
                if frame.quote {
                    if let Some(caption) = caption_of(events, frame.start, frame.last_child, i) {
                        plans.insert(frame.start, caption);
                    }
                }
                if let Some(parent) = stack.last_mut() {
                    parent.last_child = Some(frame.start);
                }
            }
            _ => {}
        }
    }
    plans
}

fn caption_of(
    events: &[Event<'_>],
    quote: usize,
    last_child: Option<usize>,
    quote_end: usize,
) -> Option<Caption> {
    let para = last_child?;
    if !matches!(events[para], Event::Start(Tag::Paragraph)) {
        return None;
    }
    let para_end = quote_end - 1;
    if para > quote + 1 && starts_with_attribution(events, para + 1, para_end) {
        return Some(Caption {
            at: para,
            split: false,
        });
    }
    // "> Quote…\n> — Name": the attribution is the last line of the paragraph.
    let mut depth = 0usize;
    let mut last_break = None;
    for (i, event) in events.iter().enumerate().take(para_end).skip(para + 1) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::SoftBreak | Event::HardBreak if depth == 0 => last_break = Some(i),
            _ => {}
        }
    }
    let at = last_break?;
    starts_with_attribution(events, at + 1, para_end).then_some(Caption { at, split: true })
}

// ---------------------------------------------------------------------------
// The HTML writer

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
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

struct Writer<'e, 'a> {
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
    ids: HashSet<String>,
    /// The last numeric suffix used for each repeated heading id.
    id_suffixes: HashMap<String, usize>,
    toc: Vec<TocEntry>,
    pull_quotes: HashMap<usize, Caption>,
    /// For each open blockquote, its attribution if it is a pull quote.
    quotes: Vec<Option<Caption>>,
    in_caption: bool,
    strip_dash: bool,
    footnotes: Footnotes,
}

impl<'e, 'a> Writer<'e, 'a> {
    fn new(events: &'e [Event<'a>], mode: Mode) -> Self {
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
            ids: HashSet::new(),
            id_suffixes: HashMap::new(),
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

    fn run(&mut self) {
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
                // Classes and other attributes from `{…}` are dropped: an
                // attribute list is a way to smuggle in `onclick`.
                let custom_id = id
                    .as_deref()
                    .map(str::trim)
                    .filter(|id| !id.is_empty())
                    .map(str::to_owned);
                if !self.end_newline {
                    self.out.push('\n');
                }
                let saved = std::mem::take(&mut self.out);
                self.heading = Some(HeadingCapture {
                    level: *level,
                    custom_id,
                    saved,
                    text: String::new(),
                });
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
            let id = self.unique_id(heading.custom_id.unwrap_or_else(|| slugify(&text)));
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

    fn unique_id(&mut self, base: String) -> String {
        // A reserved family (`fn-…`) stays reserved whatever suffix follows, so it moves aside.
        let base = if RESERVED_PREFIXES.iter().any(|p| base.starts_with(p)) {
            format!("section-{base}")
        } else {
            base
        };
        if !reserved_id(&base) && self.ids.insert(base.clone()) {
            return base;
        }
        // Resume from the last suffix tried for this base, so an article that
        // repeats one heading many times stays linear.
        let n = self.id_suffixes.entry(base.clone()).or_insert(1);
        loop {
            *n += 1;
            let id = format!("{base}-{n}");
            if !reserved_id(&id) && self.ids.insert(id.clone()) {
                return id;
            }
        }
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

    fn finish(mut self) -> Rendered {
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
    use proptest::prelude::*;

    fn html(markdown: &str) -> String {
        render(markdown).html
    }

    /// Asserts that `markdown` renders safely with no link or image at all.
    fn assert_no_url(markdown: &str) {
        let out = html(markdown);
        assert_safe(&out);
        assert!(!out.contains("<a "), "link kept for {markdown:?}: {out}");
        assert!(!out.contains("<img"), "image kept for {markdown:?}: {out}");
    }

    /// Checks `html` with the shared allow-list oracle.
    fn assert_safe(html: &str) {
        if let Err(e) = crate::html_check::check(html) {
            panic!("{e}");
        }
    }

    fn count_words(text: &str) -> u32 {
        let mut counter = WordCounter::default();
        counter.count(text);
        counter.words
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
    fn duplicate_heading_ids_are_numbered() {
        let out = render("## Notes\n\n## Notes\n\n### Notes\n\n## Notes {#notes}");
        let ids: Vec<&str> = out.toc.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["notes", "notes-2", "notes-3", "notes-4"]);
        assert!(out.html.contains("<h3 id=\"notes-3\">"));
    }

    #[test]
    fn custom_heading_id_wins_and_other_attributes_are_dropped() {
        let out = render("## What We Want {#demands .big onclick=alert(1) style=color:red}");
        assert!(
            out.html.starts_with("<h2 id=\"demands\">What We Want <a"),
            "{}",
            out.html
        );
        assert!(out.html.contains("href=\"#demands\""));
        assert!(
            !out.html.contains("onclick")
                && !out.html.contains("big")
                && !out.html.contains("style")
        );
        assert_eq!(out.toc[0].id, "demands");
    }

    #[test]
    fn heading_ids_never_take_the_pages_own_ids() {
        let out = html("## Main {#main}\n\n## Fn 1\n\n## Related heading\n\nText.[^a]\n\n## Fnref 1\n\n[^a]: Note.");
        assert!(out.contains("<h2 id=\"main-2\""), "{out}");
        assert!(out.contains("<h2 id=\"section-fn-1\""), "{out}");
        assert!(out.contains("<h2 id=\"section-fnref-1\""), "{out}");
        assert!(out.contains("<h2 id=\"related-heading-2\""), "{out}");
        // The footnote keeps its own ids.
        assert!(out.contains("<li id=\"fn-1\">"), "{out}");
        assert_eq!(out.matches("id=\"fn-1\"").count(), 1, "{out}");
    }

    #[test]
    fn slugs_are_readable() {
        assert_eq!(slugify("Don’t Mourn — Organize!"), "dont-mourn-organize");
        assert_eq!(slugify("  Q&A: 2024's plans "), "q-a-2024s-plans");
        assert_eq!(slugify("Über Łódź"), "über-łódź");
        assert_eq!(slugify("!!!"), "section");
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

    // ----- pull quotes

    #[test]
    fn pull_quote_with_attribution() {
        assert_eq!(
            html("> We are the ones we have been waiting for.\n>\n> — Maurice Mitchell"),
            "<figure class=\"pull-quote\"><blockquote>\n<p>We are the ones we have been waiting for.</p>\n\
             </blockquote>\n<figcaption>Maurice Mitchell</figcaption>\n</figure>\n"
        );
    }

    #[test]
    fn pull_quote_dash_variants() {
        for dash in ["—", "―", "--", "---", "––", "- -"] {
            let out = html(&format!("> Words.\n>\n> {dash} Maurice Mitchell"));
            if dash == "- -" {
                assert!(!out.contains("<figure"), "{dash}: {out}");
                continue;
            }
            assert!(
                out.contains("<figcaption>Maurice Mitchell</figcaption>"),
                "{dash}: {out}"
            );
        }
        let out = html("> Words.\n>\n> —Maurice");
        assert!(out.contains("<figcaption>Maurice</figcaption>"), "{out}");
    }

    #[test]
    fn pull_quote_caption_keeps_inline_markup() {
        let out = html("> Words.\n>\n> — *Maurice Mitchell*, [Working Families Party](https://workingfamilies.org)");
        assert!(
            out.contains(
                "<figcaption><em>Maurice Mitchell</em>, <a href=\"https://workingfamilies.org\" \
                 rel=\"noopener noreferrer\">Working Families Party</a></figcaption>"
            ),
            "{out}"
        );
    }

    #[test]
    fn pull_quote_attribution_on_last_line() {
        let out = html("> Power concedes nothing without a demand.\n> — Frederick Douglass");
        assert_eq!(
            out,
            "<figure class=\"pull-quote\"><blockquote>\n<p>Power concedes nothing without a demand.</p>\n\
             </blockquote>\n<figcaption>Frederick Douglass</figcaption>\n</figure>\n"
        );
    }

    #[test]
    fn blockquotes_without_attribution_stay_plain() {
        let plain = [
            "> Just a quote.",
            "> Two\n>\n> paragraphs.",
            "> — Only an attribution",
            "> Words.\n>\n> — Name\n>\n> More words after.",
            "> Words.\n>\n> — ",
            "> Words.\n>\n> - a list item",
            "> Words\n> — and a dash mid-quote\n> that goes on.",
        ];
        for markdown in plain {
            let out = html(markdown);
            assert!(
                !out.contains("figure") && !out.contains("figcaption"),
                "{markdown:?}: {out}"
            );
            assert!(out.starts_with("<blockquote>"), "{markdown:?}: {out}");
        }
    }

    #[test]
    fn nested_blockquotes_and_pull_quotes() {
        let out =
            html("> Outer words.\n>\n> > Inner words.\n> >\n> > — Inner Name\n>\n> — Outer Name");
        assert_eq!(
            out,
            "<figure class=\"pull-quote\"><blockquote>\n<p>Outer words.</p>\n\
             <figure class=\"pull-quote\"><blockquote>\n<p>Inner words.</p>\n</blockquote>\n\
             <figcaption>Inner Name</figcaption>\n</figure>\n</blockquote>\n\
             <figcaption>Outer Name</figcaption>\n</figure>\n"
        );
        let out = html("> Outer words.\n>\n> > Inner words.\n> >\n> > — Inner Name");
        assert!(
            out.starts_with("<blockquote>\n<p>Outer words.</p>\n<figure class=\"pull-quote\">"),
            "{out}"
        );
        assert!(out.ends_with("</figure>\n</blockquote>\n"), "{out}");
        let out = html("> Outer words.\n>\n> > Inner words.\n>\n> — Outer Name");
        assert!(out.contains("<blockquote>\n<p>Inner words.</p>\n</blockquote>\n</blockquote>\n<figcaption>Outer Name"));
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

    #[test]
    fn nul_becomes_replacement_character() {
        let out = render("a\0b\n\n## x\0y\n\n[l\0](/p\0q)");
        assert!(!out.html.contains('\0'));
        assert!(out.html.starts_with("<p>a\u{FFFD}b</p>"), "{}", out.html);
        assert_eq!(out.toc[0].text, "x\u{FFFD}y");
        assert_eq!(plain_text("a\0b"), "a\u{FFFD}b");
        assert_eq!(excerpt("a\0b", 10), "a\u{FFFD}b");
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

    // ----- text

    #[test]
    fn words_count_what_readers_read() {
        assert_eq!(render("").words, 0);
        assert_eq!(
            render("One two, three.\n\n## Four\n\n> five — six").words,
            6
        );
        assert_eq!(
            render("Don’t stop: the U.S. has 3,000 left—right/wrong").words,
            9
        );
        assert_eq!(render("![many words in alt](/x.png) one").words, 1);
        assert_eq!(render("a[^1]\n\n[^1]: b c").words, 3);
    }

    #[test]
    fn reading_time_rounds_up_with_a_minimum_of_one() {
        let words = |n: usize| vec!["word"; n].join(" ");
        assert_eq!(reading_time(""), crate::ReadingTime(1));
        assert_eq!(reading_time(&words(1)), crate::ReadingTime(1));
        assert_eq!(reading_time(&words(230)), crate::ReadingTime(1));
        assert_eq!(reading_time(&words(231)), crate::ReadingTime(2));
        assert_eq!(reading_time(&words(2300)), crate::ReadingTime(10));
        assert_eq!(
            reading_time(&format!("# Title\n\n{}\n\n> {}", words(200), words(31))),
            crate::ReadingTime(2)
        );
    }

    #[test]
    fn excerpt_takes_opening_paragraphs_as_plain_text() {
        let markdown = "# Headline\n\n![photo](/p.jpg)\n\nThe *first* paragraph, with a [link](/x) and `code`.[^1]\n\n\
                        > A pull quote.\n>\n> — Someone\n\nSecond <b>paragraph</b>.\n\n[^1]: A note.";
        assert_eq!(
            excerpt(markdown, 200),
            "The first paragraph, with a link and code. Second paragraph."
        );
    }

    #[test]
    fn excerpt_cuts_at_a_word_boundary() {
        let text = "Organizers across the country are building power in their workplaces.";
        assert_eq!(excerpt(text, 200), text);
        assert_eq!(excerpt(text, text.chars().count()), text);
        assert_eq!(excerpt(text, 30), "Organizers across the country…");
        assert_eq!(excerpt(text, 29), "Organizers across the…");
        assert_eq!(excerpt("One, two, three", 10), "One, two…");
        assert_eq!(excerpt("Supercalifragilistic", 6), "Super…");
        assert_eq!(excerpt(text, 1), "…");
        assert_eq!(excerpt(text, 0), "");
        assert_eq!(excerpt("", 10), "");
        assert!(excerpt(&"word ".repeat(10_000), 160).chars().count() <= 160);
    }

    #[test]
    fn plain_text_has_all_text_and_no_markup() {
        let text = plain_text("## A *b*\n\nC [d](/e) `f`.\n\n- g\n- h\n\n> i\n>\n> — j\n\n| k | l |\n|---|---|\n| m | n |\n\n![alt](/x.png)");
        assert_eq!(text, "A b\nC d f.\ng\nh\ni\n— j\nk\nl\nm\nn");
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
