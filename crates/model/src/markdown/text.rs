//! Text extraction: what a reader reads, as plain text ([`plain_text`]), as an
//! opening excerpt ([`excerpt`]) and as a reading time ([`reading_time`]). The
//! writer counts words with the same `WordCounter`, so a rendered article's
//! word count and its reading time always agree.

use super::{article_options, collapse_whitespace, is_inline, is_inline_end, without_nul};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

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

/// The reading time for a word count, as [`reading_time`] rounds it.
pub(super) fn reading_time_for(words: u32) -> crate::ReadingTime {
    crate::ReadingTime(words.div_ceil(WORDS_PER_MINUTE).max(1))
}

// ---------------------------------------------------------------------------
// Text walking, shared by `plain_text`, `reading_time` and the word count of
// `render` so all three agree.

pub(super) trait TextSink {
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

/// Counts words as a reader sees them, across any number of text pieces.
#[derive(Default)]
pub(super) struct WordCounter {
    pub(super) words: u32,
    in_word: bool,
}

impl WordCounter {
    /// A word starts at the first letter or digit after a separator, so
    /// "don’t", "U.S." and "3,000" are one word and "left—right" is two.
    pub(super) fn count(&mut self, s: &str) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::render;

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
}
