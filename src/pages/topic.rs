//! A topic (`/topics/:slug`), newest first, paged with `?page=`.

use crate::api;
use crate::components::page_head::PageHead;
use crate::components::{listing::LabelledListing, loaded::Loaded};
use crate::hooks::use_content::use_content;
use crate::hooks::use_slug_param::use_slug_param;
use crate::routes::{parse_page, AppRoute};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use model::head::PageMeta;
use model::{Listing, ListingScope, Slug};

/// The heading and description a topic listing shows (the slug stands in for a missing name).
pub fn topic_heading(slug: &Slug, listing: &Listing) -> (String, String) {
    match &listing.scope {
        ListingScope::Topic { topic, description } => (topic.name.clone(), description.clone()),
        _ => (slug.to_string(), String::new()),
    }
}

/// The topic page; unknown topics show the 404 page.
#[component]
pub fn TopicPage() -> impl IntoView {
    let slug = use_slug_param();
    let query = use_query_map();
    let listing = use_content(move || {
        let slug = slug();
        let page = parse_page(query.read().get("page").as_deref());
        async move {
            let slug = slug?;
            api::topic(slug.clone(), page).await.map(|l| (slug, l))
        }
    });
    view! {
        <Loaded resource=listing lines=20 let:loaded>
            <TopicView slug=loaded.0 listing=loaded.1/>
        </Loaded>
    }
}

/// One page of a topic once it has loaded.
#[component]
fn TopicView(slug: Slug, listing: Listing) -> impl IntoView {
    let (name, description) = topic_heading(&slug, &listing);
    let meta = PageMeta::page(
        name.clone(),
        description.clone(),
        AppRoute::topic(slug.clone()).href(),
    );
    view! {
        <PageHead meta=meta/>
        <header class="listing-header">
            <p class="listing-header__kind"><A href=AppRoute::Topics.href()>"Topics"</A></p>
            <h1 tabindex="-1">{name.clone()}</h1>
            <p class="listing-header__description">{description}</p>
        </header>
        <LabelledListing listing=listing base=AppRoute::topic(slug).href() label=format!("Articles on {name}")/>
    }
}
