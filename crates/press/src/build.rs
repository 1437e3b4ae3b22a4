//! Writing the bucket (docs/bucket.md) from checked content.

use crate::load::{self, Checked, Content};
use crate::search::{self, DocInput};
use crate::xml::{self, SitemapUrl};
use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use model::markdown;
use model::route::AppRoute;
use model::source::ArticleSource;
use model::Date;
use model::{
    paths, ArchiveYears, Article, ArticleSummary, AuthorRef, Contributor, Image, Listing,
    ListingScope, Masthead, MastheadEntry, MastheadGroup, MastheadSection, OEmbed, Page,
    Pagination, SchemaVersion, SearchDoc, SectionKind, Site, Slug, TopicRef, Topics, YearCount,
    PAGE_SIZE,
};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Characters of plain text in an excerpt (cards, meta descriptions).
pub const EXCERPT_CHARS: usize = model::source::EXCERPT_CHARS;
/// Characters of excerpt in a search result.
pub const SEARCH_EXCERPT_CHARS: usize = 100;
/// How many related articles an article lists.
pub const RELATED: usize = 3;
/// The oEmbed iframe's suggested size.
pub const EMBED_SIZE: (u32, u32) = (600, 400);

/// How to build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Also write `drafts/{slug}.json`.
    pub drafts: bool,
    /// Where the bucket is served, for the feed's self link and the sitemap index
    /// (default `{site.url}/content`).
    pub bucket_url: Option<String>,
    /// Show a progress bar (only ever drawn when stderr is a terminal).
    pub progress: bool,
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// The check's outcome (diagnostics, warnings included).
    pub checked: Checked,
    /// Whether the bucket was written (false when the content had errors).
    pub written: bool,
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Published articles.
    pub articles: usize,
    /// Time taken, reading included.
    pub elapsed: Duration,
}

/// Reads and checks `content_dir`, then (only if there are no errors) writes the
/// bucket to `out` atomically: into `out.tmp-<pid>` first, then renamed over `out`.
pub fn build(content_dir: &Path, out: &Path, opts: &BuildOptions) -> Result<BuildReport> {
    let start = Instant::now();
    let files = load::read_content(content_dir)
        .with_context(|| format!("reading {}", content_dir.display()))?;
    let mut checked = load::check(&files, opts.drafts);
    drop(files);
    let Some(content) = checked.content.take() else {
        return Ok(BuildReport {
            checked,
            written: false,
            files: 0,
            bytes: 0,
            articles: 0,
            elapsed: start.elapsed(),
        });
    };
    let articles = content.articles.len();
    let writer = write_atomically(out, |tmp| write_bucket(&content, content_dir, tmp, opts))?;
    Ok(BuildReport {
        checked,
        written: true,
        files: writer.0,
        bytes: writer.1,
        articles,
        elapsed: start.elapsed(),
    })
}

