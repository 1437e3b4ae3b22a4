//! The content folder's files (see `docs/content-format.md`): TOML front matter
//! between `+++` lines plus a Markdown body, parsed into typed sources and checked.
//!
//! A content folder is what staff write: `site.toml`, `topics.toml`, `masthead.toml`,
//! `articles/**/{slug}.md`, `drafts/**/{slug}.md`, `contributors/{slug}.md`,
//! `pages/{slug}.md`, `shows/{slug}.md`, `images/` and `audio/`. Checking it runs in four steps, one file each:
//!
//! 1. classify each file by its path ([`classify`], `files.rs`) and record what exists in a
//!    [`Catalog`] (`links.rs`);
//! 2. parse each file by its kind: `site.rs`, `topics.rs`, `masthead.rs`, `article.rs`
//!    (articles and drafts), `contributor.rs`, `page.rs`, `show.rs`, on the shared front matter split
//!    (`front_matter.rs`) and field checks (`checker.rs`);
//! 3. check across files: links and images against the catalog (`links.rs`), slugs used
//!    twice ([`check_duplicate_slugs`], here);
//! 4. report everything as [`Diagnostic`]s (`diagnostics.rs`).
//!
//! No filesystem access: every parser takes the file's path (relative to the
//! content folder, `/`-separated, e.g. `articles/broad-front-panel.md`) and its
//! text, plus a [`Catalog`] of the slugs that exist, so the staff preview editor
//! can run exactly the checks `press check` runs. Positions in [`Diagnostic`]s
//! are 1-based lines and columns (in characters) into the whole file.

mod article;
mod checker;
mod contributor;
mod diagnostics;
mod files;
#[cfg(test)]
mod fixtures;
mod front_matter;
mod links;
mod masthead;
mod page;
mod show;
mod site;
mod topics;

pub use article::{parse_article, published_year, ArticleSource, EpisodeSource, EXCERPT_CHARS};
pub use contributor::{parse_contributor, ContributorSource};
pub use diagnostics::{sort_diagnostics, suggest, Diagnostic, Severity};
pub use files::{classify, slug_of, slugify, FileKind};
pub use front_matter::{split_front_matter, FrontMatter};
pub use links::{check_image_src, check_link, Catalog};
pub use masthead::{
    parse_masthead, MastheadGroupSource, MastheadMemberSource, MastheadSectionSource,
    MastheadSource,
};
pub use page::{parse_page, PageSource};
pub use show::{parse_show, ShowSource, ARTWORK_SIDE, PODCAST_CATEGORIES};
pub use site::{parse_site, SiteSource};
pub use topics::{parse_topics, TopicsSource};

use crate::ids::Slug;
use std::collections::BTreeMap;

/// The result of parsing one file: the typed source when its shape allowed one
/// (it may still have cross-file errors), and everything found wrong.
#[derive(Debug, Clone)]
pub struct Parsed<T> {
    /// The source, if the front matter had every required field in a usable form.
    pub value: Option<T>,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Parsed<T> {
    fn new(value: Option<T>, mut diagnostics: Vec<Diagnostic>) -> Self {
        sort_diagnostics(&mut diagnostics);
        Parsed { value, diagnostics }
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Reports every file whose slug an earlier file (in path order) already uses.
/// `files` are `(slug, path)` pairs of one namespace (e.g. articles and drafts together).
pub fn check_duplicate_slugs(what: &str, files: &[(Slug, String)]) -> Vec<Diagnostic> {
    let mut sorted: Vec<&(Slug, String)> = files.iter().collect();
    sorted.sort_by(|a, b| a.1.cmp(&b.1));
    let mut first: BTreeMap<&Slug, &str> = BTreeMap::new();
    let mut out = Vec::new();
    for (slug, path) in sorted {
        if let Some(prev) = first.get(slug) {
            out.push(Diagnostic::error(
                path,
                1,
                1,
                format!("duplicate {what} slug `{slug}`: {prev} has it too"),
                "the file name is the slug, and slugs must be unique; rename one of the files",
            ));
        } else {
            first.insert(slug, path);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_point_at_the_later_file() {
        let s = Slug::parse("x").unwrap();
        let d = check_duplicate_slugs(
            "article",
            &[
                (s.clone(), "articles/x.md".into()),
                (s, "articles/2020/x.md".into()),
            ],
        );
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].headline(),
            "articles/x.md:1:1: error: duplicate article slug `x`: articles/2020/x.md has it too"
        );
    }
}
