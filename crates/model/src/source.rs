//! The content folder's files (see `docs/content-format.md`): TOML front matter
//! between `+++` lines plus a Markdown body, parsed into typed sources and checked.
//!
//! No filesystem access: every parser takes the file's path (relative to the
//! content folder, `/`-separated, e.g. `articles/broad-front-panel.md`) and its
//! text, plus a [`Catalog`] of the slugs that exist, so the staff preview editor
//! can run exactly the checks `press check` runs. Positions in [`Diagnostic`]s
//! are 1-based lines and columns (in characters) into the whole file.

use crate::ids::{Date, Slug};
use crate::types::{
    Article, ArticleKind, AuthorRef, Contact, Image, ImageSource, Link, Media, Republication,
    SchemaVersion, SectionKind, Site, SubscribeConfig, Topic, TopicRef,
};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt;
use std::ops::Range;
use toml::Spanned;

/// First path segments the app routes itself: a page may not take one as its slug.
pub const RESERVED_ROUTES: &[&str] = &[
    "articles",
    "archive",
    "contributors",
    "drafts",
    "embed",
    "feed.xml",
    "images",
    "index",
    "oembed",
    "pages",
    "preview",
    "search",
    "sitemap.xml",
    "subscribe",
    "topics",
];

/// How bad a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The content cannot be published as it is; `press build` refuses.
    Error,
    /// Worth a look, but the build goes ahead.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem found in a content file, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, relative to the content folder, e.g. `articles/x.md`.
    pub file: String,
    /// 1-based line in the whole file (front matter included).
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// How to fix it (may be empty).
    pub hint: String,
}

impl Diagnostic {
    /// An error at a known position.
    pub fn error(
        file: &str,
        line: u32,
        column: u32,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Diagnostic {
            file: file.to_owned(),
            line,
            column,
            severity: Severity::Error,
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// A warning at a known position.
    pub fn warning(
        file: &str,
        line: u32,
        column: u32,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, line, column, message, hint)
        }
    }

    /// Whether this blocks publication.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The first line alone: `file:line:column: error: message`.
    pub fn headline(&self) -> String {
        format!(
            "{}:{}:{}: {}: {}",
            self.file, self.line, self.column, self.severity, self.message
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline())?;
        if !self.hint.is_empty() {
            write!(f, "\n  hint: {}", self.hint)?;
        }
        Ok(())
    }
}

/// Sorts diagnostics by file, line and column (then errors before warnings).
pub fn sort_diagnostics(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.severity, &a.message)
            .cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
    });
}

/// The slugs that exist, for the checks that look across files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    /// Published article slugs (`articles/**/{slug}.md`).
    pub articles: BTreeSet<String>,
    /// Draft slugs (`drafts/**/{slug}.md`); links to them are allowed only from drafts.
    pub drafts: BTreeSet<String>,
    /// Contributor slugs (`contributors/{slug}.md`).
    pub contributors: BTreeSet<String>,
    /// Topic slugs from `topics.toml`; `None` when unknown (topic checks are skipped).
    pub topics: Option<BTreeSet<String>>,
    /// Static page slugs (`pages/{slug}.md`).
    pub pages: BTreeSet<String>,
    /// Image files (`images/…` paths); `None` when unknown (image files are not checked).
    pub images: Option<BTreeSet<String>>,
    /// The site's public origin, so absolute links to it are checked like internal ones.
    pub site_url: Option<String>,
    /// Whether `articles` and `pages` are incomplete (the staff preview editor knows the
    /// contributors and topics from the bucket, but not every article and page): links to
    /// articles and pages are then not checked.
    pub partial: bool,
}

impl Catalog {
    /// Records the file at `path` (relative to the content folder) under its kind, if it has a valid slug.
    pub fn add_path(&mut self, path: &str) {
        let kind = classify(path);
        if kind == FileKind::Image {
            if let Some(images) = &mut self.images {
                images.insert(path.to_owned());
            }
            return;
        }
        let Some(slug) = slug_of(path).filter(|s| Slug::parse(s).is_ok()) else {
            return;
        };
        let set = match kind {
            FileKind::Article => &mut self.articles,
            FileKind::Draft => &mut self.drafts,
            FileKind::Contributor => &mut self.contributors,
            FileKind::Page => &mut self.pages,
            _ => return,
        };
        set.insert(slug.to_owned());
    }
}

/// What a file in the content folder is, by its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// `site.toml`.
    Site,
    /// `topics.toml`.
    Topics,
    /// `masthead.toml`.
    Masthead,
    /// `articles/{slug}.md`, or in any subfolder of `articles/`.
    Article,
    /// `drafts/{slug}.md`, or in any subfolder of `drafts/`.
    Draft,
    /// `contributors/{slug}.md`.
    Contributor,
    /// `pages/{slug}.md`.
    Page,
    /// Anything under `images/`.
    Image,
    /// Anything else (ignored by the builder).
    Other,
}

/// Tells what a content file is from its path.
pub fn classify(path: &str) -> FileKind {
    let md = path.ends_with(".md");
    let flat = |dir: &str| {
        path.strip_prefix(dir)
            .is_some_and(|rest| !rest.contains('/'))
    };
    match path {
        "site.toml" => FileKind::Site,
        "topics.toml" => FileKind::Topics,
        "masthead.toml" => FileKind::Masthead,
        _ if path.starts_with("images/") => FileKind::Image,
        _ if md && path.starts_with("articles/") => FileKind::Article,
        _ if md && path.starts_with("drafts/") => FileKind::Draft,
        _ if md && flat("contributors/") => FileKind::Contributor,
        _ if md && flat("pages/") => FileKind::Page,
        _ => FileKind::Other,
    }
}

/// The slug a Markdown file's name gives it (its name without `.md`), unchecked.
pub fn slug_of(path: &str) -> Option<&str> {
    let name = path.rsplit('/').next()?;
    name.strip_suffix(".md")
}

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

/// `articles/{slug}.md` (or `drafts/{slug}.md`), parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSource {
    /// The file, relative to the content folder.
    pub path: String,
    /// From the file name.
    pub slug: Slug,
    /// Whether it came from `drafts/`.
    pub draft: bool,
    /// Headline.
    pub title: String,
    /// Standfirst.
    pub dek: String,
    /// Article, podcast episode or video.
    pub kind: ArticleKind,
    /// Publication date.
    pub published: Date,
    /// Last substantive update.
    pub updated: Option<Date>,
    /// Contributor slugs, byline order.
    pub authors: Vec<Slug>,
    /// Topic slugs, primary first.
    pub topics: Vec<Slug>,
    /// Explicit canonical URL (default `{site.url}/articles/{slug}`).
    pub canonical_url: Option<String>,
    /// Where and when an archive item first appeared.
    pub originally_published: Option<String>,
    /// Whether it may lead the home page.
    pub featured: bool,
    /// Hero image.
    pub image: Option<Image>,
    /// Audio or video.
    pub media: Option<Media>,
    /// The Markdown body.
    pub body: String,
}

/// Characters of plain text in an article's excerpt (cards, meta descriptions).
pub const EXCERPT_CHARS: usize = 160;

