//! The staff preview's logic, free of the browser so it is unit-tested natively: which view a
//! URL asks for, checking a draft with the builder's own code, the saved work in progress,
//! caret positions for a line, debouncing, file names and fitting the frames on screen.

use model::route::AppRoute;
use model::source::{self, Catalog, Diagnostic};
use model::{Article, AuthorRef, Masthead, Slug, TopicRef, Topics};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The localStorage key of the editor's work in progress (the live frames read it too).
pub const DRAFT_KEY: &str = "convergence.preview.draft";
/// Milliseconds of quiet typing before the work in progress is saved.
pub const SAVE_DELAY_MS: i32 = 400;
/// Frame widths in CSS pixels: a phone, a tablet and a desktop.
pub const FRAME_WIDTHS: [u32; 3] = [375, 768, 1280];
/// Frame height in CSS pixels (about one desktop screen).
pub const FRAME_HEIGHT: u32 = 900;
/// Space between frames in CSS pixels.
pub const FRAME_GAP: u32 = 16;

/// What a preview URL asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// `/preview/`: the live editor with its three frames.
    Editor,
    /// `/preview/?frame=live`: the article page of the editor's saved work (inside a frame).
    LiveFrame,
    /// `/preview/?draft=slug`: a draft from the bucket, as its article page.
    Draft(Slug),
    /// `/preview/?article=slug`, `/preview/?draft=slug&layout=sizes`: three widths at once.
    Sizes(Target),
    /// A query that names no valid slug: the message says what is wrong.
    Invalid(String),
}

/// What the three frames show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A published article, framed at its real reader URL.
    Article(Slug),
    /// A draft from the bucket.
    Draft(Slug),
    /// The editor's work in progress.
    Live,
}

impl Target {
    /// The URL each frame loads.
    pub fn frame_src(&self) -> String {
        match self {
            Target::Article(s) => AppRoute::Article(s.clone()).href(),
            Target::Draft(s) => format!("/preview/?draft={s}"),
            Target::Live => "/preview/?frame=live".to_owned(),
        }
    }
}

fn slug_param(what: &str, raw: &str) -> Result<Slug, String> {
    Slug::parse(raw.trim()).map_err(|e| format!("`?{what}={raw}` is not a slug: {e}"))
}

/// Reads the query's `frame`, `draft`, `article` and `layout` values.
pub fn parse_mode(
    frame: Option<&str>,
    draft: Option<&str>,
    article: Option<&str>,
    layout: Option<&str>,
) -> Mode {
    let sizes = layout.map(str::trim) == Some("sizes");
    let result = match (frame.map(str::trim), draft, article) {
        (Some("live"), _, _) => Ok(Mode::LiveFrame),
        (_, Some(d), _) if sizes => slug_param("draft", d).map(|s| Mode::Sizes(Target::Draft(s))),
        (_, Some(d), _) => slug_param("draft", d).map(Mode::Draft),
        (_, None, Some(a)) => slug_param("article", a).map(|s| Mode::Sizes(Target::Article(s))),
        _ => Ok(Mode::Editor),
    };
    result.unwrap_or_else(Mode::Invalid)
}

/// The editor's work in progress as saved in localStorage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredDraft {
    /// The file name without `.md` as typed (may be empty: then it comes from the title).
    pub slug: String,
    /// The whole file: front matter and Markdown.
    pub text: String,
}

impl StoredDraft {
    /// The stored form.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored value; anything unreadable is None (the editor then starts afresh).
    pub fn from_json(raw: &str) -> Option<StoredDraft> {
        serde_json::from_str(raw).ok()
    }
}

/// A new draft's text: every required field, with today's date.
pub fn starter(today: &str) -> String {
    format!(
        "+++\ntitle = \"Headline\"\ndek = \"The standfirst under the headline.\"\n\
         published = {today}\nauthors = [\"contributor-slug\"]\ntopics = [\"strategy\"]\n+++\n\
         The first paragraph.\n\n## A section heading\n\nMore text.\n"
    )
}

/// What the bucket says exists, for the builder's checks and for names in bylines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Known {
    /// Contributors and topics (articles and pages are not listed in the bucket: `partial`).
    pub catalog: Catalog,
    /// The site's public origin, for canonical URLs.
    pub site_url: String,
    authors: BTreeMap<String, String>,
    topics: BTreeMap<String, String>,
}

