//! Convergence web: the reader-facing magazine, a Leptos client-side app.

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod embed;
pub mod error;
pub mod format;
pub mod hooks;
pub mod pages;
pub mod perf;
pub mod preview;
pub mod routes;
pub mod search;
pub mod subscribe;

/// Mounts the reader app on `<body>`.
pub fn mount() {
    hooks::use_fragment_links::install_fragment_links();
    mount_component(app::App);
}

/// Mounts an entry's root component on `<body>`, with a panic hook that shows the page's
/// reload message instead of a blank page, and marks the body once mounted (for boot.js).
pub fn mount_component<F, N>(root: F)
where
    F: FnOnce() -> N + 'static,
    N: leptos::prelude::IntoView,
{
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal_error();
    }));
    leptos::mount::mount_to_body(root);
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.set_attribute("data-app-mounted", "");
    }
}

/// Reveals the static "Something went wrong" box from index.html.
fn show_fatal_error() {
    let doc = web_sys::window().and_then(|w| w.document());
    if let Some(el) = doc.and_then(|d| d.get_element_by_id("fatal-error")) {
        let _ = el.remove_attribute("hidden");
    }
}