impl ArticleSource {
    /// The bucket's `Article` for this source (without related articles), as `press build`
    /// writes it and the staff preview renders it: names come from `author` and `topic`,
    /// the canonical URL defaults to `{site_url}/articles/{slug}`.
    pub fn to_article(
        &self,
        site_url: &str,
        author: impl Fn(&Slug) -> AuthorRef,
        topic: impl Fn(&Slug) -> TopicRef,
    ) -> Article {
        Article {
            schema_version: SchemaVersion::default(),
            slug: self.slug.clone(),
            title: self.title.clone(),
            dek: self.dek.clone(),
            kind: self.kind,
            published_at: self.published,
            updated_at: self.updated,
            authors: self.authors.iter().map(author).collect(),
            topics: self.topics.iter().map(topic).collect(),
            feature_image: self.image.clone(),
            media: self.media.clone(),
            markdown: self.body.clone(),
            reading_time: crate::markdown::reading_time(&self.body),
            excerpt: crate::markdown::excerpt(&self.body, EXCERPT_CHARS),
            canonical_url: self.canonical_url.clone().unwrap_or_else(|| {
                format!("{}/articles/{}", site_url.trim_end_matches('/'), self.slug)
            }),
            originally_published: self.originally_published.clone(),
            related: Vec::new(),
        }
    }
}

/// `contributors/{slug}.md`, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContributorSource {
    /// The file, relative to the content folder.
    pub path: String,
    /// From the file name.
    pub slug: Slug,
    /// Full name.
    pub name: String,
    /// Roles at the magazine.
    pub roles: Vec<String>,
    /// Outside affiliation.
    pub affiliation: Option<String>,
    /// Website and social links.
    pub links: Vec<Link>,
    /// Portrait.
    pub photo: Option<Image>,
    /// Biography, Markdown.
    pub bio: String,
}

/// `pages/{slug}.md`, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSource {
    /// The file, relative to the content folder.
    pub path: String,
    /// From the file name.
    pub slug: Slug,
    /// Heading and title.
    pub title: String,
    /// Meta description.
    pub description: String,
    /// Markdown body.
    pub body: String,
}

/// `site.toml`: the fields of `site.json` except `schema_version`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SiteSource {
    /// See [`Site::title`].
    pub title: String,
    /// See [`Site::tagline`].
    pub tagline: String,
    /// See [`Site::description`].
    pub description: String,
    /// See [`Site::url`].
    pub url: String,
    /// See [`Site::navigation`].
    #[serde(default)]
    pub navigation: Vec<Link>,
    /// See [`Site::secondary_navigation`].
    #[serde(default)]
    pub secondary_navigation: Vec<Link>,
    /// See [`Site::footer_text`].
    pub footer_text: String,
    /// See [`Site::fiscal_sponsor`].
    pub fiscal_sponsor: String,
    /// See [`Site::contact`].
    pub contact: Contact,
    /// See [`Site::subscribe`].
    pub subscribe: SubscribeConfig,
    /// See [`Site::support`].
    pub support: Link,
    /// See [`Site::republication`].
    pub republication: Republication,
    /// See [`Site::social`].
    #[serde(default)]
    pub social: Vec<Link>,
    /// See [`Site::default_image`].
    #[serde(default)]
    pub default_image: Option<Image>,
}

impl SiteSource {
    /// The bucket's `site.json`.
    pub fn into_site(self) -> Site {
        Site {
            schema_version: SchemaVersion::default(),
            title: self.title,
            tagline: self.tagline,
            description: self.description,
            url: self.url,
            navigation: self.navigation,
            secondary_navigation: self.secondary_navigation,
            footer_text: self.footer_text,
            fiscal_sponsor: self.fiscal_sponsor,
            contact: self.contact,
            subscribe: self.subscribe,
            support: self.support,
            republication: self.republication,
            social: self.social,
            default_image: self.default_image,
        }
    }
}

/// `topics.toml`, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicsSource {
    /// Topics in editorial order.
    pub topics: Vec<Topic>,
}

/// `masthead.toml`, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MastheadSource {
    /// Sections in order.
    pub sections: Vec<MastheadSectionSource>,
}

/// One `[[section]]` of `masthead.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MastheadSectionSource {
    /// Heading.
    pub heading: String,
    /// What it holds.
    pub kind: SectionKind,
    /// Its groups.
    pub groups: Vec<MastheadGroupSource>,
}

/// One `[[section.group]]` of `masthead.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MastheadGroupSource {
    /// Group title (a show's name).
    pub title: Option<String>,
    /// Members in order.
    pub members: Vec<MastheadMemberSource>,
}

/// One member of a masthead group; the name comes from the contributor file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MastheadMemberSource {
    /// The contributor.
    pub slug: Slug,
    /// Role in this section.
    pub role: Option<String>,
    /// Affiliation for this line (overrides the contributor file's).
    pub affiliation: Option<String>,
}

// ---------------------------------------------------------------------------
// Positions

/// A file's text with its line starts, to turn byte offsets into positions.
struct SourceText<'a> {
    path: &'a str,
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> SourceText<'a> {
    fn new(path: &'a str, text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceText {
            path,
            text,
            line_starts,
        }
    }

    fn position(&self, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self.text[start..offset]
            .chars()
            .filter(|&c| c != '\u{feff}')
            .count();
        (line as u32 + 1, column as u32 + 1)
    }

    fn diag(
        &self,
        offset: usize,
        severity: Severity,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Diagnostic {
        let (line, column) = self.position(offset);
        Diagnostic {
            file: self.path.to_owned(),
            line,
            column,
            severity,
            message: message.into(),
            hint: hint.into(),
        }
    }

    fn error(
        &self,
        offset: usize,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Diagnostic {
        self.diag(offset, Severity::Error, message, hint)
    }

    fn warning(
        &self,
        offset: usize,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Diagnostic {
        self.diag(offset, Severity::Warning, message, hint)
    }
}

// ---------------------------------------------------------------------------
// Front matter

/// A Markdown content file cut into its TOML front matter and its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    /// The TOML between the `+++` lines.
    pub toml: &'a str,
    /// Byte offset of `toml` in the file.
    pub toml_start: usize,
    /// The Markdown after the closing `+++` line.
    pub body: &'a str,
    /// Byte offset of `body` in the file.
    pub body_start: usize,
}

/// Splits `+++` front matter from the body, or says why the file has none.
pub fn split_front_matter<'a>(path: &str, text: &'a str) -> Result<FrontMatter<'a>, Diagnostic> {
    let src = SourceText::new(path, text);
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = text[start..]
        .split_inclusive('\n')
        .scan(start, |pos, line| {
            let at = *pos;
            *pos += line.len();
            Some((at, line))
        });
    let fence = |line: &str| line.trim_end() == "+++";
    match lines.next() {
        Some((_, line)) if fence(line) => {}
        _ => {
            return Err(src.error(
                start,
                "the file does not start with `+++` front matter",
                "content files begin with TOML front matter between two `+++` lines; see docs/content-format.md",
            ))
        }
    }
    let toml_start = start
        + text[start..]
            .find('\n')
            .map_or(text.len() - start, |i| i + 1);
    for (at, line) in lines {
        if fence(line) {
            let body_start = at + line.len();
            return Ok(FrontMatter {
                toml: &text[toml_start..at],
                toml_start,
                body: &text[body_start..],
                body_start,
            });
        }
    }
    Err(src.error(
        start,
        "the front matter is never closed",
        "add a line holding only `+++` after the last front matter field",
    ))
}

