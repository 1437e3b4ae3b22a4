//! `feed.xml` (Atom) and the sitemaps, through the XML helpers in [`crate::xml`].

use super::articles::Prepared;
use super::{Catalog, Out};
use crate::xml::{self, SitemapUrl};
use anyhow::Result;
use model::route::AppRoute;
use model::{Article, Date};

/// The articles the feed lists, copied out of `prepared` (newest first).
pub(super) fn latest(prepared: &[Prepared]) -> Vec<Article> {
    prepared
        .iter()
        .take(xml::FEED_ENTRIES)
        .map(|p| p.article.clone())
        .collect()
}

/// Writes `feed.xml`.
pub(super) fn write_feed(out: &Out, cat: &Catalog, latest: &[Article]) -> Result<()> {
    let latest_refs: Vec<&Article> = latest.iter().collect();
    out.bytes(
        "feed.xml",
        xml::atom_feed(&cat.site, &cat.bucket_url, &latest_refs).as_bytes(),
    )
}

/// Writes the sitemap index and its sitemaps: every reader URL the site serves.
pub(super) fn write_sitemaps(out: &Out, cat: &Catalog) -> Result<()> {
    let content = cat.content;
    let site_url = cat.site_url.as_str();
    let newest = cat
        .sources
        .first()
        .map(|a| a.updated.unwrap_or(a.published).max(a.published));
    let at = |route: AppRoute, lastmod: Option<Date>| SitemapUrl {
        loc: route.absolute(site_url),
        lastmod,
    };
    let mut urls = vec![
        at(AppRoute::Home { page: 1 }, newest),
        at(AppRoute::Contributors, None),
        at(AppRoute::Topics, None),
        at(AppRoute::Archive, newest),
        at(AppRoute::Subscribe, None),
        at(AppRoute::Podcasts, None),
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
    urls.extend(
        cat.by_year
            .keys()
            .rev()
            .map(|&y| at(AppRoute::year(y), None)),
    );
    urls.extend(
        content
            .contributors
            .iter()
            .map(|c| at(AppRoute::contributor(c.slug.clone()), None)),
    );
    urls.extend(content.shows.iter().map(|s| {
        let newest = cat.by_show.get(s.slug.as_str()).and_then(|l| l.first());
        at(
            AppRoute::show(s.slug.clone()),
            newest.map(|&i| cat.sources[i].published),
        )
    }));
    urls.extend(cat.sources.iter().map(|a| {
        let lastmod = Some(a.updated.unwrap_or(a.published).max(a.published));
        // A canonical URL elsewhere on the site is listed only if the site serves it.
        match &a.canonical_url {
            Some(u) if AppRoute::parse_url(site_url, u).is_some() => SitemapUrl {
                loc: u.clone(),
                lastmod,
            },
            _ => at(AppRoute::Article(a.slug.clone()), lastmod),
        }
    }));
    for (name, text) in xml::sitemaps(&cat.bucket_url, &urls) {
        out.bytes(&name, text.as_bytes())?;
    }
    Ok(())
}
