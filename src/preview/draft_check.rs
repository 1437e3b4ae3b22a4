//! A draft checked with the builder's own parser, as `press build --drafts` checks it, and the
//! article press would write from it; the file names the editor reads and writes.

use model::source::{self, Catalog, Diagnostic};
use model::{Article, AuthorRef, Masthead, ShowRef, Slug, TopicRef, Topics};
use std::collections::BTreeMap;

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
    /// Show titles the masthead names; the bucket lists no shows here, so episodes' shows are
    /// not checked (`catalog.shows` is unknown).
    shows: BTreeMap<String, String>,
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
        let shows: BTreeMap<String, String> = masthead
            .sections
            .iter()
            .flat_map(|s| &s.groups)
            .filter_map(|g| g.show.as_ref())
            .map(|s| (s.slug.to_string(), s.title.clone()))
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
            shows,
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
            |s| ShowRef {
                slug: s.clone(),
                title: known
                    .shows
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
                    show: None,
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
}
