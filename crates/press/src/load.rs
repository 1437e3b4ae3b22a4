//! Reading a content folder from disk and checking all of it.

use model::source::{
    self, classify, ArticleSource, Catalog, ContributorSource, Diagnostic, FileKind,
    MastheadSource, PageSource, ShowSource, SiteSource, TopicsSource,
};
use model::Slug;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The files of a content folder, read into memory.
#[derive(Debug, Clone, Default)]
pub struct ContentFiles {
    /// The folder.
    pub root: PathBuf,
    /// Text files (everything but images), as `(relative path, text)`, sorted by path.
    pub files: Vec<(String, String)>,
    /// Image files, relative paths (`images/…`), sorted.
    pub images: Vec<String>,
    /// Audio files, relative paths (`audio/…`) and sizes in bytes, sorted.
    pub audio: Vec<(String, u64)>,
    /// Problems met while reading (files that are not UTF-8, ignored files).
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads every file under `root` (hidden files and folders skipped).
pub fn read_content(root: &Path) -> io::Result<ContentFiles> {
    if !root.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("{} is not a folder", root.display()),
        ));
    }
    let mut paths = Vec::new();
    walk(root, "", &mut paths)?;
    paths.sort();
    let mut out = ContentFiles {
        root: root.to_owned(),
        ..ContentFiles::default()
    };
    let mut texts = Vec::new();
    for rel in paths {
        match classify(&rel) {
            FileKind::Image => out.images.push(rel),
            FileKind::Audio => {
                let len = fs::metadata(root.join(&rel))?.len();
                out.audio.push((rel, len));
            }
            FileKind::Other => {
                // Only files inside the content folders are likely mistakes
                // (`x.markdown`, `x.txt`); notes at the top level are left alone.
                let in_content_folder =
                    ["articles/", "drafts/", "contributors/", "pages/", "shows/"]
                        .iter()
                        .any(|d| rel.starts_with(d));
                if in_content_folder {
                    out.diagnostics.push(Diagnostic::warning(
                        &rel,
                        1,
                        1,
                        "ignored: not a content file",
                        "articles, drafts, contributors, pages and shows are `.md` files in their folders; see docs/content-format.md",
                    ));
                }
            }
            _ => texts.push(rel),
        }
    }
    let read: Vec<Result<(String, String), Diagnostic>> = texts
        .into_par_iter()
        .map(|rel| {
            let bytes = fs::read(root.join(&rel)).map_err(|e| {
                Diagnostic::error(&rel, 1, 1, format!("cannot read the file: {e}"), "")
            })?;
            String::from_utf8(bytes)
                .map(|t| (rel.clone(), t))
                .map_err(|e| {
                    Diagnostic::error(
                        &rel,
                        1,
                        1,
                        format!(
                            "the file is not UTF-8 text (byte {})",
                            e.utf8_error().valid_up_to()
                        ),
                        "save it as UTF-8",
                    )
                })
        })
        .collect();
    for r in read {
        match r {
            Ok(f) => out.files.push(f),
            Err(d) => out.diagnostics.push(d),
        }
    }
    Ok(out)
}

fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let rel = format!("{prefix}{name}");
        let ty = entry.file_type()?;
        if ty.is_dir() {
            walk(&entry.path(), &format!("{rel}/"), out)?;
        } else if ty.is_file() || ty.is_symlink() {
            out.push(rel);
        }
    }
    Ok(())
}

/// Everything in a content folder, parsed and checked without errors.
#[derive(Debug, Clone)]
pub struct Content {
    /// `site.toml`.
    pub site: SiteSource,
    /// `topics.toml`.
    pub topics: TopicsSource,
    /// `masthead.toml`.
    pub masthead: MastheadSource,
    /// `contributors/*.md`, sorted by slug.
    pub contributors: Vec<ContributorSource>,
    /// `articles/**/*.md`, in path order.
    pub articles: Vec<ArticleSource>,
    /// `pages/*.md`, sorted by slug.
    pub pages: Vec<PageSource>,
    /// `shows/*.md`, in the editors' order (`order`, then slug).
    pub shows: Vec<ShowSource>,
    /// `drafts/**/*.md` (only when drafts were asked for).
    pub drafts: Vec<ArticleSource>,
    /// `images/…` files to copy.
    pub images: Vec<String>,
    /// `audio/…` files to copy.
    pub audio: Vec<String>,
}

/// The outcome of checking a content folder.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The content, when there were no errors.
    pub content: Option<Content>,
    /// Every diagnostic, sorted by file, line and column.
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were checked.
    pub files: usize,
}

impl Checked {
    /// How many diagnostics are errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// How many diagnostics are warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    /// One line: "12 files: 2 errors, 1 warning" or "12 files: no problems".
    pub fn summary(&self) -> String {
        let (e, w) = (self.errors(), self.warnings());
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        if e == 0 && w == 0 {
            format!("{}: no problems", plural(self.files, "file"))
        } else {
            format!(
                "{}: {}, {}",
                plural(self.files, "file"),
                plural(e, "error"),
                plural(w, "warning")
            )
        }
    }
}

/// One parsed file; articles are boxed, being by far the largest.
enum Item {
    Article(Box<source::Parsed<ArticleSource>>),
    Contributor(source::Parsed<ContributorSource>),
    Page(source::Parsed<PageSource>),
    Show(source::Parsed<ShowSource>),
    Masthead(source::Parsed<MastheadSource>),
    Skip,
}

