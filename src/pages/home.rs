//! Home (`/`): the lead article, then the latest as cards, with "Older articles" paging.

use crate::api;
use crate::components::listing::ListingView;
use crate::components::loaded::{Loaded, Missing};
use crate::components::page_head::PageHead;
use crate::hooks::use_content::use_content;
use crate::hooks::use_site::use_site;
use crate::routes::{parse_page, AppRoute};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use model::head::PageMeta;
use model::{ArticleSummary, Listing, Site};

/// The article that leads the page (the featured one on page 1, else the newest) and the rest.
pub fn split_lead(listing: Listing) -> (Option<ArticleSummary>, Vec<ArticleSummary>) {
    if listing.pagination.page != 1 {
        return (None, listing.articles);
    }
    let mut rest = listing.articles;
    let lead = match listing.featured {
        Some(f) => {
            rest.retain(|a| a.slug != f.slug);
            Some(f)
        }
        None if !rest.is_empty() => Some(rest.remove(0)),
        None => None,
    };
    (lead, rest)
}

/// The home page's head: the site's own title and description; older pages are their own
/// canonical URLs.
pub fn home_meta(site: &Site, page: u32) -> PageMeta {
    let mut meta = PageMeta::home(site);
    meta.canonical = Some(AppRoute::Home { page }.href());
    meta
}

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let query = use_query_map();
    let page_no = move || parse_page(query.read().get("page").as_deref());
    let listing = use_content(move || api::home_page(page_no()));
    let site = use_site();
    let head = move || {
        let site = site.get()?.ok()?;
        Some(view! { <PageHead meta=home_meta(&site, page_no())/> })
    };
    view! {
        {head}
        <h1 class="visually-hidden" tabindex="-1">"Convergence: latest articles"</h1>
        <Loaded resource=listing lines=20 missing=Missing::Error let:l>
            <Latest listing=l/>
        </Loaded>
    }
}

/// One page of the latest articles: the lead card, the rest, and the pager.
#[component]
fn Latest(listing: Listing) -> impl IntoView {
    let pagination = listing.pagination;
    let (lead, rest) = split_lead(listing);
    let has_lead = lead.is_some();
    let articles: Vec<ArticleSummary> = lead.into_iter().chain(rest).collect();
    view! {
        <section aria-label="Latest articles">
            <ListingView articles=articles lead=has_lead
                pager=(pagination, AppRoute::Home { page: 1 }.href())/>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{ArticleKind, Date, ListingScope, Pagination, ReadingTime, SchemaVersion, Slug};

    fn summary(slug: &str) -> ArticleSummary {
        ArticleSummary {
            slug: Slug::parse(slug).unwrap(),
            title: slug.into(),
            dek: String::new(),
            kind: ArticleKind::Article,
            published_at: Date::parse("2023-01-01").unwrap(),
            authors: vec![],
            topics: vec![],
            feature_image: None,
            reading_time: ReadingTime(1),
        }
    }

    fn listing(page: u32, slugs: &[&str], featured: Option<&str>) -> Listing {
        Listing {
            schema_version: SchemaVersion::default(),
            scope: ListingScope::Latest,
            articles: slugs.iter().map(|s| summary(s)).collect(),
            featured: featured.map(summary),
            pagination: Pagination {
                page,
                limit: 20,
                pages: 2,
                total: 30,
                next: None,
                prev: None,
            },
        }
    }

    fn slugs(v: &[ArticleSummary]) -> Vec<&str> {
        v.iter().map(|a| a.slug.as_str()).collect()
    }

    #[test]
    fn the_head_comes_from_site_config_and_older_pages_are_their_own() {
        let site: Site = serde_json::from_value(serde_json::json!({
            "schema_version": 1,
            "title": "Convergence",
            "tagline": "A magazine for radical insights",
            "description": "Convergence is a magazine for radical insights.",
            "url": "https://convergencemag.com",
            "navigation": [],
            "secondary_navigation": [],
            "footer_text": "",
            "fiscal_sponsor": "",
            "contact": { "email": "editors@example.org", "label": "the editors" },
            "subscribe": {
                "pitch": "",
                "lists": [],
                "consent": { "text": "", "requirement": "optional" },
                "provider": { "kind": "generic_json", "endpoint": "https://example.org/s" }
            },
            "support": { "label": "Donate", "url": "/subscribe#support" },
            "republication": { "summary": "", "page": "republication" }
        }))
        .unwrap();
        let first = home_meta(&site, 1);
        assert_eq!(first.title, "A magazine for radical insights");
        assert_eq!(
            first.description,
            "Convergence is a magazine for radical insights."
        );
        assert_eq!(first.canonical.as_deref(), Some("/"));
        assert_eq!(first.kind, model::head::PageKind::Home);
        assert_eq!(home_meta(&site, 3).canonical.as_deref(), Some("/?page=3"));
    }

    #[test]
    fn featured_leads_and_is_not_repeated() {
        let (lead, rest) = split_lead(listing(1, &["a", "b", "c"], Some("b")));
        assert_eq!(lead.unwrap().slug.as_str(), "b");
        assert_eq!(slugs(&rest), ["a", "c"]);
    }

    #[test]
    fn newest_leads_without_a_featured_article_and_later_pages_have_no_lead() {
        let (lead, rest) = split_lead(listing(1, &["a", "b"], None));
        assert_eq!(lead.unwrap().slug.as_str(), "a");
        assert_eq!(slugs(&rest), ["b"]);
        let (lead, rest) = split_lead(listing(2, &["x", "y"], None));
        assert!(lead.is_none());
        assert_eq!(slugs(&rest), ["x", "y"]);
        assert_eq!(split_lead(listing(1, &[], None)).0, None);
    }
}
