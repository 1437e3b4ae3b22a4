//! The app shell and the one route table.

use crate::components::{footer::SiteFooter, header::SiteHeader, route_announcer::RouteAnnouncer};
use crate::hooks::use_site::provide_site;
use crate::hooks::use_text_size::provide_text_size;
use crate::pages::embed::EmbedRedirect;
use crate::pages::{archive::ArchivePage, search::SearchPage, topic::TopicPage};
use crate::pages::{
    article::ArticlePage, home::HomePage, not_found::NotFound, static_page::StaticPage,
};
use crate::pages::{contributor::ContributorPage, contributors::ContributorsPage};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole site: header, the routed page, footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_site();
    provide_text_size();
    view! {
        <Title formatter=|page: String| {
            if page.is_empty() { "Convergence".to_owned() } else { format!("{page} — Convergence") }
        }/>
        <Router>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <ErrorBoundary fallback=|errors| view! {
                    <div class="content-error" role="alert">
                        <p>"Something went wrong while showing this page."</p>
                        <ul>
                            {move || errors.get().into_iter().map(|(_, e)| view! { <li>{e.to_string()}</li> }).collect_view()}
                        </ul>
                        <button type="button" class="button" on:click=|_| reload()>"Reload the page"</button>
                    </div>
                }>
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=HomePage/>
                        <Route path=path!("/articles/:slug") view=ArticlePage/>
                        <Route path=path!("/embed/articles/:slug") view=EmbedRedirect/>
                        <Route path=path!("/contributors") view=ContributorsPage/>
                        <Route path=path!("/contributors/:slug") view=ContributorPage/>
                        <Route path=path!("/topics/:slug") view=TopicPage/>
                        <Route path=path!("/archive/:year") view=ArchivePage/>
                        <Route path=path!("/search") view=SearchPage/>
                        <Route path=path!("/subscribe") view=crate::pages::subscribe::SubscribePage/>
                        <Route path=path!("/preview") view=crate::pages::preview_redirect::PreviewRedirect/>
                        // Static pages live at the top level; unknown slugs fall back to the 404 page.
                        <Route path=path!("/:slug") view=StaticPage/>
                    </Routes>
                </ErrorBoundary>
            </main>
            <SiteFooter/>
            <RouteAnnouncer/>
        </Router>
    }
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
