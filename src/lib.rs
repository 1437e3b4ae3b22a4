//! Convergence web: the reader-facing magazine, a Leptos client-side app.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod embed;
pub mod error;
pub mod format;
pub mod hooks;
pub mod media_session;
pub mod offline;
pub mod pages;
pub mod perf;
#[cfg(feature = "prerender")]
pub mod prerender;
pub mod preview;
pub mod routes;
pub mod search;
pub mod subscribe;
pub mod takeover;

/// Mounts the reader app on `<body>`.
pub fn mount() {
    hooks::use_fragment_links::install_fragment_links();
    if takeover::rendered_route().is_some() {
        install_panic_hook();
        takeover::take_over();
    } else {
        mount_component(app::App);
    }
}

/// Mounts an entry's root component on `<body>`, with a panic hook that shows the page's
/// reload message instead of a blank page, and marks the body once mounted (for boot.js).
pub fn mount_component<F, N>(root: F)
where
    F: FnOnce() -> N + 'static,
    N: leptos::prelude::IntoView,
{
    install_panic_hook();
    leptos::mount::mount_to_body(root);
    if let Some(body) = crate::browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.set_attribute("data-app-mounted", "");
    }
    // Nothing was rendered for this page: its dates may take the reader's locale at once.
    crate::format::allow_reader_dates();
}

/// Shows the reload message on a panic (after the browser console's report).
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal_error();
    }));
}

/// Reveals the static "Something went wrong" box from index.html, unless the page is this
/// URL's as the build rendered it (or the not-found page) and the app has not taken it over:
/// that page is still whole and readable.
fn show_fatal_error() {
    let whole = takeover::rendered_route()
        .is_some_and(|r| r.is_empty() || Some(r) == takeover::current_route());
    let untouched = whole
        && crate::browser::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
            .is_some_and(|b| !b.has_attribute("data-app-mounted"));
    if untouched {
        return;
    }
    let doc = crate::browser::window().and_then(|w| w.document());
    if let Some(el) = doc.and_then(|d| d.get_element_by_id("fatal-error")) {
        let _ = el.remove_attribute("hidden");
    }
}