/// Parses and checks every file. Drafts are checked only when `drafts` is set
/// (`press check` always sets it; `press build` only with `--drafts`).
pub fn check(files: &ContentFiles, drafts: bool) -> Checked {
    let mut diags = files.diagnostics.clone();
    let mut catalog = Catalog {
        images: Some(files.images.iter().cloned().collect::<BTreeSet<_>>()),
        audio: Some(files.audio.iter().cloned().collect()),
        shows: Some(BTreeSet::new()),
        ..Catalog::default()
    };
    for (path, _) in &files.files {
        catalog.add_path(path);
    }
    catalog.years = Some(
        files
            .files
            .par_iter()
            .filter(|(path, _)| classify(path) == FileKind::Article)
            .filter_map(|(path, text)| source::published_year(path, text))
            .collect(),
    );
    let find = |name: &str| {
        files
            .files
            .iter()
            .find(|(p, _)| p == name)
            .map(|(_, t)| t.as_str())
    };
    let missing = |name: &str, what: &str| {
        Diagnostic::error(
            name,
            1,
            1,
            format!("the content folder has no {name}"),
            format!("create it: {what}; see docs/content-format.md"),
        )
    };

    let topics = match find("topics.toml") {
        None => {
            diags.push(missing(
                "topics.toml",
                "[[topic]] tables with slug, name and description",
            ));
            None
        }
        Some(text) => {
            let p = source::parse_topics("topics.toml", text);
            diags.extend(p.diagnostics);
            p.value
        }
    };
    catalog.topics = topics.as_ref().map(|t| {
        t.topics
            .iter()
            .map(|t| t.slug.as_str().to_owned())
            .collect()
    });

    let site = match find("site.toml") {
        None => {
            diags.push(missing("site.toml", "the fields of site.json"));
            None
        }
        Some(text) => {
            let p = source::parse_site("site.toml", text, &catalog);
            diags.extend(p.diagnostics);
            p.value
        }
    };
    catalog.site_url = site.as_ref().map(|s| s.url.clone());
    if find("masthead.toml").is_none() {
        diags.push(missing(
            "masthead.toml",
            "[[section]] tables with heading, kind and groups of members",
        ));
    }

    let items: Vec<Item> = files
        .files
        .par_iter()
        .map(|(path, text)| match classify(path) {
            FileKind::Article => {
                Item::Article(Box::new(source::parse_article(path, text, &catalog, false)))
            }
            FileKind::Draft if drafts => {
                Item::Article(Box::new(source::parse_article(path, text, &catalog, true)))
            }
            FileKind::Contributor => {
                Item::Contributor(source::parse_contributor(path, text, &catalog))
            }
            FileKind::Page => Item::Page(source::parse_page(path, text, &catalog)),
            FileKind::Show => Item::Show(source::parse_show(path, text, &catalog)),
            FileKind::Masthead => Item::Masthead(source::parse_masthead(path, text, &catalog)),
            _ => Item::Skip,
        })
        .collect();

    let mut articles = Vec::new();
    let mut draft_list = Vec::new();
    let mut contributors = Vec::new();
    let mut pages = Vec::new();
    let mut shows = Vec::new();
    let mut masthead = None;
    let mut checked_files = 0;
    for item in items {
        checked_files += 1;
        match item {
            Item::Article(p) => {
                let p = *p;
                diags.extend(p.diagnostics);
                if let Some(a) = p.value {
                    if a.draft {
                        draft_list.push(a);
                    } else {
                        articles.push(a);
                    }
                }
            }
            Item::Contributor(p) => {
                diags.extend(p.diagnostics);
                contributors.extend(p.value);
            }
            Item::Page(p) => {
                diags.extend(p.diagnostics);
                pages.extend(p.value);
            }
            Item::Show(p) => {
                diags.extend(p.diagnostics);
                shows.extend(p.value);
            }
            Item::Masthead(p) => {
                diags.extend(p.diagnostics);
                masthead = p.value;
            }
            Item::Skip => checked_files -= 1,
        }
    }
    checked_files +=
        usize::from(find("topics.toml").is_some()) + usize::from(find("site.toml").is_some());

    // Article and draft slugs share one namespace: a draft becomes an article.
    let slugged: Vec<(Slug, String)> = files
        .files
        .iter()
        .filter(|(p, _)| match classify(p) {
            FileKind::Article => true,
            FileKind::Draft => drafts,
            _ => false,
        })
        .filter_map(|(p, _)| Some((Slug::parse(source::slug_of(p)?).ok()?, p.clone())))
        .collect();
    diags.extend(source::check_duplicate_slugs("article", &slugged));
    let show_slugs: Vec<(Slug, String)> = shows
        .iter()
        .map(|s: &ShowSource| (s.slug.clone(), s.path.clone()))
        .collect();
    diags.extend(source::check_duplicate_slugs("show", &show_slugs));

    source::sort_diagnostics(&mut diags);
    let errors = diags.iter().any(Diagnostic::is_error);
    let content = match (errors, site, topics, masthead) {
        (false, Some(site), Some(topics), Some(masthead)) => {
            contributors.sort_by(|a: &ContributorSource, b| a.slug.cmp(&b.slug));
            pages.sort_by(|a: &PageSource, b| a.slug.cmp(&b.slug));
            // Shows with an `order` first, lowest first; the rest by slug.
            shows.sort_by(|a: &ShowSource, b| {
                (a.order.is_none(), a.order, &a.slug).cmp(&(b.order.is_none(), b.order, &b.slug))
            });
            Some(Content {
                site,
                topics,
                masthead,
                contributors,
                articles,
                pages,
                shows,
                drafts: draft_list,
                images: files.images.clone(),
                audio: files.audio.iter().map(|(p, _)| p.clone()).collect(),
            })
        }
        _ => None,
    };
    Checked {
        content,
        diagnostics: diags,
        files: checked_files + files.images.len() + files.audio.len(),
    }
}
