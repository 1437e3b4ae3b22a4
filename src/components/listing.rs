//! The one card list with its pager, used by every listing on the site.

use crate::components::card::ArticleCard;
use crate::routes::page_href;
use leptos::prelude::*;
use leptos_router::components::A;
use model::{ArticleSummary, Listing, Pagination};

/// Links to newer and older pages of a listing.
#[component]
pub fn Pager(pagination: Pagination, #[prop(into)] base: String) -> impl IntoView {
    let href = move |p: u32| page_href(&base, p);
    (pagination.pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label="More articles">
                {pagination.prev.map(|p| view! { <A href=href(p) attr:rel="prev">"Newer articles"</A> })}
                <span class="pager__where">{format!("Page {} of {}", pagination.page, pagination.pages)}</span>
                {pagination.next.map(|p| view! { <A href=href(p) attr:rel="next">"Older articles"</A> })}
            </nav>
        }
    })
}

/// Every card list on the site (home, topics, archive years, a contributor's articles, "More
/// from Convergence"): the cards in the one grid, then the pager when the list is paged.
#[component]
pub fn ListingView(
    /// The articles, in order.
    articles: Vec<ArticleSummary>,
    /// The list's pagination and the path its pages hang off, when it is paged.
    #[prop(optional)]
    pager: Option<(Pagination, String)>,
    /// Whether the first card leads, wider and larger (the home page).
    #[prop(optional)]
    lead: bool,
) -> impl IntoView {
    let cards = articles
        .into_iter()
        .enumerate()
        .map(|(i, a)| view! { <ArticleCard article=a lead=lead && i == 0/> })
        .collect_view();
    view! {
        <div class="listing">{cards}</div>
        {pager.map(|(pagination, base)| view! { <Pager pagination=pagination base=base/> })}
    }
}

/// One page of a topic's or a year's listing: its cards under a heading only screen readers
/// need (the page's h1 already says what this is), and the pager; says so when it is empty.
#[component]
pub fn LabelledListing(
    /// The loaded page of the listing.
    listing: Listing,
    /// The path its pages hang off.
    #[prop(into)]
    base: String,
    /// What the list is, for the hidden heading.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let empty = listing.articles.is_empty();
    view! {
        {empty.then(|| view! { <p class="listing__empty">"No articles here yet."</p> })}
        // The hidden h2 keeps the cards' h3 titles from skipping a level (axe heading-order).
        <section aria-labelledby="listing-heading">
            <h2 id="listing-heading" class="visually-hidden">{label}</h2>
            <ListingView articles=listing.articles pager=(listing.pagination, base)/>
        </section>
    }
}
