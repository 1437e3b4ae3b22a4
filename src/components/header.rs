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
        ("Podcasts", Some(AppRoute::Podcasts)),
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

/// Where a row that scrolls sideways must scroll so an item spanning `start..end` (in the row's
/// own coordinates) is wholly in view with `pad` to spare; None when it already is.
pub fn reveal_scroll(scroll: i32, width: i32, start: i32, end: i32, pad: i32) -> Option<i32> {
    if start < scroll {
        Some((start - pad).max(0))
    } else if end > scroll + width {
        Some(end + pad - width)
    } else {
        None
    }
}

/// On phones the nav is one line that scrolls sideways: a link reached with Tab is brought
/// wholly into view (browsers leave a partly visible one where it is).
fn reveal_focused(ev: leptos::ev::FocusEvent) {
    use wasm_bindgen::JsCast;
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
    let nav = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
    if let (Some(link), Some(nav)) = (link, nav) {
        let start = link.offset_left();
        let end = start + link.offset_width();
        if let Some(left) = reveal_scroll(nav.scroll_left(), nav.client_width(), start, end, 8) {
            nav.set_scroll_left(left);
        }
    }
}

/// Moves focus to `<main>` ourselves: the router handles in-page links, and browsers differ
/// on whether following a fragment link moves focus at all.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let main = crate::browser::window()
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
                <nav class="site-nav" aria-label="Primary" on:focusin=reveal_focused>
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
        assert_eq!(
            labels,
            ["Home", "Contributors", "Podcasts", "About", "Subscribe"]
        );
        for link in default_navigation() {
            assert!(AppRoute::parse_href(&link.url).is_some(), "{}", link.url);
        }
        assert!(exact_match("/"));
    }

    #[test]
    fn a_focused_link_scrolls_wholly_into_view() {
        // A 200 px row scrolled to 0: an item at 150..260 is cut on the right.
        assert_eq!(reveal_scroll(0, 200, 150, 260, 8), Some(68));
        // Scrolled to 120: an item at 40..100 is off to the left.
        assert_eq!(reveal_scroll(120, 200, 40, 100, 8), Some(32));
        assert_eq!(reveal_scroll(120, 200, 4, 60, 8), Some(0));
        assert_eq!(reveal_scroll(0, 200, 10, 190, 8), None);
        assert!(!exact_match("/contributors"));
    }
}
