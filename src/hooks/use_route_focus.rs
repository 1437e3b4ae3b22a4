//! After an in-app navigation, move focus to the new page's heading and announce it,
//! as a full page load would for screen-reader users. The first load is left alone.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// How long to wait for the new page's heading (content may still be loading).
const MAX_FRAMES: u32 = 600;

/// What the announcer says for a page title (the document title without the site suffix).
pub fn announcement(document_title: &str) -> String {
    let page = document_title
        .split(" — ")
        .next()
        .unwrap_or(document_title)
        .trim();
    if page.is_empty() {
        "Page loaded".to_owned()
    } else {
        format!("{page}, page loaded")
    }
}

fn main_heading() -> Option<web_sys::HtmlElement> {
    let doc = web_sys::window()?.document()?;
    doc.query_selector("main h1")
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// Whether `main` is still showing a loading placeholder.
fn main_is_loading() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main .loading").ok().flatten())
        .is_some()
}

/// Focuses the page heading once the new page has rendered (a fresh heading, or the same
/// route's heading once nothing in `main` is loading), then announces the page.
/// Plain values only cross frames: a navigation may dispose reactive values mid-wait.
fn focus_when_ready(before: Option<web_sys::HtmlElement>, frame: u32, set: WriteSignal<String>) {
    request_animation_frame(move || {
        let now = main_heading();
        let fresh = now.as_ref().is_some_and(|h| before.as_ref() != Some(h));
        let settled = frame >= 1 && now.is_some() && !main_is_loading();
        if fresh && !main_is_loading() || settled || frame >= MAX_FRAMES {
            if let Some(h) = now {
                let _ = h.focus();
            }
            let title = web_sys::window()
                .and_then(|w| w.document())
                .map(|d| d.title())
                .unwrap_or_default();
            // The signal may be gone if the app unmounted meanwhile; then there is no one to tell.
            set.try_set(announcement(&title));
        } else {
            focus_when_ready(before, frame + 1, set);
        }
    });
}

/// Starts watching navigations; returns the text for a polite live region.
pub fn use_route_focus() -> ReadSignal<String> {
    let location = use_location();
    let (message, set_message) = signal(String::new());
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let path = location.pathname.get();
        location.search.track();
        // The first load is the browser's; search updates its own URL as the reader types.
        if first.get_value() || path == "/search" {
            first.set_value(false);
            return;
        }
        focus_when_ready(main_heading(), 0, set_message);
    });
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announcements_name_the_page() {
        assert_eq!(
            announcement("About Convergence — Convergence"),
            "About Convergence, page loaded"
        );
        assert_eq!(announcement("Convergence"), "Convergence, page loaded");
        assert_eq!(announcement(""), "Page loaded");
    }
}
