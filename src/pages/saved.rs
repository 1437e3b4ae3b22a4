//! `/saved`: the articles this reader saved for offline reading, which works offline too.

use crate::components::page_head::PageHead;
use crate::components::saved_list::SavedArticles;
use crate::routes::AppRoute;
use leptos::prelude::*;
use model::head::PageMeta;

/// The page's meta description.
pub const DESCRIPTION: &str = "Convergence articles saved on this device for reading offline.";

/// The saved articles page.
#[component]
pub fn SavedPage() -> impl IntoView {
    view! {
        <PageHead meta=PageMeta::page("Saved articles", DESCRIPTION, AppRoute::Saved.href())/>
        <article class="page saved-page">
            <h1 tabindex="-1">"Saved articles"</h1>
            <p>"Articles you save with “Save for offline” stay on this device, so you can read them on the train, in a tunnel or anywhere without a connection."</p>
            <SavedArticles/>
        </article>
    }
}