/// Deserializes TOML, turning toml's error into a positioned diagnostic.
fn from_toml<T: DeserializeOwned>(
    src: &SourceText,
    toml_text: &str,
    toml_start: usize,
) -> Result<T, Diagnostic> {
    toml::from_str(toml_text).map_err(|e| toml_diagnostic(src, toml_start, &e))
}

fn toml_diagnostic(src: &SourceText, toml_start: usize, e: &toml::de::Error) -> Diagnostic {
    let offset = toml_start + e.span().map_or(0, |s| s.start);
    let raw = e.message().trim().trim_end_matches('.');
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let fields: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let mut hint = String::new();
        if let Some(s) = suggest(name, fields.iter().copied()) {
            hint.push_str(&format!("did you mean `{s}`? "));
        }
        if fields.is_empty() {
            hint.push_str("remove it: this table takes no other fields");
        } else {
            hint.push_str(&format!("The fields here are: {}.", fields.join(", ")));
        }
        return src.error(offset, format!("unknown field `{name}`"), hint);
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return src.error(
            offset,
            format!("missing required field `{name}`"),
            format!("add `{name} = …` here"),
        );
    }
    if raw.starts_with("unknown variant") {
        return src.error(offset, raw.to_owned(), "");
    }
    let first = raw.lines().next().unwrap_or(raw);
    src.error(
        offset,
        first.to_owned(),
        "check the TOML syntax; see docs/content-format.md",
    )
}

/// The closest candidate to `word` by edit distance, if close enough to be a likely typo.
pub fn suggest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|&(d, _)| d <= limit)
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

