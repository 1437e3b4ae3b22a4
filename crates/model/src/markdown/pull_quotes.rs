//! Attributed pull quotes: a blockquote whose last paragraph (or last line)
//! starts with a dash becomes a `<figure>` with the attribution as its
//! `<figcaption>`. The quotes are found before writing, since the `<figure>`
//! opens before the quoted text.

use super::{is_inline, is_inline_end};
use pulldown_cmark::{Event, Tag};
use std::collections::HashMap;

/// Where a pull quote's attribution starts.
#[derive(Debug, Clone, Copy)]
pub(super) struct Caption {
    /// Index of the attribution paragraph's `Start(Paragraph)`, or of the line
    /// break before the attribution line when it shares the last paragraph.
    pub(super) at: usize,
    /// Whether `at` is a line break inside the last paragraph.
    pub(super) split: bool,
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

/// A character of an attribution dash, which the caption leaves out.
pub(super) fn is_dash(c: char) -> bool {
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
pub(super) fn plan_pull_quotes(events: &[Event<'_>]) -> HashMap<usize, Caption> {
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

#[cfg(test)]
mod tests {
    use crate::markdown::tests::html;

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
}
