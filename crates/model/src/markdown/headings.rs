//! Heading ids: a readable slug of the heading text or the writer's own
//! `{#id}`, made unique within the article and kept clear of the ids the page
//! around the body already uses.

use pulldown_cmark::HeadingLevel;
use std::collections::{HashMap, HashSet};

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
    "save-offline-heading",
    "saved-instead-heading",
    "share-heading",
    "sizes-heading",
    "support-heading",
    "toc-heading",
    "republish-dialog",
];

/// Id families generated at run time (footnotes, subscribe forms, the embed and preview tools)
/// and the podcast pages and player.
const RESERVED_PREFIXES: &[&str] = &[
    "fn-",
    "fnref-",
    "subscribe-",
    "embed-",
    "preview-",
    "player-",
    "podcast-",
];

/// A readable id from heading text: lowercase letters and digits joined by
/// hyphens, apostrophes dropped so "Don’t Mourn" gives `dont-mourn`.
pub(super) fn slugify(text: &str) -> String {
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

/// An open heading, held until its end because its `id` comes from its text.
pub(super) struct HeadingCapture {
    pub(super) level: HeadingLevel,
    pub(super) custom_id: Option<String>,
    /// The output written before the heading; the heading's inner HTML goes to
    /// a fresh buffer because the `id` must be written before it.
    pub(super) saved: String,
    pub(super) text: String,
}

impl HeadingCapture {
    /// Starts capturing a heading; `saved` is the output written so far.
    pub(super) fn new(level: HeadingLevel, id: Option<&str>, saved: String) -> Self {
        // Classes and other attributes from `{…}` are dropped: an
        // attribute list is a way to smuggle in `onclick`.
        let custom_id = id
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_owned);
        HeadingCapture {
            level,
            custom_id,
            saved,
            text: String::new(),
        }
    }
}

/// The heading ids given so far in one article.
#[derive(Default)]
pub(super) struct HeadingIds {
    ids: HashSet<String>,
    /// The last numeric suffix used for each repeated heading id.
    suffixes: HashMap<String, usize>,
}

impl HeadingIds {
    /// `base`, or `base-2`, `base-3`… : the first that is neither reserved nor taken.
    pub(super) fn unique(&mut self, base: String) -> String {
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
        let n = self.suffixes.entry(base.clone()).or_insert(1);
        loop {
            *n += 1;
            let id = format!("{base}-{n}");
            if !reserved_id(&id) && self.ids.insert(id.clone()) {
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::render;
    use crate::markdown::tests::html;

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
}
