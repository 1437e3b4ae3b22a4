//! The 404 page: unknown routes, unknown slugs.

use crate::routes::AppRoute;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

/// "Page not found", with ways back into the magazine.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="Page not found"/>
        <Meta name="robots" content="noindex"/>
        <section class="page not-found">
            <h1 tabindex="-1">"Page not found"</h1>
            <p>"We couldn’t find that page. It may have moved, or the link may be mistyped."</p>
            <ul>
                <li><A href=AppRoute::Home { page: 1 }.href()>"Read the latest articles"</A></li>
                <li><A href=AppRoute::Contributors.href()>"Browse our contributors"</A></li>
                <li><A href=AppRoute::Search(String::new()).href()>"Search the archive"</A></li>
            </ul>
        </section>
    }
}
