//! `/preview/?draft=slug`: a draft from the bucket, as its article page.

use super::PreviewBanner;
use crate::api;
use crate::components::{content_error::ContentErrorView, loading::Loading};
use crate::pages::article::ArticleView;
use leptos::prelude::*;
use leptos_meta::Title;
use model::Slug;

/// `/preview/?draft=slug`: the bucket's `drafts/{slug}.json` through the article page.
#[component]
pub fn DraftPage(slug: Slug) -> impl IntoView {
    let for_load = slug.clone();
    let draft = LocalResource::new(move || api::draft(for_load.clone()));
    let sizes_href = format!("/preview/?draft={slug}&layout=sizes");
    let missing = format!(
        "The bucket has no drafts/{slug}.json. Drafts are written only by `press build --drafts`, \
         from content/drafts/{slug}.md."
    );
    view! {
        <PreviewBanner sizes_href=sizes_href/>
        <Suspense fallback=|| view! { <Loading lines=30/> }>
            {move || {
                let missing = missing.clone();
                Suspend::new(async move {
                    match draft.await {
                        Ok(a) => view! { <ArticleView article=a/> }.into_any(),
                        Err(e) if e.is_not_found() => view! {
                            <section class="page">
                                <Title text="No such draft"/>
                                <h1 tabindex="-1">"No such draft"</h1>
                                <p>{missing}</p>
                            </section>
                        }
                        .into_any(),
                        Err(e) => view! { <ContentErrorView error=e on_retry=move |_| draft.refetch()/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