impl Known {
    /// Everyone on `contributors.json` (all contributors) and every topic in `topics.json`.
    pub fn new(site_url: &str, masthead: &Masthead, topics: &Topics) -> Known {
        let authors: BTreeMap<String, String> = masthead
            .sections
            .iter()
            .flat_map(|s| &s.groups)
            .flat_map(|g| &g.members)
            .map(|m| (m.slug.to_string(), m.name.clone()))
            .collect();
        let topics: BTreeMap<String, String> = topics
            .topics
            .iter()
            .map(|t| (t.slug.to_string(), t.name.clone()))
            .collect();
        Known {
            catalog: Catalog {
                contributors: authors.keys().cloned().collect(),
                topics: Some(topics.keys().cloned().collect()),
                site_url: Some(site_url.trim_end_matches('/').to_owned()),
                partial: true,
                ..Catalog::default()
            },
            site_url: site_url.to_owned(),
            authors,
            topics,
        }
    }
}

/// A draft checked as `press build --drafts` checks it.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The slug used (typed, else from the title).
    pub slug: String,
    /// Errors and warnings, in file order, with 1-based lines.
    pub diagnostics: Vec<Diagnostic>,
    /// The article page's data, when the front matter had everything needed to show one.
    pub article: Option<Article>,
}

/// Checks `text` as `drafts/{slug}.md` with the builder's parser and makes the article
/// press would write. An empty `slug_input` takes the slug from the title.
pub fn check_draft(text: &str, slug_input: &str, known: &Known) -> Checked {
    let typed = slug_input.trim();
    let mut catalog = known.catalog.clone();
    let name = if typed.is_empty() { "untitled" } else { typed };
    catalog.drafts.insert(name.to_owned());
    let parsed = source::parse_article(&format!("drafts/{name}.md"), text, &catalog, true);
    let mut slug = name.to_owned();
    let article = parsed.value.map(|mut a| {
        if typed.is_empty() {
            slug = source::slugify(&a.title);
            if let Ok(s) = Slug::parse(&slug) {
                a.slug = s;
            }
        }
        a.to_article(
            &known.site_url,
            |s| AuthorRef {
                slug: s.clone(),
                name: known
                    .authors
                    .get(s.as_str())
                    .cloned()
                    .unwrap_or_else(|| s.to_string()),
            },
            |s| TopicRef {
                slug: s.clone(),
                name: known
                    .topics
                    .get(s.as_str())
                    .cloned()
                    .unwrap_or_else(|| s.to_string()),
            },
        )
    });
    Checked {
        slug,
        diagnostics: parsed.diagnostics,
        article,
    }
}

/// What a problem's button says: "Line 5, column 12: error: unknown author `nobody`".
pub fn problem_label(d: &Diagnostic) -> String {
    format!(
        "Line {}, column {}: {}: {}",
        d.line, d.column, d.severity, d.message
    )
}

/// The file name "Download .md" gives: `{slug}.md`, or `untitled.md` for a bad slug.
pub fn download_filename(slug: &str) -> String {
    match Slug::parse(slug.trim()) {
        Ok(s) => format!("{s}.md"),
        Err(_) => "untitled.md".to_owned(),
    }
}

/// The slug an opened file's name gives (`my-draft.md` → `my-draft`).
pub fn slug_from_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.strip_suffix(".md")
        .or_else(|| base.strip_suffix(".markdown"))
        .unwrap_or(base)
        .to_owned()
}

/// The start and end of 1-based `line` in `text` as UTF-16 offsets (what a textarea's
/// selection counts), the end before its newline. Lines past the end give the text's end.
pub fn line_range_utf16(text: &str, line: u32) -> (u32, u32) {
    let mut offset = 0u32;
    for (i, l) in text.split('\n').enumerate() {
        let len = l.encode_utf16().count() as u32;
        if i as u32 + 1 == line.max(1) {
            let len = if l.ends_with('\r') { len - 1 } else { len };
            return (offset, offset + len);
        }
        offset += len + 1;
    }
    let end = text.encode_utf16().count() as u32;
    (end, end)
}

/// Debounced saving: each edit takes a new ticket, and a timer saves only if its ticket is
/// still the latest (no edit since), so a burst of typing saves once, at its end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Debounce {
    latest: u64,
    saved: u64,
}

