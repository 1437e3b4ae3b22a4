//! A page of article cards with its pager: topics, archive years and contributors share it.

use crate::components::card::ArticleCard;
use crate::routes::page_href;
use leptos::prelude::*;
use leptos_router::components::A;
use model::{Listing, Pagination};

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

/// The cards of one listing page, then its pager; says so plainly when it is empty.
#[component]
pub fn ListingView(
    listing: Listing,
    #[prop(into)] base: String,
    #[prop(into)] label: String,
) -> impl IntoView {
    let pagination = listing.pagination;
    let empty = listing.articles.is_empty();
    let cards = listing
        .articles
        .into_iter()
        .map(|a| view! { <ArticleCard article=a/> })
        .collect_view();
    view! {
        {empty.then(|| view! { <p class="listing__empty">"No articles here yet."</p> })}
        // A heading (hidden, the page's h1 already says what this is) so the cards' h3
        // titles follow an h2: headings never skip a level (axe heading-order).
        <section class="listing" aria-labelledby="listing-heading">
            <h2 id="listing-heading" class="visually-hidden">{label}</h2>
            {cards}
        </section>
        <Pager pagination=pagination base=base/>
    }
}