// ---------------------------------------------------------------------------
// Raw front matter shapes (what staff write)

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleFront {
    title: Option<Spanned<String>>,
    dek: Option<Spanned<String>>,
    kind: Option<Spanned<ArticleKind>>,
    published: Option<Spanned<toml::Value>>,
    updated: Option<Spanned<toml::Value>>,
    authors: Option<Spanned<Vec<Spanned<String>>>>,
    topics: Option<Spanned<Vec<Spanned<String>>>>,
    canonical_url: Option<Spanned<String>>,
    originally_published: Option<String>,
    #[serde(default)]
    featured: bool,
    image: Option<Spanned<ImageFront>>,
    media: Option<Spanned<MediaFront>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ImageFront {
    src: Spanned<String>,
    alt: Option<Spanned<String>>,
    caption: Option<String>,
    credit: Option<String>,
    width: u32,
    height: u32,
    #[serde(default)]
    srcset: Vec<ImageSource>,
}

#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum MediaFront {
    Audio {
        src: String,
        mime: String,
        duration_seconds: u32,
    },
    Video {
        url: String,
        host: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContributorFront {
    name: Option<Spanned<String>>,
    #[serde(default)]
    roles: Vec<String>,
    affiliation: Option<String>,
    #[serde(default)]
    links: Vec<LinkFront>,
    photo: Option<Spanned<ImageFront>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkFront {
    label: String,
    url: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFront {
    title: Option<Spanned<String>>,
    description: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicsFile {
    #[serde(default)]
    topic: Vec<TopicFront>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicFront {
    slug: Spanned<String>,
    name: String,
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MastheadFile {
    #[serde(default)]
    section: Vec<SectionFront>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionFront {
    heading: String,
    kind: SectionKind,
    #[serde(default)]
    group: Vec<GroupFront>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupFront {
    title: Option<String>,
    #[serde(default)]
    members: Vec<MemberFront>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MemberFront {
    slug: Spanned<String>,
    role: Option<String>,
    affiliation: Option<String>,
}

// ---------------------------------------------------------------------------
// Shared field checks

/// Collects diagnostics for one file, shifting front matter spans to file offsets.
struct Checker<'a> {
    src: SourceText<'a>,
    toml_start: usize,
    diags: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    fn at(&self, span: &Range<usize>) -> usize {
        self.toml_start + span.start
    }

    fn error(&mut self, span: &Range<usize>, message: impl Into<String>, hint: impl Into<String>) {
        let d = self.src.error(self.at(span), message, hint);
        self.diags.push(d);
    }

    fn warning(
        &mut self,
        span: &Range<usize>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let d = self.src.warning(self.at(span), message, hint);
        self.diags.push(d);
    }

    /// A required field: reports it missing (at the opening `+++`) or empty.
    /// Reports a required front-matter field that is absent, with an example to add.
    fn missing(&mut self, field: &str, example: &str) {
        let d = self.src.error(
            0,
            format!("missing required field `{field}`"),
            format!("add `{field} = {example}` to the front matter"),
        );
        self.diags.push(d);
    }

    fn required(
        &mut self,
        field: &str,
        value: Option<Spanned<String>>,
        example: &str,
    ) -> Option<String> {
        match value {
            None => {
                self.missing(field, example);
                None
            }
            Some(v) if v.get_ref().trim().is_empty() => {
                self.error(
                    &v.span(),
                    format!("`{field}` is empty"),
                    format!("write it, e.g. `{field} = {example}`"),
                );
                None
            }
            Some(v) => Some(v.into_inner()),
        }
    }

    fn date(&mut self, field: &str, value: &Spanned<toml::Value>) -> Option<Date> {
        let span = value.span();
        let text = match value.get_ref() {
            toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
                _ => {
                    self.error(
                        &span,
                        format!("`{field}` must be a date without a time: {dt}"),
                        "write it as YYYY-MM-DD, e.g. 2023-06-14",
                    );
                    return None;
                }
            },
            toml::Value::String(s) => s.trim().to_owned(),
            other => {
                self.error(
                    &span,
                    format!("`{field}` must be a date, not a {}", other.type_str()),
                    "write it as YYYY-MM-DD, e.g. 2023-06-14",
                );
                return None;
            }
        };
        match Date::parse(&text) {
            Ok(d) => Some(d),
            Err(e) => {
                self.error(
                    &span,
                    e.to_string(),
                    format!("`{field}` takes a real calendar date, e.g. {field} = 2023-06-14"),
                );
                None
            }
        }
    }

    /// A list of slugs that must each name something in `known` (when known).
    fn slugs(
        &mut self,
        field: &str,
        list: Spanned<Vec<Spanned<String>>>,
        what: &str,
        known: Option<&BTreeSet<String>>,
        where_: &str,
    ) -> Option<Vec<Slug>> {
        let span = list.span();
        let list = list.into_inner();
        if list.is_empty() {
            self.error(
                &span,
                format!("`{field}` is empty"),
                format!("list at least one {what} slug"),
            );
            return None;
        }
        let mut out = Vec::new();
        let mut ok = true;
        for item in list {
            let span = item.span();
            match Slug::parse(item.get_ref()) {
                Err(e) => {
                    self.error(
                        &span,
                        e.to_string(),
                        format!("`{field}` lists {what} slugs"),
                    );
                    ok = false;
                }
                Ok(slug) => {
                    if let Some(known) = known {
                        if !known.contains(slug.as_str()) {
                            let mut hint = format!("there is no {where_}");
                            if let Some(s) =
                                suggest(slug.as_str(), known.iter().map(String::as_str))
                            {
                                hint.push_str(&format!("; did you mean `{s}`?"));
                            }
                            self.error(
                                &span,
                                format!("unknown {what} `{slug}`"),
                                hint.replace("{slug}", slug.as_str()),
                            );
                        }
                    }
                    if out.contains(&slug) {
                        self.warning(
                            &span,
                            format!("{what} `{slug}` is listed twice"),
                            "remove the repeat",
                        );
                    }
                    out.push(slug);
                }
            }
        }
        ok.then_some(out)
    }

    fn image(
        &mut self,
        what: &str,
        image: Spanned<ImageFront>,
        catalog: &Catalog,
    ) -> Option<Image> {
        let span = image.span();
        let i = image.into_inner();
        let alt = match i.alt {
            None => {
                self.error(
                    &span,
                    format!("{what} has no alt text"),
                    "add `alt = \"…\"` describing what the image shows, for readers who cannot see it",
                );
                return None;
            }
            Some(alt) => {
                if alt.get_ref().trim().is_empty() {
                    self.warning(
                        &alt.span(),
                        format!("{what} has empty alt text, which marks it as decorative"),
                        "describe what the image shows unless it adds nothing to the page",
                    );
                }
                alt.into_inner()
            }
        };
        let src_span = i.src.span();
        let src = i.src.into_inner();
        if let Some((message, hint)) = check_image_src(&src, catalog) {
            self.error(&src_span, message, hint);
        }
        Some(Image {
            src,
            alt,
            caption: i.caption,
            credit: i.credit,
            width: i.width,
            height: i.height,
            srcset: i.srcset,
        })
    }

    fn link(&mut self, span: &Range<usize>, url: &str, catalog: &Catalog, from_draft: bool) {
        if let Some((message, hint)) = check_link(url, catalog, from_draft) {
            self.error(span, message, hint);
        }
    }

    /// Images without alt text and broken internal links in a Markdown body.
    fn body(&mut self, body: &str, body_start: usize, catalog: &Catalog, from_draft: bool) {
        let mut image: Option<(usize, String, String)> = None;
        let mut depth = 0usize;
        for (event, range) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
            let at = body_start + range.start;
            match event {
                Event::Start(Tag::Image { dest_url, .. }) => {
                    if image.is_none() {
                        image = Some((at, dest_url.to_string(), String::new()));
                    } else {
                        depth += 1;
                    }
                }
                Event::End(TagEnd::Image) => {
                    if depth > 0 {
                        depth -= 1;
                        continue;
                    }
                    if let Some((at, src, alt)) = image.take() {
                        if alt.trim().is_empty() {
                            let d = self.src.error(
                                at,
                                format!("image `{src}` has no alt text"),
                                format!("describe it between the brackets: ![What the image shows]({src})"),
                            );
                            self.diags.push(d);
                        }
                        if let Some((message, hint)) = check_image_src(&src, catalog) {
                            let d = self.src.error(at, message, hint);
                            self.diags.push(d);
                        }
                    }
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some((_, _, alt)) = &mut image {
                        alt.push_str(&t);
                    }
                }
                Event::Start(Tag::Link { dest_url, .. }) => {
                    if let Some((message, hint)) = check_link(&dest_url, catalog, from_draft) {
                        let d = self.src.error(at, message, hint);
                        self.diags.push(d);
                    }
                }
                _ => {}
            }
        }
    }
}

/// The Markdown extensions the magazine uses (kept in step with the renderer).
fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Checks an image `src`: a local `images/…` path must exist when the catalog knows the images.
pub fn check_image_src(src: &str, catalog: &Catalog) -> Option<(String, String)> {
    let images = catalog.images.as_ref()?;
    if src.contains("://") || src.starts_with("//") || src.starts_with("data:") {
        return None;
    }
    let path = src.trim_start_matches('/');
    let path = path.split(['?', '#']).next().unwrap_or(path);
    if images.contains(path) {
        return None;
    }
    let hint = match suggest(path, images.iter().map(String::as_str)) {
        Some(s) => format!("did you mean `{s}`? Image files live in content/images/"),
        None => {
            "put the file in content/images/ and write its path as `images/name.jpg`".to_owned()
        }
    };
    Some((format!("image file `{src}` does not exist"), hint))
}

/// Checks a link: internal links (site-relative, or absolute to the site's own origin)
/// must point at an article, contributor, topic, page or app route that exists.
/// Splits a Markdown content file's front matter and decodes it into `F`, ready for checking;
/// on failure, the diagnostics so far plus the one that stopped it.
fn open_front<'a, F: DeserializeOwned>(
    src: SourceText<'a>,
    mut diags: Vec<Diagnostic>,
) -> Result<(F, FrontMatter<'a>, Checker<'a>), Vec<Diagnostic>> {
    let fm = match split_front_matter(src.path, src.text) {
        Ok(fm) => fm,
        Err(d) => {
            diags.push(d);
            return Err(diags);
        }
    };
    let front = match from_toml(&src, fm.toml, fm.toml_start) {
        Ok(f) => f,
        Err(d) => {
            diags.push(d);
            return Err(diags);
        }
    };
    let checker = Checker {
        src,
        toml_start: fm.toml_start,
        diags,
    };
    Ok((front, fm, checker))
}

/// Returns the message and hint when broken, `None` when fine or external.
pub fn check_link(url: &str, catalog: &Catalog, from_draft: bool) -> Option<(String, String)> {
    let url = url.trim();
    let path = match &catalog.site_url {
        Some(site) if !site.is_empty() && url.starts_with(site.as_str()) => {
            let rest = &url[site.len()..];
            if rest.is_empty() || rest.starts_with(['/', '?', '#']) {
                rest
            } else {
                return None;
            }
        }
        _ if url.starts_with('/') && !url.starts_with("//") => url,
        _ => return None,
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    let path = path.trim_matches('/');
    let segments: Vec<&str> = if path.is_empty() {
        Vec::new()
    } else {
        path.split('/').collect()
    };
    let missing =
        |what: &str, slug: &str, set: &BTreeSet<String>, dir: &str| -> Option<(String, String)> {
            if set.contains(slug) {
                return None;
            }
            let mut hint = format!("there is no content/{dir}/{slug}.md");
            if let Some(s) = suggest(slug, set.iter().map(String::as_str)) {
                hint.push_str(&format!("; did you mean `{s}`?"));
            }
            Some((format!("broken link `{url}`: no {what} `{slug}`"), hint))
        };
    match segments.as_slice() {
        [] => None,
        ["articles"] | ["contributors"] | ["topics"] | ["archive"] | ["search"] | ["subscribe"] => None,
        ["articles", slug] | ["embed", "articles", slug] => {
            if from_draft && catalog.drafts.contains(*slug) {
                return None;
            }
            if catalog.partial {
                return None;
            }
            if catalog.drafts.contains(*slug) && !catalog.articles.contains(*slug) {
                return Some((
                    format!("broken link `{url}`: `{slug}` is still a draft"),
                    "publish the draft first, or remove the link".to_owned(),
                ));
            }
            missing("article", slug, &catalog.articles, "articles")
        }
        ["contributors", slug] => missing("contributor", slug, &catalog.contributors, "contributors"),
        ["topics", slug] => {
            let topics = catalog.topics.as_ref()?;
            if topics.contains(*slug) {
                return None;
            }
            let mut hint = format!("topics.toml has no topic `{slug}`");
            if let Some(s) = suggest(slug, topics.iter().map(String::as_str)) {
                hint.push_str(&format!("; did you mean `{s}`?"));
            }
            Some((format!("broken link `{url}`: no topic `{slug}`"), hint))
        }
        ["archive", year] if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => None,
        ["images", ..] => check_image_src(path, catalog),
        [page] if catalog.partial && !RESERVED_ROUTES.contains(page) => None,
        [page] if !RESERVED_ROUTES.contains(page) => missing("page", page, &catalog.pages, "pages"),
        _ => Some((
            format!("broken link `{url}`: the site has no such page"),
            "internal links look like /articles/{slug}, /contributors/{slug}, /topics/{slug} or /{page}".to_owned(),
        )),
    }
}

fn file_slug(src: &SourceText, what: &str) -> Result<Slug, Diagnostic> {
    let name = slug_of(src.path).unwrap_or(src.path);
    Slug::parse(name).map_err(|e| {
        src.error(
            0,
            format!("bad {what} file name: {e}"),
            format!(
                "the file name is the slug; rename it, e.g. to `{}.md`",
                slugify(name)
            ),
        )
    })
}

/// Turns a title or file name into a slug (lowercase ASCII, single hyphens), for suggestions.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "untitled".to_owned()
    } else {
        out.chars()
            .take(100)
            .collect::<String>()
            .trim_end_matches('-')
            .to_owned()
    }
}

// ---------------------------------------------------------------------------
// Parsers

/// Parses and checks an article (or, with `draft`, a draft) file.
pub fn parse_article(
    path: &str,
    text: &str,
    catalog: &Catalog,
    draft: bool,
) -> Parsed<ArticleSource> {
    let src = SourceText::new(path, text);
    let mut diags = Vec::new();
    let slug = file_slug(&src, if draft { "draft" } else { "article" })
        .map_err(|d| diags.push(d))
        .ok();
    let (front, fm, mut c) = match open_front::<ArticleFront>(src, diags) {
        Ok(opened) => opened,
        Err(diags) => return Parsed::new(None, diags),
    };
    let title = c.required("title", front.title, "\"Headline\"");
    let dek = c.required("dek", front.dek, "\"The standfirst under the headline.\"");
    let published = match &front.published {
        None => {
            let d = c.src.error(
                0,
                "missing required field `published`",
                "add `published = 2023-06-14` to the front matter",
            );
            c.diags.push(d);
            None
        }
        Some(v) => c.date("published", v),
    };
    let updated = front.updated.as_ref().map(|v| c.date("updated", v));
    if let (Some(p), Some(Some(u)), Some(span)) =
        (published, updated, front.updated.as_ref().map(|v| v.span()))
    {
        if u < p {
            c.warning(
                &span,
                format!("`updated` ({u}) is before `published` ({p})"),
                "check the dates",
            );
        }
    }
    let authors = match front.authors {
        None => {
            c.missing("authors", r#"["contributor-slug"]"#);
            None
        }
        Some(list) => c.slugs(
            "authors",
            list,
            "author",
            Some(&catalog.contributors),
            "content/contributors/{slug}.md",
        ),
    };
    let topics = match front.topics {
        None => {
            c.missing("topics", r#"["topic-slug"]"#);
            None
        }
        Some(list) => c.slugs(
            "topics",
            list,
            "topic",
            catalog.topics.as_ref(),
            "topic `{slug}` in topics.toml",
        ),
    };
    let kind_span = front.kind.as_ref().map(|k| k.span());
    let kind = front.kind.map(Spanned::into_inner).unwrap_or_default();
    if let Some(url) = &front.canonical_url {
        let u = url.get_ref();
        if !(u.starts_with("https://") || u.starts_with("http://")) {
            c.error(
                &url.span(),
                "`canonical_url` must be an absolute URL",
                "write it as https://…, or leave it out to use the article's own URL",
            );
        }
    }
    let image = match front.image {
        None => Some(None),
        Some(i) => c.image("the hero image", i, catalog).map(Some),
    };
    let media_span = front.media.as_ref().map(|m| m.span());
    let media = front.media.map(|m| match m.into_inner() {
        MediaFront::Audio {
            src,
            mime,
            duration_seconds,
        } => Media::Audio {
            src,
            mime,
            duration_seconds,
        },
        MediaFront::Video { url, host } => Media::Video { url, host },
    });
    let kind_at = kind_span.clone().unwrap_or(0..0);
    match (kind, &media) {
        (ArticleKind::Article, Some(_)) => c.error(
            media_span.as_ref().unwrap_or(&kind_at),
            "an article of kind `article` cannot have [media]",
            "set `kind = \"podcast_episode\"` (audio) or `kind = \"video\"`, or remove [media]",
        ),
        (ArticleKind::PodcastEpisode, None) => c.error(
            &kind_at,
            "a podcast episode needs [media] with `kind = \"audio\"`",
            "add a [media] table: kind = \"audio\", src, mime, duration_seconds",
        ),
        (ArticleKind::Video, None) => c.error(
            &kind_at,
            "a video needs [media] with `kind = \"video\"`",
            "add a [media] table: kind = \"video\", url, host",
        ),
        (ArticleKind::PodcastEpisode, Some(Media::Video { .. })) => c.error(
            media_span.as_ref().unwrap_or(&kind_at),
            "kind is `podcast_episode` but [media] is a video",
            "use `kind = \"audio\"` media for a podcast episode, or set `kind = \"video\"`",
        ),
        (ArticleKind::Video, Some(Media::Audio { .. })) => c.error(
            media_span.as_ref().unwrap_or(&kind_at),
            "kind is `video` but [media] is audio",
            "use `kind = \"video\"` media (url, host), or set `kind = \"podcast_episode\"`",
        ),
        _ => {}
    }
    c.body(fm.body, fm.body_start, catalog, draft);
    let value = (|| {
        Some(ArticleSource {
            path: path.to_owned(),
            slug: slug?,
            draft,
            title: title?,
            dek: dek?,
            kind,
            published: published?,
            updated: updated.flatten(),
            authors: authors?,
            topics: topics?,
            canonical_url: front.canonical_url.map(Spanned::into_inner),
            originally_published: front.originally_published,
            featured: front.featured,
            image: image?,
            media,
            body: fm.body.to_owned(),
        })
    })();
    Parsed::new(value, c.diags)
}

/// Parses and checks a contributor file.
pub fn parse_contributor(path: &str, text: &str, catalog: &Catalog) -> Parsed<ContributorSource> {
    let src = SourceText::new(path, text);
    let mut diags = Vec::new();
    let slug = file_slug(&src, "contributor")
        .map_err(|d| diags.push(d))
        .ok();
    let (front, fm, mut c) = match open_front::<ContributorFront>(src, diags) {
        Ok(opened) => opened,
        Err(diags) => return Parsed::new(None, diags),
    };
    let name = c.required("name", front.name, "\"Full Name\"");
    let photo = match front.photo {
        None => Some(None),
        Some(i) => c.image("the photo", i, catalog).map(Some),
    };
    let mut links = Vec::new();
    for l in front.links {
        c.link(&l.url.span(), l.url.get_ref(), catalog, false);
        links.push(Link {
            label: l.label,
            url: l.url.into_inner(),
        });
    }
    c.body(fm.body, fm.body_start, catalog, false);
    let value = (|| {
        Some(ContributorSource {
            path: path.to_owned(),
            slug: slug?,
            name: name?,
            roles: front.roles,
            affiliation: front.affiliation,
            links,
            photo: photo?,
            bio: fm.body.trim().to_owned(),
        })
    })();
    Parsed::new(value, c.diags)
}

/// Parses and checks a static page.
pub fn parse_page(path: &str, text: &str, catalog: &Catalog) -> Parsed<PageSource> {
    let src = SourceText::new(path, text);
    let mut diags = Vec::new();
    let slug = file_slug(&src, "page").map_err(|d| diags.push(d)).ok();
    if let Some(s) = &slug {
        if RESERVED_ROUTES.contains(&s.as_str()) {
            diags.push(src.error(
                0,
                format!("`{s}` cannot be a page: the site uses /{s} itself"),
                "rename the file",
            ));
        }
    }
    let (front, fm, mut c) = match open_front::<PageFront>(src, diags) {
        Ok(opened) => opened,
        Err(diags) => return Parsed::new(None, diags),
    };
    let title = c.required("title", front.title, "\"About Convergence\"");
    let description = c.required(
        "description",
        front.description,
        "\"One sentence for search engines.\"",
    );
    c.body(fm.body, fm.body_start, catalog, false);
    let value = (|| {
        Some(PageSource {
            path: path.to_owned(),
            slug: slug?,
            title: title?,
            description: description?,
            body: fm.body.to_owned(),
        })
    })();
    Parsed::new(value, c.diags)
}

/// Parses and checks `topics.toml` (slugs valid and unique).
pub fn parse_topics(path: &str, text: &str) -> Parsed<TopicsSource> {
    let src = SourceText::new(path, text);
    let file: TopicsFile = match from_toml(&src, text, 0) {
        Ok(f) => f,
        Err(d) => return Parsed::new(None, vec![d]),
    };
    let mut c = Checker {
        src,
        toml_start: 0,
        diags: Vec::new(),
    };
    let mut topics: Vec<Topic> = Vec::new();
    let mut ok = true;
    for t in file.topic {
        let span = t.slug.span();
        match Slug::parse(t.slug.get_ref()) {
            Err(e) => {
                c.error(
                    &span,
                    e.to_string(),
                    "a topic's slug is its URL: /topics/{slug}",
                );
                ok = false;
            }
            Ok(slug) => {
                if topics.iter().any(|x| x.slug == slug) {
                    c.error(
                        &span,
                        format!("duplicate topic slug `{slug}`"),
                        "each [[topic]] needs its own slug",
                    );
                    ok = false;
                }
                topics.push(Topic {
                    slug,
                    name: t.name,
                    description: t.description,
                });
            }
        }
    }
    if topics.is_empty() && ok {
        let d = c.src.error(
            0,
            "topics.toml defines no topics",
            "add at least one [[topic]] with slug, name and description",
        );
        c.diags.push(d);
        ok = false;
    }
    let value = ok.then_some(TopicsSource { topics });
    Parsed::new(value, c.diags)
}

/// Parses and checks `masthead.toml` (every member is a contributor).
pub fn parse_masthead(path: &str, text: &str, catalog: &Catalog) -> Parsed<MastheadSource> {
    let src = SourceText::new(path, text);
    let file: MastheadFile = match from_toml(&src, text, 0) {
        Ok(f) => f,
        Err(d) => return Parsed::new(None, vec![d]),
    };
    let mut c = Checker {
        src,
        toml_start: 0,
        diags: Vec::new(),
    };
    let mut ok = true;
    let mut sections = Vec::new();
    for s in file.section {
        let mut groups = Vec::new();
        for g in s.group {
            let mut members = Vec::new();
            for m in g.members {
                let span = m.slug.span();
                match Slug::parse(m.slug.get_ref()) {
                    Err(e) => {
                        c.error(&span, e.to_string(), "members are contributor slugs");
                        ok = false;
                    }
                    Ok(slug) => {
                        if !catalog.contributors.contains(slug.as_str()) {
                            let mut hint = format!("there is no content/contributors/{slug}.md");
                            if let Some(s) = suggest(
                                slug.as_str(),
                                catalog.contributors.iter().map(String::as_str),
                            ) {
                                hint.push_str(&format!("; did you mean `{s}`?"));
                            }
                            c.error(&span, format!("unknown contributor `{slug}`"), hint);
                        }
                        members.push(MastheadMemberSource {
                            slug,
                            role: m.role,
                            affiliation: m.affiliation,
                        });
                    }
                }
            }
            groups.push(MastheadGroupSource {
                title: g.title,
                members,
            });
        }
        sections.push(MastheadSectionSource {
            heading: s.heading,
            kind: s.kind,
            groups,
        });
    }
    Parsed::new(ok.then_some(MastheadSource { sections }), c.diags)
}

/// Parses and checks `site.toml` (unknown keys, the URL's form, internal links, the republication page).
pub fn parse_site(path: &str, text: &str, catalog: &Catalog) -> Parsed<SiteSource> {
    let src = SourceText::new(path, text);
    let de = match toml::Deserializer::parse(text) {
        Ok(de) => de,
        Err(e) => return Parsed::new(None, vec![toml_diagnostic(&src, 0, &e)]),
    };
    let mut ignored = Vec::new();
    let site: SiteSource = match serde_ignored::deserialize(de, |p| ignored.push(p.to_string())) {
        Ok(s) => s,
        Err(e) => return Parsed::new(None, vec![toml_diagnostic(&src, 0, &e)]),
    };
    let table = toml::de::DeTable::parse(text).ok();
    let locate = |path: &str| -> usize {
        table
            .as_ref()
            .and_then(|t| locate_key(t.get_ref(), path))
            .map_or(0, |r| r.start)
    };
    let mut diags = Vec::new();
    for p in &ignored {
        let field = p.rsplit('.').next().unwrap_or(p);
        diags.push(src.error(
            locate(p),
            format!("unknown field `{p}`"),
            format!("site.toml has the fields of site.json (docs/bucket.md); remove or correct `{field}`"),
        ));
    }
    if !(site.url.starts_with("https://") || site.url.starts_with("http://"))
        || site.url.ends_with('/')
    {
        diags.push(src.error(
            locate("url"),
            format!(
                "`url` must be an absolute origin without a trailing slash, not `{}`",
                site.url
            ),
            "e.g. url = \"https://convergencemag.com\"",
        ));
    }
    let mut cat = catalog.clone();
    cat.site_url = Some(site.url.clone());
    let links = site
        .navigation
        .iter()
        .enumerate()
        .map(|(i, l)| (format!("navigation.{i}.url"), &l.url))
        .chain(
            site.secondary_navigation
                .iter()
                .enumerate()
                .map(|(i, l)| (format!("secondary_navigation.{i}.url"), &l.url)),
        )
        .chain(std::iter::once((
            "support.url".to_owned(),
            &site.support.url,
        )));
    for (key, url) in links {
        if let Some((message, hint)) = check_link(url, &cat, false) {
            diags.push(src.error(locate(&key), message, hint));
        }
    }
    if let Some(image) = &site.default_image {
        if let Some((message, hint)) = check_image_src(&image.src, catalog) {
            diags.push(src.error(locate("default_image.src"), message, hint));
        }
        // Link previews show this image on every page without one: it always needs a description.
        if image.alt.trim().is_empty() {
            diags.push(src.error(
                locate("default_image.alt"),
                "`default_image` has no alt text",
                "add `alt = \"…\"` describing what the image shows",
            ));
        }
    }
    let page = site.republication.page.as_str();
    if !catalog.pages.contains(page) {
        diags.push(src.error(
            locate("republication.page"),
            format!("unknown page `{page}` for the republication policy"),
            format!("there is no content/pages/{page}.md"),
        ));
    }
    Parsed::new(Some(site), diags)
}

/// Finds the span of a dotted key path (`a.0.b`) in a parsed TOML document.
fn locate_key(table: &toml::de::DeTable, path: &str) -> Option<Range<usize>> {
    let mut parts = path.split('.');
    let first = parts.next()?;
    let (mut key_span, mut value) = table
        .iter()
        .find(|(k, _)| k.get_ref() == first)
        .map(|(k, v)| (k.span(), v))?;
    for part in parts {
        let next = match value.get_ref() {
            toml::de::DeValue::Table(t) => t
                .iter()
                .find(|(k, _)| k.get_ref() == part)
                .map(|(k, v)| (k.span(), v)),
            toml::de::DeValue::Array(a) => {
                let i: usize = part.parse().ok()?;
                a.get(i).map(|v| (v.span(), v))
            }
            _ => None,
        };
        match next {
            Some((k, v)) => {
                key_span = k;
                value = v;
            }
            None => return Some(key_span),
        }
    }
    Some(key_span)
}

/// Reports every file whose slug an earlier file (in path order) already uses.
/// `files` are `(slug, path)` pairs of one namespace (e.g. articles and drafts together).
pub fn check_duplicate_slugs(what: &str, files: &[(Slug, String)]) -> Vec<Diagnostic> {
    let mut sorted: Vec<&(Slug, String)> = files.iter().collect();
    sorted.sort_by(|a, b| a.1.cmp(&b.1));
    let mut first: std::collections::BTreeMap<&Slug, &str> = std::collections::BTreeMap::new();
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

/// Checks one file of any kind (chosen by its path), for the preview editor:
/// everything but the duplicate-slug check, which needs the whole folder.
pub fn check_file(path: &str, text: &str, catalog: &Catalog) -> Vec<Diagnostic> {
    match classify(path) {
        FileKind::Site => parse_site(path, text, catalog).diagnostics,
        FileKind::Topics => parse_topics(path, text).diagnostics,
        FileKind::Masthead => parse_masthead(path, text, catalog).diagnostics,
        FileKind::Article => parse_article(path, text, catalog, false).diagnostics,
        FileKind::Draft => parse_article(path, text, catalog, true).diagnostics,
        FileKind::Contributor => parse_contributor(path, text, catalog).diagnostics,
        FileKind::Page => parse_page(path, text, catalog).diagnostics,
        FileKind::Image | FileKind::Other => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        let mut c = Catalog {
            topics: Some(["strategy", "elections"].map(String::from).into()),
            images: Some(BTreeSet::from(["images/x.jpg".to_owned()])),
            site_url: Some("https://convergencemag.com".into()),
            ..Catalog::default()
        };
        for p in [
            "articles/a.md",
            "articles/2012/b.md",
            "drafts/d.md",
            "contributors/maurice-mitchell.md",
            "pages/about.md",
        ] {
            c.add_path(p);
        }
        c
    }

    const GOOD: &str = "+++\ntitle = \"Headline\"\ndek = \"Dek.\"\npublished = 2023-06-14\nauthors = [\"maurice-mitchell\"]\ntopics = [\"strategy\"]\n[image]\nsrc = \"images/x.jpg\"\nalt = \"A crowd\"\nwidth = 10\nheight = 5\n+++\nBody with [a link](/articles/b) and ![alt](images/x.jpg).\n";

    fn first(p: &[Diagnostic]) -> String {
        p.first().map(Diagnostic::headline).unwrap_or_default()
    }

    #[test]
    fn sources_become_bucket_articles() {
        let p = parse_article("drafts/good.md", GOOD, &catalog(), true);
        let a = p.value.unwrap().to_article(
            "https://convergencemag.com/",
            |s| AuthorRef {
                slug: s.clone(),
                name: "Maurice Mitchell".into(),
            },
            |s| TopicRef {
                slug: s.clone(),
                name: "Strategy".into(),
            },
        );
        assert_eq!(a.canonical_url, "https://convergencemag.com/articles/good");
        assert_eq!(a.authors[0].name, "Maurice Mitchell");
        assert_eq!(a.topics[0].name, "Strategy");
        assert!(a.excerpt.starts_with("Body with a link"), "{}", a.excerpt);
        assert!(a.related.is_empty());
    }

    #[test]
    fn a_partial_catalog_skips_article_and_page_links_only() {
        let partial = Catalog {
            partial: true,
            ..catalog()
        };
        assert_eq!(check_link("/articles/unknown", &partial, true), None);
        assert_eq!(check_link("/some-page", &partial, true), None);
        assert!(check_link("/contributors/nobody", &partial, true).is_some());
        assert!(check_link("/topics/nothing", &partial, true).is_some());
        assert!(check_link("/embed", &partial, true).is_some());
        assert!(check_link("/articles/unknown", &catalog(), true).is_some());
    }

    #[test]
    fn good_article_parses() {
        let p = parse_article("articles/good.md", GOOD, &catalog(), false);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let a = p.value.unwrap();
        assert_eq!(a.title, "Headline");
        assert_eq!(a.published.to_string(), "2023-06-14");
        assert_eq!(a.image.unwrap().alt, "A crowd");
        assert!(a.body.starts_with("Body"));
    }

    #[test]
    fn positions_count_the_front_matter_fence() {
        let text = GOOD.replace("\"maurice-mitchell\"", "\"nobody\"");
        let p = parse_article("articles/good.md", &text, &catalog(), false);
        assert_eq!(
            first(&p.diagnostics),
            "articles/good.md:5:12: error: unknown author `nobody`"
        );
        let text = GOOD.replace("(/articles/b)", "(/articles/zzz)");
        let p = parse_article("articles/good.md", &text, &catalog(), false);
        assert_eq!(
            first(&p.diagnostics),
            "articles/good.md:13:11: error: broken link `/articles/zzz`: no article `zzz`"
        );
    }

    #[test]
    fn the_usual_mistakes() {
        let cases = [
            (
                GOOD.replace("title = \"Headline\"\n", ""),
                "1:1: error: missing required field `title`",
            ),
            (
                GOOD.replace("titl", "titel"),
                "2:1: error: unknown field `titele`",
            ),
            (
                GOOD.replace("2023-06-14", "\"2023-02-30\""),
                "4:13: error: “2023-02-30” is not a valid date",
            ),
            (
                GOOD.replace("\"strategy\"", "\"strategie\""),
                "6:11: error: unknown topic `strategie`",
            ),
            (
                GOOD.replace("alt = \"A crowd\"\n", ""),
                "error: the hero image has no alt text",
            ),
            (
                GOOD.replace("![alt]", "![]"),
                "13:37: error: image `images/x.jpg` has no alt text",
            ),
            (GOOD.replace("dek = \"Dek.\"", "dek = \"Dek."), "3:"),
            (
                GOOD.replace("[image]", "kind = \"video\"\n[image]"),
                "error: a video needs [media]",
            ),
        ];
        for (text, want) in cases {
            let p = parse_article("articles/good.md", &text, &catalog(), false);
            let got = first(&p.diagnostics);
            assert!(got.contains(want), "wanted {want:?}, got {got:?}\n{text}");
        }
    }

    #[test]
    fn hints_suggest_the_near_miss() {
        let text = GOOD.replace("\"maurice-mitchell\"", "\"maurice-michell\"");
        let p = parse_article("articles/good.md", &text, &catalog(), false);
        assert!(
            p.diagnostics[0]
                .hint
                .contains("did you mean `maurice-mitchell`"),
            "{}",
            p.diagnostics[0]
        );
        let text = GOOD.replace("dek =", "dekk =");
        let p = parse_article("articles/good.md", &text, &catalog(), false);
        assert!(
            p.diagnostics[0].hint.starts_with("did you mean `dek`"),
            "{}",
            p.diagnostics[0]
        );
    }

    #[test]
    fn bad_file_names_and_fences() {
        let p = parse_article("articles/Bad Name.md", GOOD, &catalog(), false);
        assert!(first(&p.diagnostics)
            .starts_with("articles/Bad Name.md:1:1: error: bad article file name"));
        assert!(p.diagnostics[0].hint.contains("bad-name.md"));
        let p = parse_article("articles/x.md", "title = 1\n", &catalog(), false);
        assert!(first(&p.diagnostics).contains("does not start with `+++`"));
        let p = parse_article("articles/x.md", "+++\ntitle = \"x\"\n", &catalog(), false);
        assert!(first(&p.diagnostics).contains("never closed"));
    }

    #[test]
    fn links() {
        let c = catalog();
        for ok in [
            "/",
            "/about",
            "/articles/a",
            "/articles/b#x",
            "https://convergencemag.com/contributors/maurice-mitchell/",
            "/topics/strategy",
            "/archive/2012",
            "https://example.org/x",
            "mailto:x@y",
            "#top",
            "/images/x.jpg",
        ] {
            assert_eq!(check_link(ok, &c, false), None, "{ok}");
        }
        for bad in [
            "/abuot",
            "/articles/nope",
            "/topics/nope",
            "/contributors/nope",
            "/a/b/c",
            "/articles/d",
            "https://convergencemag.com/nope",
            "/images/y.jpg",
        ] {
            assert!(check_link(bad, &c, false).is_some(), "{bad}");
        }
        assert_eq!(check_link("/articles/d", &c, true), None);
    }

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

    #[test]
    fn topics_masthead_site() {
        let t = parse_topics("topics.toml", "[[topic]]\nslug = \"a\"\nname = \"A\"\ndescription = \"d\"\n[[topic]]\nslug = \"a\"\nname = \"B\"\ndescription = \"d\"\n");
        assert_eq!(
            first(&t.diagnostics),
            "topics.toml:6:8: error: duplicate topic slug `a`"
        );
        let m = parse_masthead("masthead.toml", "[[section]]\nheading = \"Staff\"\nkind = \"staff\"\n[[section.group]]\nmembers = [{ slug = \"maurice-mitchell\" }, { slug = \"nobody\" }]\n", &catalog());
        assert_eq!(
            first(&m.diagnostics),
            "masthead.toml:5:52: error: unknown contributor `nobody`"
        );
        assert_eq!(m.value.unwrap().sections[0].groups[0].members.len(), 2);
    }

    #[test]
    fn site_reports_unknown_nested_keys() {
        let site = Site {
            schema_version: SchemaVersion::default(),
            title: "C".into(),
            tagline: "t".into(),
            description: "d".into(),
            url: "https://convergencemag.com".into(),
            navigation: vec![Link {
                label: "About".into(),
                url: "/about".into(),
            }],
            secondary_navigation: vec![],
            footer_text: "f".into(),
            fiscal_sponsor: "s".into(),
            contact: Contact {
                email: "e@example.org".into(),
                label: "eds".into(),
            },
            subscribe: SubscribeConfig {
                pitch: "p".into(),
                lists: vec![],
                consent: crate::types::Consent {
                    text: "c".into(),
                    requirement: crate::types::ConsentRequirement::Required,
                },
                provider: crate::types::Provider::GenericJson {
                    endpoint: "http://127.0.0.1/x".into(),
                },
            },
            support: Link {
                label: "Donate".into(),
                url: "/subscribe#support".into(),
            },
            republication: Republication {
                summary: "s".into(),
                page: Slug::parse("about").unwrap(),
            },
            social: vec![],
            default_image: Some(crate::types::Image {
                src: "images/x.jpg".into(),
                alt: "The masthead".into(),
                caption: None,
                credit: None,
                width: 1200,
                height: 630,
                srcset: vec![],
            }),
        };
        let mut value = toml::Value::try_from(&site).unwrap();
        value.as_table_mut().unwrap().remove("schema_version");
        let text = toml::to_string(&value).unwrap();
        let p = parse_site("site.toml", &text, &catalog());
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        assert_eq!(
            p.value.unwrap().into_site(),
            site,
            "site.toml and site.json have drifted"
        );
        let typo = text.replace("email =", "phone = \"1\"\nemail =");
        let p = parse_site("site.toml", &typo, &catalog());
        assert!(
            first(&p.diagnostics).contains("unknown field `contact.phone`"),
            "{:?}",
            p.diagnostics
        );
        assert!(p.diagnostics[0].line > 1);
        let missing = text.replace("images/x.jpg", "images/y.jpg");
        let p = parse_site("site.toml", &missing, &catalog());
        assert!(
            first(&p.diagnostics).contains("image file `images/y.jpg` does not exist"),
            "{:?}",
            p.diagnostics
        );
        let no_alt = text.replace("alt = \"The masthead\"", "alt = \" \"");
        let p = parse_site("site.toml", &no_alt, &catalog());
        assert!(
            first(&p.diagnostics).contains("`default_image` has no alt text"),
            "{:?}",
            p.diagnostics
        );
    }

    #[test]
    fn slugify_makes_slugs() {
        assert_eq!(slugify("Bad Name"), "bad-name");
        assert_eq!(slugify("  Élan -- vital!! "), "lan-vital");
        assert!(Slug::parse(&slugify("???")).is_ok());
    }
}
