//! Home (`/`): the lead article, then the latest as cards, with "Older articles" paging.

use crate::api;
use crate::components::social_meta::SocialMeta;
use crate::components::{
    card::ArticleCard, content_error::ContentErrorView, listing::Pager, loading::Loading,
};
use crate::routes::{parse_page, AppRoute};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use model::{ArticleSummary, Listing};

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

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let query = use_query_map();
    let page_no = move || parse_page(query.read().get("page").as_deref());
    let listing = LocalResource::new(move || api::latest(page_no()));
    view! {
        <Title text="A magazine for radical insights"/>
        <SocialMeta path="/" title="Convergence" description="Convergence is a magazine for radical insights: articles, videos and podcasts from organizers and activists on the frontlines."/>
        <Meta name="description" content="Convergence is a magazine for radical insights: articles, videos and podcasts from organizers and activists on the frontlines."/>
        <h1 class="visually-hidden" tabindex="-1">"Convergence: latest articles"</h1>
        <Suspense fallback=|| view! { <Loading lines=20/> }>
            {move || Suspend::new(async move {
                match listing.await {
                    Ok(l) => {
                        let pagination = l.pagination;
                        let (lead, rest) = split_lead(l);
                        let cards = lead
                            .map(|a| view! { <ArticleCard article=a lead=true/> })
                            .into_iter()
                            .chain(rest.into_iter().map(|a| view! { <ArticleCard article=a/> }))
                            .collect_view();
                        view! {
                            <section class="listing" aria-label="Latest articles">{cards}</section>
                            <Pager pagination=pagination base=AppRoute::Home { page: 1 }.href()/>
                        }
                        .into_any()
                    }
                    Err(e) => view! { <ContentErrorView error=e on_retry=move |_| listing.refetch()/> }.into_any(),
                }
            })}
        </Suspense>
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
