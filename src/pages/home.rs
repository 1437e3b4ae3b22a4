//! Home (`/`): the lead article, then the latest as cards, with "Older articles" paging.

use crate::api;
use crate::components::{card::ArticleCard, content_error::ContentErrorView, loading::Loading};
use crate::routes::{parse_page, AppRoute};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use model::Pagination;

/// Links to newer and older listing pages.
#[component]
pub fn Pager(pagination: Pagination, href: fn(u32) -> String) -> impl IntoView {
    view! {
        <nav class="pager" aria-label="More articles">
            {pagination.prev.map(|p| view! { <A href=href(p) attr:rel="prev">"Newer articles"</A> })}
            <span class="pager__where">{format!("Page {} of {}", pagination.page, pagination.pages)}</span>
            {pagination.next.map(|p| view! { <A href=href(p) attr:rel="next">"Older articles"</A> })}
        </nav>
    }
}

fn home_href(page: u32) -> String {
    AppRoute::Home { page }.href()
}

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let query = use_query_map();
    let page_no = move || parse_page(query.read().get("page").as_deref());
    let listing = LocalResource::new(move || api::latest(page_no()));
    view! {
        <Title text="A magazine for radical insights"/>
        <h1 class="visually-hidden" tabindex="-1">"Convergence: latest articles"</h1>
        <Suspense fallback=|| view! { <Loading lines=20/> }>
            {move || Suspend::new(async move {
                match listing.await {
                    Ok(l) => {
                        let first_page = l.pagination.page == 1;
                        let cards = l
                            .articles
                            .into_iter()
                            .enumerate()
                            .map(|(i, a)| view! { <ArticleCard article=a lead=first_page && i == 0/> })
                            .collect_view();
                        view! {
                            <section class="listing" aria-label="Latest articles">{cards}</section>
                            <Pager pagination=l.pagination href=home_href/>
                        }
                        .into_any()
                    }
                    Err(e) => view! { <ContentErrorView error=e on_retry=move |_| listing.refetch()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