/// Runs `fill` on a fresh sibling temp folder, then swaps it in for `out`. The old
/// `out` is renamed aside first and removed last, so a failure at any point leaves
/// either the old bucket or the new one in place, never half of one.
pub fn write_atomically<T>(out: &Path, fill: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
    let name = out
        .file_name()
        .with_context(|| format!("{} has no folder name", out.display()))?
        .to_string_lossy()
        .into_owned();
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
    let pid = std::process::id();
    let tmp = parent.join(format!("{name}.tmp-{pid}"));
    let aside = parent.join(format!("{name}.old-{pid}"));
    if tmp.exists() {
        fs::remove_dir_all(&tmp).with_context(|| format!("removing {}", tmp.display()))?;
    }
    fs::create_dir(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    let value = match fill(&tmp) {
        Ok(v) => v,
        Err(e) => {
            let _ = fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    let had_old = out.exists();
    if had_old {
        if !out.is_dir() {
            let _ = fs::remove_dir_all(&tmp);
            bail!("{} exists and is not a folder", out.display());
        }
        fs::rename(out, &aside)
            .with_context(|| format!("moving the old {} aside", out.display()))?;
    }
    if let Err(e) = fs::rename(&tmp, out) {
        if had_old {
            let _ = fs::rename(&aside, out);
        }
        let _ = fs::remove_dir_all(&tmp);
        return Err(e).with_context(|| format!("moving the new bucket into {}", out.display()));
    }
    if had_old {
        fs::remove_dir_all(&aside)
            .with_context(|| format!("removing the old bucket {}", aside.display()))?;
    }
    Ok(value)
}

/// Writes files under a root, counting them.
struct Out {
    root: PathBuf,
    files: AtomicUsize,
    bytes: AtomicU64,
}

impl Out {
    fn bytes(&self, rel: &str, data: &[u8]) -> Result<()> {
        let path = self.root.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        fs::write(&path, data).with_context(|| format!("writing {}", path.display()))?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(data.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    fn json<T: Serialize>(&self, rel: &str, value: &T) -> Result<()> {
        let data = serde_json::to_vec(value).with_context(|| format!("serializing {rel}"))?;
        self.bytes(rel, &data)
    }
}

/// An article with everything derived from its body.
struct Prepared {
    article: Article,
    summary: ArticleSummary,
    featured: bool,
    body_text: String,
}

/// Names for slugs: contributors and topics.
struct Names<'a> {
    contributors: HashMap<&'a str, &'a model::source::ContributorSource>,
    topics: HashMap<&'a str, &'a model::Topic>,
}

impl Names<'_> {
    fn author(&self, slug: &Slug) -> AuthorRef {
        AuthorRef {
            slug: slug.clone(),
            name: self
                .contributors
                .get(slug.as_str())
                .map_or_else(|| slug.to_string(), |c| c.name.clone()),
        }
    }

    fn topic(&self, slug: &Slug) -> TopicRef {
        TopicRef {
            slug: slug.clone(),
            name: self
                .topics
                .get(slug.as_str())
                .map_or_else(|| slug.to_string(), |t| t.name.clone()),
        }
    }
}

fn prepare(a: &ArticleSource, site: &Site, names: &Names) -> Prepared {
    let body_text = markdown::plain_text(&a.body);
    // One conversion for press and the staff preview, so a preview shows what gets published.
    let article = a.to_article(&site.url, |s| names.author(s), |s| names.topic(s));
    let reading_time = article.reading_time;
    let (authors, topics) = (article.authors.clone(), article.topics.clone());
    let summary = ArticleSummary {
        slug: a.slug.clone(),
        title: a.title.clone(),
        dek: a.dek.clone(),
        kind: a.kind,
        published_at: a.published,
        authors,
        topics,
        // Cards show neither captions nor credits.
        feature_image: a.image.clone().map(|i| Image {
            caption: None,
            credit: None,
            ..i
        }),
        reading_time,
    };
    Prepared {
        article,
        summary,
        featured: a.featured,
        body_text,
    }
}

/// Newest first; ties broken by slug so builds are reproducible.
fn newest_first(a: &ArticleSource, b: &ArticleSource) -> std::cmp::Ordering {
    b.published
        .cmp(&a.published)
        .then_with(|| a.slug.cmp(&b.slug))
}

/// Up to [`RELATED`] articles sharing a topic with `topics` (newest first), else the latest.
/// `order` indexes are newest first; `by_topic` lists them per topic.
fn related(
    own: Option<usize>,
    topics: &[Slug],
    by_topic: &HashMap<&str, Vec<usize>>,
    total: usize,
) -> Vec<usize> {
    let mut picked: Vec<usize> = Vec::new();
    for t in topics {
        if let Some(list) = by_topic.get(t.as_str()) {
            picked.extend(
                list.iter()
                    .copied()
                    .filter(|&i| Some(i) != own)
                    .take(RELATED),
            );
        }
    }
    picked.sort_unstable();
    picked.dedup();
    picked.truncate(RELATED);
    let mut i = 0;
    while picked.len() < RELATED && i < total {
        if Some(i) != own && !picked.contains(&i) {
            picked.push(i);
        }
        i += 1;
    }
    picked
}

fn pagination(page: u32, total: usize) -> Pagination {
    let pages = (total.div_ceil(PAGE_SIZE)).max(1) as u32;
    Pagination {
        page,
        limit: PAGE_SIZE as u32,
        pages,
        total: total as u32,
        next: (page < pages).then_some(page + 1),
        prev: (page > 1).then(|| page - 1),
    }
}

/// One listing to write: its scope, its article indexes (newest first) and its path.
struct ListingJob {
    scope: ListingScope,
    items: Vec<usize>,
    path: Box<dyn Fn(u32) -> String + Send + Sync>,
}

fn progress(opts: &BuildOptions, len: u64) -> ProgressBar {
    if !opts.progress || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len} ({elapsed})")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Writes every bucket file for `content` under `root` (an empty folder).
/// Returns how many files and bytes were written.
pub fn write_bucket(
    content: &Content,
    content_dir: &Path,
    root: &Path,
    opts: &BuildOptions,
) -> Result<(usize, u64)> {
    let out = Out {
        root: root.to_owned(),
        files: AtomicUsize::new(0),
        bytes: AtomicU64::new(0),
    };
    let site = content.site.clone().into_site();
    let site_url = site.url.trim_end_matches('/').to_owned();
    let bucket_url = opts
        .bucket_url
        .clone()
        .unwrap_or_else(|| format!("{site_url}/content"))
        .trim_end_matches('/')
        .to_owned();
    let names = Names {
        contributors: content
            .contributors
            .iter()
            .map(|c| (c.slug.as_str(), c))
            .collect(),
        topics: content
            .topics
            .topics
            .iter()
            .map(|t| (t.slug.as_str(), t))
            .collect(),
    };

    // Articles, newest first.
    let mut sources: Vec<&ArticleSource> = content.articles.iter().collect();
    sources.sort_by(|a, b| newest_first(a, b));
    let n = sources.len();
    let bar = progress(opts, 2 * n as u64);
    bar.set_message("reading");
    let mut prepared: Vec<Prepared> = sources
        .par_iter()
        .map(|a| {
            let p = prepare(a, &site, &names);
            bar.inc(1);
            p
        })
        .collect();
    let mut by_topic: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in sources.iter().enumerate() {
        for t in &a.topics {
            by_topic.entry(t.as_str()).or_default().push(i);
        }
    }
    let related_of: Vec<Vec<usize>> = sources
        .par_iter()
        .enumerate()
        .map(|(i, a)| related(Some(i), &a.topics, &by_topic, n))
        .collect();
    let summaries: Vec<ArticleSummary> = prepared.iter().map(|p| p.summary.clone()).collect();
    for (p, rel) in prepared.iter_mut().zip(&related_of) {
        p.article.related = rel.iter().map(|&i| summaries[i].clone()).collect();
    }

    // articles/{slug}.json and oembed/{slug}.json
    bar.set_message("writing");
    prepared.par_iter().try_for_each(|p| -> Result<()> {
        let a = &p.article;
        out.json(&paths::article(&a.slug), a)?;
        out.json(&paths::oembed(&a.slug), &oembed(&site, a))?;
        bar.inc(1);
        Ok(())
    })?;
    bar.finish_and_clear();

    // Listings.
    let featured = prepared
        .iter()
        .find(|p| p.featured)
        .map(|p| p.summary.clone());
    let mut jobs: Vec<ListingJob> = vec![ListingJob {
        scope: ListingScope::Latest,
        items: (0..n).collect(),
        path: Box::new(paths::index_page),
    }];
    for t in &content.topics.topics {
        let slug = t.slug.clone();
        jobs.push(ListingJob {
            scope: ListingScope::Topic {
                topic: names.topic(&t.slug),
                description: t.description.clone(),
            },
            items: by_topic.get(t.slug.as_str()).cloned().unwrap_or_default(),
            path: Box::new(move |page| paths::topic_page(&slug, page)),
        });
    }
    let mut by_year: BTreeMap<u16, Vec<usize>> = BTreeMap::new();
    for (i, a) in sources.iter().enumerate() {
        by_year.entry(a.published.year).or_default().push(i);
    }
    for (&year, items) in &by_year {
        jobs.push(ListingJob {
            scope: ListingScope::Year { year },
            items: items.clone(),
            path: Box::new(move |page| paths::archive_page(year, page)),
        });
    }
    let mut by_author: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in sources.iter().enumerate() {
        for au in &a.authors {
            let list = by_author.entry(au.as_str()).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    for c in &content.contributors {
        let slug = c.slug.clone();
        jobs.push(ListingJob {
            scope: ListingScope::Contributor {
                author: names.author(&c.slug),
            },
            items: by_author.get(c.slug.as_str()).cloned().unwrap_or_default(),
            path: Box::new(move |page| paths::contributor_articles(&slug, page)),
        });
    }
    let pages_to_write: Vec<(usize, u32)> = jobs
        .iter()
        .enumerate()
        .flat_map(|(j, job)| (1..=pagination(1, job.items.len()).pages).map(move |p| (j, p)))
        .collect();
    pages_to_write
        .par_iter()
        .try_for_each(|&(j, page)| -> Result<()> {
            let job = &jobs[j];
            let start = (page as usize - 1) * PAGE_SIZE;
            let end = (start + PAGE_SIZE).min(job.items.len());
            let listing = Listing {
                schema_version: SchemaVersion::default(),
                scope: job.scope.clone(),
                articles: job.items[start..end]
                    .iter()
                    .map(|&i| summaries[i].clone())
                    .collect(),
                pagination: pagination(page, job.items.len()),
                featured: match (&job.scope, page) {
                    (ListingScope::Latest, 1) => featured.clone(),
                    _ => None,
                },
            };
            out.json(&(job.path)(page), &listing)
        })?;

    // site.json, topics.json, archive.json
    out.json(&paths::site(), &site)?;
    out.json(
        &paths::topics(),
        &Topics {
            schema_version: SchemaVersion::default(),
            topics: content
                .topics
                .topics
                .iter()
                .map(|t| model::Topic {
                    article_count: Some(
                        by_topic.get(t.slug.as_str()).map_or(0, |l| l.len() as u32),
                    ),
                    ..t.clone()
                })
                .collect(),
        },
    )?;
    out.json(
        &paths::archive_years(),
        &ArchiveYears {
            schema_version: SchemaVersion::default(),
            years: by_year
                .iter()
                .rev()
                .map(|(&year, items)| YearCount {
                    year,
                    count: items.len() as u32,
                })
                .collect(),
        },
    )?;

    // contributors.json (the masthead) and contributors/{slug}.json
    out.json(&paths::masthead(), &masthead(content, &names))?;
    content
        .contributors
        .par_iter()
        .try_for_each(|c| -> Result<()> {
            let profile = Contributor {
                schema_version: SchemaVersion::default(),
                slug: c.slug.clone(),
                name: c.name.clone(),
                roles: c.roles.clone(),
                affiliation: c.affiliation.clone(),
                bio: c.bio.clone(),
                links: c.links.clone(),
                profile_image: c.photo.clone(),
                article_count: by_author.get(c.slug.as_str()).map_or(0, Vec::len) as u32,
            };
            out.json(&paths::contributor(&c.slug), &profile)
        })?;

    // pages/{slug}.json
    for p in &content.pages {
        out.json(
            &paths::page(&p.slug),
            &Page {
                schema_version: SchemaVersion::default(),
                slug: p.slug.clone(),
                title: p.title.clone(),
                description: p.description.clone(),
                markdown: p.body.clone(),
            },
        )?;
    }

    // search/
    let mut docs: Vec<DocInput> = prepared
        .iter()
        .map(|p| {
            let a = &p.article;
            let authors = a
                .authors
                .iter()
                .map(|x| x.name.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let topics = a
                .topics
                .iter()
                .map(|x| x.name.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            DocInput {
                doc: SearchDoc::Article {
                    slug: a.slug.clone(),
                    title: a.title.clone(),
                    authors: a.authors.clone(),
                    published_at: a.published_at,
                    excerpt: shorten(&a.excerpt, SEARCH_EXCERPT_CHARS),
                },
                fields: vec![
                    (a.title.clone(), search::WEIGHT_TITLE, u32::MAX),
                    (a.dek.clone(), search::WEIGHT_DEK, u32::MAX),
                    (authors, search::WEIGHT_AUTHOR, u32::MAX),
                    (topics, search::WEIGHT_TOPIC, u32::MAX),
                    (p.body_text.clone(), search::WEIGHT_BODY, search::BODY_CAP),
                ],
            }
        })
        .collect();
    let latest: Vec<Article> = prepared
        .iter()
        .take(xml::FEED_ENTRIES)
        .map(|p| p.article.clone())
        .collect();
    drop(prepared);
    docs.extend(content.contributors.iter().map(|c| {
        let summary = contributor_summary(c);
        DocInput {
            doc: SearchDoc::Contributor {
                slug: c.slug.clone(),
                name: c.name.clone(),
                summary: summary.clone(),
            },
            fields: vec![
                (c.name.clone(), search::WEIGHT_TITLE, u32::MAX),
                (summary, search::WEIGHT_DEK, u32::MAX),
                (
                    markdown::plain_text(&c.bio),
                    search::WEIGHT_BODY,
                    search::BODY_CAP,
                ),
            ],
        }
    }));
    let index = search::build_index(docs);
    out.json(&paths::search_manifest(), &index.manifest)?;
    index
        .term_shards
        .par_iter()
        .enumerate()
        .try_for_each(|(i, s)| out.json(&paths::search_terms(i as u32), s))?;
    index
        .doc_shards
        .par_iter()
        .enumerate()
        .try_for_each(|(i, s)| out.json(&paths::search_docs(i as u32), s))?;

    // feed.xml
    let latest_refs: Vec<&Article> = latest.iter().collect();
    out.bytes(
        "feed.xml",
        xml::atom_feed(&site, &bucket_url, &latest_refs).as_bytes(),
    )?;

    // sitemaps
    let newest = sources
        .first()
        .map(|a| a.updated.unwrap_or(a.published).max(a.published));
    let at = |route: AppRoute, lastmod: Option<Date>| SitemapUrl {
        loc: route.absolute(&site_url),
        lastmod,
    };
    let mut urls = vec![
        at(AppRoute::Home { page: 1 }, newest),
        at(AppRoute::Contributors, None),
        at(AppRoute::Topics, None),
        at(AppRoute::Archive, newest),
        at(AppRoute::Subscribe, None),
    ];
    urls.extend(
        content
            .pages
            .iter()
            .map(|p| at(AppRoute::Page(p.slug.clone()), None)),
    );
    urls.extend(
        content
            .topics
            .topics
            .iter()
            .map(|t| at(AppRoute::topic(t.slug.clone()), None)),
    );
    urls.extend(by_year.keys().rev().map(|&y| at(AppRoute::year(y), None)));
    urls.extend(
        content
            .contributors
            .iter()
            .map(|c| at(AppRoute::contributor(c.slug.clone()), None)),
    );
    urls.extend(sources.iter().map(|a| {
        let lastmod = Some(a.updated.unwrap_or(a.published).max(a.published));
        // A canonical URL elsewhere on the site is listed only if the site serves it.
        match &a.canonical_url {
            Some(u) if AppRoute::parse_url(&site_url, u).is_some() => SitemapUrl {
                loc: u.clone(),
                lastmod,
            },
            _ => at(AppRoute::Article(a.slug.clone()), lastmod),
        }
    }));
    for (name, text) in xml::sitemaps(&bucket_url, &urls) {
        out.bytes(&name, text.as_bytes())?;
    }

    // images/
    content
        .images
        .par_iter()
        .try_for_each(|rel| -> Result<()> {
            let from = content_dir.join(rel);
            let to = root.join(rel);
            if let Some(dir) = to.parent() {
                fs::create_dir_all(dir)?;
            }
            let bytes =
                fs::copy(&from, &to).with_context(|| format!("copying {}", from.display()))?;
            out.files.fetch_add(1, Ordering::Relaxed);
            out.bytes.fetch_add(bytes, Ordering::Relaxed);
            Ok(())
        })?;

    // drafts/
    if opts.drafts {
        content.drafts.par_iter().try_for_each(|d| -> Result<()> {
            let mut p = prepare(d, &site, &names);
            p.article.related = related(None, &d.topics, &by_topic, n)
                .iter()
                .map(|&i| summaries[i].clone())
                .collect();
            out.json(&paths::draft(&d.slug), &p.article)
        })?;
    }

    Ok((
        out.files.load(Ordering::Relaxed),
        out.bytes.load(Ordering::Relaxed),
    ))
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

fn contributor_summary(c: &model::source::ContributorSource) -> String {
    let mut parts: Vec<&str> = c.roles.iter().map(String::as_str).collect();
    if let Some(a) = &c.affiliation {
        parts.push(a);
    }
    parts.join("; ")
}

fn oembed(site: &Site, a: &Article) -> OEmbed {
    let url = site.url.trim_end_matches('/');
    let (width, height) = EMBED_SIZE;
    let src = model::embed::embed_url(url, &a.slug, model::embed::Variant::Card);
    let html = model::embed::iframe_snippet(
        &src,
        &format!("{} — {}", a.title, site.title),
        width,
        height,
    );
    OEmbed {
        schema_version: SchemaVersion::default(),
        version: "1.0".into(),
        kind: "rich".into(),
        title: a.title.clone(),
        author_name: model::text::byline(&a.authors),
        author_url: a.authors.first().map_or_else(
            || url.to_owned(),
            |au| AppRoute::contributor(au.slug.clone()).absolute(url),
        ),
        provider_name: site.title.clone(),
        provider_url: url.to_owned(),
        html,
        width,
        height,
    }
}

fn masthead(content: &Content, names: &Names) -> Masthead {
    let mut listed: BTreeSet<&str> = BTreeSet::new();
    let mut sections: Vec<MastheadSection> = content
        .masthead
        .sections
        .iter()
        .map(|s| MastheadSection {
            heading: s.heading.clone(),
            kind: s.kind,
            groups: s
                .groups
                .iter()
                .map(|g| MastheadGroup {
                    title: g.title.clone(),
                    members: g
                        .members
                        .iter()
                        .map(|m| {
                            listed.insert(m.slug.as_str());
                            let c = names.contributors.get(m.slug.as_str());
                            MastheadEntry {
                                slug: m.slug.clone(),
                                name: c.map_or_else(|| m.slug.to_string(), |c| c.name.clone()),
                                role: m.role.clone(),
                                affiliation: m
                                    .affiliation
                                    .clone()
                                    .or_else(|| c.and_then(|c| c.affiliation.clone())),
                            }
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let mut others: Vec<&model::source::ContributorSource> = content
        .contributors
        .iter()
        .filter(|c| !listed.contains(c.slug.as_str()))
        .collect();
    others.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then_with(|| a.slug.cmp(&b.slug))
    });
    if !others.is_empty() {
        sections.push(MastheadSection {
            heading: "Contributors".into(),
            kind: SectionKind::Contributors,
            groups: vec![MastheadGroup {
                title: None,
                members: others
                    .into_iter()
                    .map(|c| MastheadEntry {
                        slug: c.slug.clone(),
                        name: c.name.clone(),
                        role: None,
                        affiliation: c.affiliation.clone(),
                    })
                    .collect(),
            }],
        });
    }
    Masthead {
        schema_version: SchemaVersion::default(),
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_counts_pages() {
        let p = pagination(1, 0);
        assert_eq!((p.pages, p.next, p.prev), (1, None, None));
        let p = pagination(2, 41);
        assert_eq!((p.pages, p.next, p.prev), (3, Some(3), Some(1)));
    }

    #[test]
    fn related_prefers_shared_topics_then_latest() {
        let t = |s: &str| Slug::parse(s).unwrap();
        let by_topic: HashMap<&str, Vec<usize>> =
            [("a", vec![0, 3, 5, 7]), ("b", vec![1, 2])].into();
        assert_eq!(related(Some(3), &[t("a")], &by_topic, 10), [0, 5, 7]);
        assert_eq!(related(Some(2), &[t("b")], &by_topic, 10), [1, 0, 3]);
        assert_eq!(related(None, &[t("b"), t("a")], &by_topic, 10), [0, 1, 2]);
    }
}