impl Debounce {
    /// Records an edit; returns the ticket its timer will present.
    pub fn edit(&mut self) -> u64 {
        self.latest += 1;
        self.latest
    }

    /// Whether the timer holding `ticket` should save now (marks it saved if so).
    pub fn due(&mut self, ticket: u64) -> bool {
        if ticket == self.latest && self.saved < ticket {
            self.saved = ticket;
            true
        } else {
            false
        }
    }

    /// Whether edits are waiting to be saved (then leaving the page saves at once).
    pub fn pending(&self) -> bool {
        self.saved < self.latest
    }

    /// Marks everything saved (after an immediate save).
    pub fn flush(&mut self) {
        self.saved = self.latest;
    }
}

/// The scale (at most 1) that fits frames of `widths` with `gap` between them into `available` px.
pub fn fit_scale(available: f64, widths: &[u32], gap: u32) -> f64 {
    let total: u32 = widths.iter().sum::<u32>() + gap * widths.len().saturating_sub(1) as u32;
    if total == 0 || available <= 0.0 {
        return 1.0;
    }
    (available / f64::from(total)).min(1.0)
}

/// The text sizes staff can apply to the frames: every step of the reader's control.
pub fn text_size_steps() -> Vec<String> {
    crate::hooks::use_text_size::STEPS
        .iter()
        .map(|s| crate::hooks::use_text_size::TextSize::parse(&s.to_string()))
        .map(|t| t.unwrap_or_default().value())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{MastheadEntry, MastheadGroup, MastheadSection, SectionKind, Topic};

    fn slug(s: &str) -> Slug {
        Slug::parse(s).unwrap()
    }

    fn known() -> Known {
        let masthead = Masthead {
            schema_version: Default::default(),
            sections: vec![MastheadSection {
                heading: "Staff".into(),
                kind: SectionKind::Staff,
                groups: vec![MastheadGroup {
                    title: None,
                    members: vec![MastheadEntry {
                        slug: slug("marcy-rein"),
                        name: "Marcy Rein".into(),
                        role: None,
                        affiliation: None,
                    }],
                }],
            }],
        };
        let topics = Topics {
            schema_version: Default::default(),
            topics: vec![Topic {
                slug: slug("strategy"),
                name: "Strategy".into(),
                description: String::new(),
                article_count: None,
            }],
        };
        Known::new("https://convergencemag.com", &masthead, &topics)
    }

    const DRAFT: &str = "+++\ntitle = \"A Test Headline\"\ndek = \"Dek.\"\npublished = 2026-11-22\nauthors = [\"marcy-rein\"]\ntopics = [\"strategy\"]\n+++\nText with [a link](/articles/anything).\n\n## Section\n";

    #[test]
    fn modes_from_the_query() {
        assert_eq!(parse_mode(None, None, None, None), Mode::Editor);
        assert_eq!(parse_mode(Some("live"), None, None, None), Mode::LiveFrame);
        assert_eq!(
            parse_mode(None, Some("a-draft"), None, None),
            Mode::Draft(slug("a-draft"))
        );
        assert_eq!(
            parse_mode(None, Some("a-draft"), None, Some("sizes")),
            Mode::Sizes(Target::Draft(slug("a-draft")))
        );
        assert_eq!(
            parse_mode(None, None, Some("broad-front-panel"), None),
            Mode::Sizes(Target::Article(slug("broad-front-panel")))
        );
        match parse_mode(None, Some("Not A Slug"), None, None) {
            Mode::Invalid(m) => assert!(m.contains("`?draft=Not A Slug` is not a slug"), "{m}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn frames_load_the_reader_url_or_the_preview() {
        assert_eq!(
            Target::Article(slug("broad-front-panel")).frame_src(),
            "/articles/broad-front-panel"
        );
        assert_eq!(Target::Draft(slug("d")).frame_src(), "/preview/?draft=d");
        assert_eq!(Target::Live.frame_src(), "/preview/?frame=live");
    }

    #[test]
    fn stored_drafts_round_trip_and_garbage_is_ignored() {
        let d = StoredDraft {
            slug: "x".into(),
            text: "+++\n\"quotes\" and ünïcode\n".into(),
        };
        assert_eq!(StoredDraft::from_json(&d.to_json()), Some(d));
        assert_eq!(StoredDraft::from_json("not json"), None);
        assert_eq!(StoredDraft::from_json("{\"slug\":1}"), None);
    }

    #[test]
    fn a_good_draft_becomes_its_article_with_names_from_the_bucket() {
        let c = check_draft(DRAFT, "", &known());
        assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
        assert_eq!(c.slug, "a-test-headline");
        let a = c.article.unwrap();
        assert_eq!(a.slug.as_str(), "a-test-headline");
        assert_eq!(a.authors[0].name, "Marcy Rein");
        assert_eq!(a.topics[0].name, "Strategy");
        assert!(a.canonical_url.ends_with("/articles/a-test-headline"));
        let typed = check_draft(DRAFT, "my-draft", &known());
        assert_eq!(typed.article.unwrap().slug.as_str(), "my-draft");
    }

    #[test]
    fn an_unknown_author_is_the_builders_message_at_its_line() {
        let text = DRAFT.replace("\"marcy-rein\"", "\"nobody-at-all\"");
        let c = check_draft(&text, "x", &known());
        let d = &c.diagnostics[0];
        assert_eq!(
            problem_label(d),
            "Line 5, column 12: error: unknown author `nobody-at-all`"
        );
        // Still shown (with the slug as the name), so typing keeps rendering.
        assert_eq!(c.article.unwrap().authors[0].name, "nobody-at-all");
        let bad_slug = check_draft(DRAFT, "Bad Name", &known());
        assert!(bad_slug.diagnostics[0]
            .message
            .starts_with("bad draft file name"));
        assert!(bad_slug.article.is_none());
    }

    #[test]
    fn the_starter_draft_is_valid_but_for_its_placeholder_author() {
        let c = check_draft(&starter("2026-11-22"), "", &known());
        let messages: Vec<_> = c.diagnostics.iter().map(problem_label).collect();
        assert_eq!(
            messages,
            ["Line 5, column 12: error: unknown author `contributor-slug`"]
        );
    }

    #[test]
    fn file_names() {
        assert_eq!(download_filename("my-draft"), "my-draft.md");
        assert_eq!(download_filename(" my-draft "), "my-draft.md");
        assert_eq!(download_filename("../etc"), "untitled.md");
        assert_eq!(download_filename(""), "untitled.md");
        assert_eq!(slug_from_filename("my-draft.md"), "my-draft");
        assert_eq!(slug_from_filename("C:\\x\\notes.markdown"), "notes");
        assert_eq!(slug_from_filename("plain"), "plain");
    }

    #[test]
    fn line_ranges_count_utf16_units() {
        let text = "ab\n€😀c\r\n\nlast";
        assert_eq!(line_range_utf16(text, 1), (0, 2));
        // "€" is one UTF-16 unit, "😀" two; the \r is not part of the line.
        assert_eq!(line_range_utf16(text, 2), (3, 7));
        assert_eq!(line_range_utf16(text, 3), (9, 9));
        assert_eq!(line_range_utf16(text, 4), (10, 14));
        assert_eq!(line_range_utf16(text, 99), (14, 14));
        assert_eq!(line_range_utf16(text, 0), (0, 2));
    }

    #[test]
    fn a_burst_of_edits_saves_once() {
        let mut d = Debounce::default();
        assert!(!d.pending());
        let t1 = d.edit();
        let t2 = d.edit();
        assert!(d.pending());
        assert!(!d.due(t1), "an older timer must not save");
        assert!(d.due(t2));
        assert!(!d.due(t2), "saved once");
        assert!(!d.pending());
        let t3 = d.edit();
        d.flush();
        assert!(!d.pending());
        assert!(!d.due(t3), "already saved by the flush");
    }

    #[test]
    fn frames_scale_down_only() {
        let total = 375.0 + 768.0 + 1280.0 + 32.0;
        assert_eq!(fit_scale(5000.0, &FRAME_WIDTHS, FRAME_GAP), 1.0);
        assert!((fit_scale(total / 2.0, &FRAME_WIDTHS, FRAME_GAP) - 0.5).abs() < 1e-9);
        assert_eq!(fit_scale(0.0, &FRAME_WIDTHS, FRAME_GAP), 1.0);
    }

    #[test]
    fn every_text_size_step_is_offered() {
        assert_eq!(
            text_size_steps(),
            ["87.5", "100", "112.5", "125", "150", "175", "200"]
        );
    }
}
