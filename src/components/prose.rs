//! Markdown rendered by the model crate (which sanitises it) into the page.

use leptos::prelude::*;

/// A block of Markdown, rendered and sanitised by `model::markdown`.
#[component]
pub fn Prose(#[prop(into)] markdown: String) -> impl IntoView {
    let html = model::markdown::render(&markdown).html;
    view! { <div class="prose" inner_html=html></div> }
}
