//! The checks that look across files: what exists ([`Catalog`]), and whether a link
//! ([`check_link`], through [`AppRoute`]) or an image path ([`check_image_src`]) names it.

use super::files::{classify, slug_of, FileKind};
use super::suggest;
use crate::ids::Slug;
use crate::route::AppRoute;
use std::collections::{BTreeMap, BTreeSet};

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
    /// Years with published articles (`/archive/{year}`); `None` when unknown (not checked).
    pub years: Option<BTreeSet<u16>>,
    /// Image files (`images/…` paths); `None` when unknown (image files are not checked).
    pub images: Option<BTreeSet<String>>,
    /// Show slugs (`shows/{slug}.md`); `None` when unknown (the staff preview), when episodes'
    /// shows and links to show pages are not checked.
    pub shows: Option<BTreeSet<String>>,
    /// Audio files (`audio/…` paths) and their sizes in bytes, so an episode's `length_bytes`
    /// can be checked against the file; `None` when unknown (not checked).
    pub audio: Option<BTreeMap<String, u64>>,
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
            FileKind::Show => self.shows.get_or_insert_with(BTreeSet::new),
            _ => return,
        };
        set.insert(slug.to_owned());
    }
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

/// Checks a link: an internal link (site-relative, or absolute to the site's own origin) must
/// be a [`AppRoute`] whose article, contributor, topic, year or page exists. Returns the
/// message and hint when broken, `None` when fine or external.
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
    // The site's own origin alone, or with only a query or fragment, is its home page.
    let path = if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{path}")
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
    let Some(target) = AppRoute::parse_href(&path) else {
        if path.starts_with("/images/") {
            return Some((
                format!("broken link `{url}`: images are files, not pages of the site"),
                "show it with ![What the image shows](images/name.jpg) instead".to_owned(),
            ));
        }
        return Some((
            format!("broken link `{url}`: the site has no such page"),
            "internal links look like /articles/{slug}, /contributors/{slug}, /topics/{slug}, /podcasts/{slug}, /archive/{year} or /{page}".to_owned(),
        ));
    };
    match target {
        AppRoute::Home { .. }
        | AppRoute::Contributors
        | AppRoute::Topics
        | AppRoute::Archive
        | AppRoute::Search(_)
        | AppRoute::Subscribe
        | AppRoute::Podcasts
        | AppRoute::Saved => None,
        AppRoute::Show { slug, .. } => {
            let shows = catalog.shows.as_ref()?;
            missing("show", slug.as_str(), shows, "shows")
        }
        AppRoute::Article(slug) | AppRoute::EmbedArticle(slug) => {
            let slug = slug.as_str();
            if from_draft && catalog.drafts.contains(slug) {
                return None;
            }
            if catalog.partial {
                return None;
            }
            if catalog.drafts.contains(slug) && !catalog.articles.contains(slug) {
                return Some((
                    format!("broken link `{url}`: `{slug}` is still a draft"),
                    "publish the draft first, or remove the link".to_owned(),
                ));
            }
            missing("article", slug, &catalog.articles, "articles")
        }
        AppRoute::Contributor { slug, .. } => missing(
            "contributor",
            slug.as_str(),
            &catalog.contributors,
            "contributors",
        ),
        AppRoute::Topic { slug, .. } => {
            let topics = catalog.topics.as_ref()?;
            if topics.contains(slug.as_str()) {
                return None;
            }
            let mut hint = format!("topics.toml has no topic `{slug}`");
            if let Some(s) = suggest(slug.as_str(), topics.iter().map(String::as_str)) {
                hint.push_str(&format!("; did you mean `{s}`?"));
            }
            Some((format!("broken link `{url}`: no topic `{slug}`"), hint))
        }
        AppRoute::ArchiveYear { year, .. } => {
            let years = catalog.years.as_ref()?;
            if years.contains(&year) {
                return None;
            }
            let list: Vec<String> = years.iter().map(u16::to_string).collect();
            Some((
                format!("broken link `{url}`: no articles were published in {year}"),
                format!("the archive has {}", list.join(", ")),
            ))
        }
        AppRoute::Page(_) if catalog.partial => None,
        AppRoute::Page(slug) => missing("page", slug.as_str(), &catalog.pages, "pages"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::fixtures::catalog;

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
    fn links() {
        let c = catalog();
        for ok in [
            "/",
            "/about",
            "/articles/a",
            "/articles/b#x",
            "https://convergencemag.com/contributors/maurice-mitchell/",
            "/topics/strategy",
            "/topics/strategy?page=2",
            "/topics",
            "/archive",
            "/archive/2012",
            "/archive/2023/",
            "/contributors",
            "/contributors/maurice-mitchell?page=2",
            "/embed/articles/a",
            "/search?q=power",
            "/subscribe#support",
            "/podcasts",
            "/podcasts/black-work-talk?page=2",
            "https://convergencemag.com",
            "https://convergencemag.com?utm=x",
            "https://example.org/x",
            "https://convergencemag.community/nope",
            "mailto:x@y",
            "#top",
            "images/x.jpg",
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
            "/images/x.jpg",
            "/articles",
            "/archive/1999",
            "/archive/12",
            "/embed/articles/nope",
            "/podcasts/nope",
            "/preview",
            "/feed.xml",
        ] {
            assert!(check_link(bad, &c, false).is_some(), "{bad}");
        }
        assert_eq!(check_link("/articles/d", &c, true), None);
    }
}
