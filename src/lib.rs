//! Convergence web: the reader-facing magazine, a Leptos client-side app.

pub mod api;
pub mod app;
pub mod components;
pub mod format;
pub mod hooks;
pub mod pages;
pub mod perf;
pub mod routes;
pub mod search;
pub mod subscribe;

/// Mounts the app on `<body>`, with a panic hook that shows a reload message instead of a blank page.
pub fn mount() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal_error();
    }));
    hooks::use_fragment_links::install_fragment_links();
    leptos::mount::mount_to_body(app::App);
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
