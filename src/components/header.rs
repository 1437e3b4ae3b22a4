//! The site header on every page: skip link, brand (the name), tagline and primary navigation.

use crate::components::text_size::TextSizeControl;
use crate::components::theme_toggle::ThemeToggle;
use crate::hooks::use_site::use_site;
use crate::routes::AppRoute;
use leptos::prelude::*;
use leptos_router::components::A;
use model::{Link, Slug};

/// The navigation readers get when `site.json` cannot be loaded (the app's own routes).
pub fn default_navigation() -> Vec<Link> {
    let about = Slug::parse("about").ok().map(AppRoute::Page);
    [
        ("Home", Some(AppRoute::Home { page: 1 })),
        ("Contributors", Some(AppRoute::Contributors)),
        ("About", about),
        ("Subscribe", Some(AppRoute::Subscribe)),
    ]
    .into_iter()
    .filter_map(|(label, route)| {
        Some(Link {
            label: label.into(),
            url: route?.href(),
        })
    })
    .collect()
}

/// Whether a nav link is current only on an exact match (the home link) or on any sub-path.
pub fn exact_match(url: &str) -> bool {
    url == AppRoute::Home { page: 1 }.href()
}

/// Moves focus to `<main>` ourselves: the router handles in-page links, and browsers differ
/// on whether following a fragment link moves focus at all.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        ev.prevent_default();
        let _ = main.focus();
        main.scroll_into_view();
    }
}

/// Skip link, the brand "Convergence" with its tagline, and the primary navigation.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let tagline = move || site.get().and_then(|r| r.ok()).map(|s| s.tagline);
    let nav = move || {
        let links = match site.get() {
            Some(Ok(s)) => s.navigation,
            // While site.json loads, the app's own routes hold the space, so nothing shifts.
            Some(Err(_)) | None => default_navigation(),
        };
        links
            .into_iter()
            // A nav link with a script or data URL (a compromised bucket) is left out.
            .filter_map(|l| {
                let href = model::url::safe_url(&l.url)?.to_owned();
                let exact = exact_match(&href);
                Some(view! { <li><A href=href exact=exact>{l.label}</A></li> })
            })
            .collect_view()
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
        <header class="site-header">
            <div class="site-header__inner">
                <div class="brand">
                    <A href="/" attr:class="brand__name">"Convergence"</A>
                    <p class="brand__tagline">{tagline}</p>
                </div>
                <nav class="site-nav" aria-label="Primary">
                    <ul>{nav}</ul>
                </nav>
                <div class="reader-controls">
                    <TextSizeControl/>
                    <ThemeToggle/>
                </div>
            </div>
        </header>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_nav_is_the_app_routes() {
        let labels: Vec<_> = default_navigation().into_iter().map(|l| l.label).collect();
        assert_eq!(labels, ["Home", "Contributors", "About", "Subscribe"]);
        for link in default_navigation() {
            assert!(AppRoute::parse_href(&link.url).is_some(), "{}", link.url);
        }
        assert!(exact_match("/"));
        assert!(!exact_match("/contributors"));
    }
}
