//! The 404 page: unknown routes, unknown slugs.

use crate::components::page_head::PageHead;
use crate::routes::AppRoute;
use leptos::prelude::*;
use leptos_router::components::A;
use model::head::PageMeta;

/// "Page not found", with ways back into the magazine. `on_retry` is given when the page
/// exists as a route but its bucket file was missing (a link from the site to content still
/// being uploaded): the reader can ask again in place instead of reloading.
#[component]
pub fn NotFound(#[prop(optional, into)] on_retry: Option<Callback<()>>) -> impl IntoView {
    let retry = on_retry.map(|on_retry| {
        view! {
            <p>
                "If a link on this site brought you here, the page may still be on its way. "
                <button type="button" class="button" on:click=move |_| on_retry.run(())>"Try again"</button>
            </p>
        }
    });
    view! {
        <PageHead meta=PageMeta::not_found()/>
        <section class="page not-found">
            <h1 tabindex="-1">"Page not found"</h1>
            <p>"We couldn’t find that page. It may have moved, or the link may be mistyped."</p>
            {retry}
            <ul>
                <li><A href=AppRoute::Home { page: 1 }.href()>"Read the latest articles"</A></li>
                <li><A href=AppRoute::Topics.href()>"Browse by topic"</A></li>
                <li><A href=AppRoute::Archive.href()>"Browse the archive by year"</A></li>
                <li><A href=AppRoute::Contributors.href()>"Browse our contributors"</A></li>
                <li><A href=AppRoute::Search(String::new()).href()>"Search the archive"</A></li>
            </ul>
        </section>
    }
}
