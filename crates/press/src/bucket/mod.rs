//! Writing the bucket (docs/bucket.md) from checked content: one module per kind of
//! bucket file, called in turn by [`write_bucket`].

mod articles;
mod contributors;
mod feeds;
mod images;
mod listings;
mod oembed;
mod pages;
mod podcasts;
mod search;
mod site;

pub use articles::{EXCERPT_CHARS, RELATED};
pub use oembed::EMBED_SIZE;
pub use search::SEARCH_EXCERPT_CHARS;

use crate::build::BuildOptions;
use crate::load::Content;
use anyhow::{Context, Result};
use model::source::{ArticleSource, ContributorSource, ShowSource};
use model::{AuthorRef, ShowRef, Site, Slug, TopicRef};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// Writes every bucket file for `content` under `root` (an empty folder).
/// Returns how many files and bytes were written.
pub fn write_bucket(
    content: &Content,
    content_dir: &Path,
    root: &Path,
    opts: &BuildOptions,
) -> Result<(usize, u64)> {
    let out = Out::new(root);
    let cat = Catalog::new(content, opts);
    let (prepared, summaries) = articles::write(&out, &cat, opts)?;
    oembed::write(&out, &cat, &prepared)?;
    listings::write(&out, &cat, &prepared, &summaries)?;
    site::write(&out, &cat)?;
    contributors::write(&out, &cat)?;
    pages::write(&out, &cat)?;
    podcasts::write(&out, &cat, &summaries, &prepared)?;
    let latest = feeds::latest(&prepared);
    // Copied out first: search takes the prepared articles to free them early.
    search::write(&out, &cat, prepared)?;
    feeds::write_feed(&out, &cat, &latest)?;
    feeds::write_sitemaps(&out, &cat)?;
    images::write(&out, &cat, content_dir)?;
    if opts.drafts {
        articles::write_drafts(&out, &cat, &summaries)?;
    }
    Ok(out.totals())
}

/// Writes files under a root, counting them: the totals are the build's report.
struct Out {
    root: PathBuf,
    files: AtomicUsize,
    bytes: AtomicU64,
}

impl Out {
    fn new(root: &Path) -> Self {
        Out {
            root: root.to_owned(),
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
        }
    }

    fn bytes(&self, rel: &str, data: &[u8]) -> Result<()> {
        let path = self.root.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        fs::write(&path, data).with_context(|| format!("writing {}", path.display()))?;
        self.count(data.len() as u64);
        Ok(())
    }

    fn json<T: Serialize>(&self, rel: &str, value: &T) -> Result<()> {
        let data = serde_json::to_vec(value).with_context(|| format!("serializing {rel}"))?;
        self.bytes(rel, &data)
    }

    /// Copies `from` to `rel` as is (images are never re-encoded).
    fn copy(&self, from: &Path, rel: &str) -> Result<()> {
        let to = self.root.join(rel);
        if let Some(dir) = to.parent() {
            fs::create_dir_all(dir)?;
        }
        let bytes = fs::copy(from, &to).with_context(|| format!("copying {}", from.display()))?;
        self.count(bytes);
        Ok(())
    }

    fn count(&self, bytes: u64) {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    fn totals(&self) -> (usize, u64) {
        (
            self.files.load(Ordering::Relaxed),
            self.bytes.load(Ordering::Relaxed),
        )
    }
}

/// The content as every kind of file reads it: the published articles newest first
/// and their groupings, which several kinds share so they always agree.
struct Catalog<'a> {
    content: &'a Content,
    site: Site,
    /// `site.url` without a trailing slash.
    site_url: String,
    /// Where the bucket is served, without a trailing slash.
    bucket_url: String,
    names: Names<'a>,
    /// Published articles, newest first; every index below points into this.
    sources: Vec<&'a ArticleSource>,
    by_topic: HashMap<&'a str, Vec<usize>>,
    by_year: BTreeMap<u16, Vec<usize>>,
    /// Each author's articles, an article listed once even if the author is named twice.
    by_author: HashMap<&'a str, Vec<usize>>,
    /// Each show's episodes.
    by_show: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Catalog<'a> {
    fn new(content: &'a Content, opts: &BuildOptions) -> Self {
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
            shows: content.shows.iter().map(|s| (s.slug.as_str(), s)).collect(),
        };
        let mut sources: Vec<&ArticleSource> = content.articles.iter().collect();
        sources.sort_by(|a, b| newest_first(a, b));
        let mut by_topic: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, a) in sources.iter().enumerate() {
            for t in &a.topics {
                by_topic.entry(t.as_str()).or_default().push(i);
            }
        }
        let mut by_year: BTreeMap<u16, Vec<usize>> = BTreeMap::new();
        for (i, a) in sources.iter().enumerate() {
            by_year.entry(a.published.year).or_default().push(i);
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
        let mut by_show: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, a) in sources.iter().enumerate() {
            if let Some(e) = &a.episode {
                by_show.entry(e.show.as_str()).or_default().push(i);
            }
        }
        Catalog {
            content,
            site,
            site_url,
            bucket_url,
            names,
            sources,
            by_topic,
            by_year,
            by_author,
            by_show,
        }
    }
}

/// Newest first; ties broken by slug so builds are reproducible.
fn newest_first(a: &ArticleSource, b: &ArticleSource) -> std::cmp::Ordering {
    b.published
        .cmp(&a.published)
        .then_with(|| a.slug.cmp(&b.slug))
}

/// Names for slugs: contributors, topics and shows.
struct Names<'a> {
    contributors: HashMap<&'a str, &'a ContributorSource>,
    topics: HashMap<&'a str, &'a model::Topic>,
    shows: HashMap<&'a str, &'a ShowSource>,
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

    fn show(&self, slug: &Slug) -> ShowRef {
        ShowRef {
            slug: slug.clone(),
            title: self
                .shows
                .get(slug.as_str())
                .map_or_else(|| slug.to_string(), |s| s.title.clone()),
        }
    }

    /// The show's cover art, for its episodes' players.
    fn show_artwork(&self, slug: &Slug) -> Option<model::Image> {
        self.shows.get(slug.as_str()).map(|s| s.artwork.clone())
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
