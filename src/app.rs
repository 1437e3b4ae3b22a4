//! The app shell and the one route table.

use crate::components::later::Later;
use crate::components::mini_player::MiniPlayer;
use crate::components::{footer::SiteFooter, header::SiteHeader, route_announcer::RouteAnnouncer};
use crate::hooks::use_player::provide_player;
use crate::hooks::use_prefetch::provide_prefetch;
use crate::hooks::use_site::provide_site;
use crate::hooks::use_text_size::provide_text_size;
use crate::pages::embed::EmbedRedirect;
use crate::pages::split;
use crate::pages::{
    article::ArticlePage, home::HomePage, not_found::NotFound, static_page::StaticPage,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

/// The whole site: header, the routed page, footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_site();
    provide_text_size();
    provide_player();
    provide_prefetch(|slug| crate::api::prefetch_article(&slug));
    view! {
        // The same title a build-time renderer writes from the page's PageMeta.
        <Title formatter=|page: String| model::head::document_title("Convergence", &page)/>
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
                    <FlatRoutes fallback=|| view! { <NotFound/> }>
                        // The patterns of model::route::PATTERNS, in its order (checked below).
                        <Route path=path!("/") view=HomePage/>
                        <Route path=path!("/articles/:slug") view=ArticlePage/>
                        <Route path=path!("/embed/articles/:slug") view=EmbedRedirect/>
                        <Route path=path!("/contributors") view=split::Contributors/>
                        <Route path=path!("/contributors/:slug") view=split::Contributor/>
                        <Route path=path!("/topics") view=split::Topics/>
                        <Route path=path!("/topics/:slug") view=split::Topic/>
                        <Route path=path!("/archive") view=split::ArchiveIndex/>
                        <Route path=path!("/archive/:year") view=split::Archive/>
                        <Route path=path!("/search") view=split::Search/>
                        <Route path=path!("/subscribe") view=split::Subscribe/>
                        <Route path=path!("/saved") view=split::Saved/>
                        <Route path=path!("/podcasts") view=split::Podcasts/>
                        <Route path=path!("/podcasts/:slug") view=split::Show/>
                        // The staff preview's own entry, for hosts that send /preview to the app.
                        <Route path=path!("/preview") view=crate::pages::preview_redirect::PreviewRedirect/>
                        // Static pages live at the top level; unknown slugs fall back to the 404 page.
                        <Route path=path!("/:slug") view=StaticPage/>
                    </FlatRoutes>
                </ErrorBoundary>
            </main>
            <Later>
                <SiteFooter/>
                // Outside the routed page, so an episode keeps playing from page to page.
                <MiniPlayer/>
            </Later>
            <RouteAnnouncer/>
        </Router>
    }
}

fn reload() {
    if let Some(w) = crate::browser::window() {
        let _ = w.location().reload();
    }
}

#[cfg(test)]
mod tests {
    use model::route::{AppRoute, PATTERNS, SHARED_SEGMENTS};
    use model::Slug;

    /// The `path!` patterns of the table above, in order, read from this file's source.
    fn declared() -> Vec<&'static str> {
        let source = include_str!("app.rs");
        let table = source.split("#[cfg(test)]").next().unwrap_or_default();
        table
            .split("path!(\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect()
    }

    /// The first declared pattern a path matches, as the router tries them: `:name` takes one
    /// non-empty segment and one trailing slash is allowed.
    fn first_match(table: &[&'static str], path: &str) -> Option<&'static str> {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let path = path
            .strip_suffix('/')
            .filter(|p| !p.is_empty())
            .unwrap_or(path);
        let segments: Vec<&str> = path.split('/').skip(1).filter(|s| !s.is_empty()).collect();
        table.iter().copied().find(|pattern| {
            let want: Vec<&str> = pattern
                .split('/')
                .skip(1)
                .filter(|s| !s.is_empty())
                .collect();
            want.len() == segments.len()
                && want
                    .iter()
                    .zip(&segments)
                    .all(|(w, s)| w.starts_with(':') || w == s)
        })
    }

    #[test]
    fn the_table_is_the_url_scheme() {
        let table = declared();
        let extra: Vec<&str> = table
            .iter()
            .copied()
            .filter(|p| !PATTERNS.contains(p))
            .collect();
        assert_eq!(extra, ["/preview"]);
        assert!(SHARED_SEGMENTS.contains(&"preview"));
        let readers: Vec<&str> = table
            .iter()
            .copied()
            .filter(|p| PATTERNS.contains(p))
            .collect();
        assert_eq!(readers, PATTERNS);
    }

    #[test]
    fn every_route_reaches_its_own_page() {
        let s = |x: &str| Slug::parse(x).unwrap();
        let routes = [
            AppRoute::Home { page: 2 },
            AppRoute::Article(s("broad-front-panel")),
            AppRoute::EmbedArticle(s("broad-front-panel")),
            AppRoute::Contributors,
            AppRoute::Contributor {
                slug: s("marcy-rein"),
                page: 2,
            },
            AppRoute::Topics,
            AppRoute::topic(s("strategy")),
            AppRoute::Archive,
            AppRoute::year(2012),
            AppRoute::Search("organizing".into()),
            AppRoute::Subscribe,
            AppRoute::Saved,
            AppRoute::Podcasts,
            AppRoute::Show {
                slug: s("black-work-talk"),
                page: 2,
            },
            AppRoute::Page(s("about")),
        ];
        let table = declared();
        for route in &routes {
            let href = route.href();
            assert_eq!(first_match(&table, &href), Some(route.pattern()), "{href}");
            assert_eq!(
                first_match(&table, &format!("{}/", href.split('?').next().unwrap())),
                Some(route.pattern()),
                "{href}/"
            );
        }
        let mut covered: Vec<&str> = routes.iter().map(AppRoute::pattern).collect();
        covered.sort_unstable();
        let mut all = PATTERNS.to_vec();
        all.sort_unstable();
        assert_eq!(covered, all);
        assert_eq!(first_match(&table, "/a/b/c"), None);
    }
}
