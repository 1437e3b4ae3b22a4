//! Static pages by slug at the top level (`/about`, `/submissions`, …) from `pages/{slug}.json`.

use crate::api::{self, ContentError};
use crate::components::page_head::PageHead;
use crate::components::{content_error::ContentErrorView, loading::Loading, prose::Prose};
use crate::pages::not_found::NotFound;
use crate::routes::AppRoute;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use model::head::PageMeta;
use model::Slug;

/// A static page; unknown slugs show the 404 page.
#[component]
pub fn StaticPage() -> impl IntoView {
    let params = use_params_map();
    let page = LocalResource::new(move || {
        let raw = params.read().get("slug").unwrap_or_default();
        async move {
            match Slug::parse(&raw) {
                Ok(slug) => api::page(slug).await,
                Err(_) => Err(ContentError::NotFound { file: raw }),
            }
        }
    });
    view! {
        <Suspense fallback=|| view! { <Loading lines=12/> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(p) => view! {
                        <PageHead meta=PageMeta::page(p.title.clone(), p.description.clone(), AppRoute::Page(p.slug.clone()).href())/>
                        <article class="page">
                            <h1 tabindex="-1">{p.title}</h1>
                            <Prose markdown=p.markdown/>
                        </article>
                    }
                    .into_any(),
                    Err(e) if e.is_not_found() => view! { <NotFound/> }.into_any(),
                    Err(e) => view! { <ContentErrorView error=e on_retry=move |_| page.refetch()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
