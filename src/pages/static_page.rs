//! Static pages by slug at the top level (`/about`, `/submissions`, …) from `pages/{slug}.json`.

use crate::api;
use crate::components::loaded::{Loaded, Missing};
use crate::components::page_head::PageHead;
use crate::components::prose::Prose;
use crate::hooks::use_content::use_content;
use crate::hooks::use_slug_param::use_slug_param;
use crate::routes::AppRoute;
use leptos::prelude::*;
use model::head::PageMeta;

/// A static page; unknown slugs show the 404 page.
#[component]
pub fn StaticPage() -> impl IntoView {
    let slug = use_slug_param();
    let page = use_content(move || {
        let slug = slug();
        async move { api::page(slug?).await }
    });
    view! {
        <Loaded resource=page lines=12 missing=Missing::NoSuchPage let:p>
            <PageHead meta=PageMeta::page(p.title.clone(), p.description.clone(), AppRoute::Page(p.slug.clone()).href())/>
            <article class="page">
                <h1 tabindex="-1">{p.title}</h1>
                <Prose markdown=p.markdown/>
            </article>
        </Loaded>
    }
}
