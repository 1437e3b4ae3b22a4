//! A topic (`/topics/:slug`), newest first, paged with `?page=`.

use crate::api::{self, ContentError};
use crate::components::page_head::PageHead;
use crate::components::{content_error::ContentErrorView, listing::ListingView, loading::Loading};
use crate::pages::not_found::NotFound;
use crate::routes::{parse_page, AppRoute};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
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
    let params = use_params_map();
    let query = use_query_map();
    let listing = LocalResource::new(move || {
        let raw = params.read().get("slug").unwrap_or_default();
        let page = parse_page(query.read().get("page").as_deref());
        async move {
            let slug = Slug::parse(&raw).map_err(|_| ContentError::NotFound { file: raw })?;
            api::topic(slug.clone(), page).await.map(|l| (slug, l))
        }
    });
    view! {
        <Suspense fallback=|| view! { <Loading lines=20/> }>
            {move || Suspend::new(async move {
                match listing.await {
                    Ok((slug, l)) => {
                        let (name, description) = topic_heading(&slug, &l);
                        let meta = PageMeta::page(name.clone(), description.clone(), AppRoute::Topic(slug.clone()).href());
                        view! {
                            <PageHead meta=meta/>
                            <header class="listing-header">
                                <p class="listing-header__kind">"Topic"</p>
                                <h1 tabindex="-1">{name.clone()}</h1>
                                <p class="listing-header__description">{description}</p>
                            </header>
                            <ListingView listing=l base=AppRoute::Topic(slug).href() label=format!("Articles on {name}")/>
                        }
                        .into_any()
                    }
                    Err(e) if e.is_not_found() => view! { <NotFound on_retry=move |_| listing.refetch()/> }.into_any(),
                    Err(e) => view! { <ContentErrorView error=e on_retry=move |_| listing.refetch()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
