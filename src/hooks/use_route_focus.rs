//! After an in-app navigation, move focus to the new page's heading and announce it,
//! as a full page load would for screen-reader users. The first load is left alone.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// How long to wait for the new page's heading (content may still be loading).
const MAX_FRAMES: u32 = 600;

/// What the announcer says for a page title (the document title without the site suffix).
pub fn announcement(document_title: &str) -> String {
    let page = document_title.split(" — ").next().unwrap_or(document_title).trim();
    if page.is_empty() {
        "Page loaded".to_owned()
    } else {
        format!("{page}, page loaded")
    }
}

fn main_heading() -> Option<web_sys::HtmlElement> {
    let doc = web_sys::window()?.document()?;
    doc.query_selector("main h1").ok().flatten()?.dyn_into().ok()
}

/// Starts watching navigations; returns the text for a polite live region.
pub fn use_route_focus() -> ReadSignal<String> {
    let location = use_location();
    let (message, set_message) = signal(String::new());
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let path = location.pathname.get();
        let query = location.search.get();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        let before = main_heading();
        // Wait frame by frame for a heading that is not the previous page's, then focus it.
        let frames = StoredValue::new(0u32);
        let _ = (path, query);
        fn wait(before: Option<web_sys::HtmlElement>, frames: StoredValue<u32>, set: WriteSignal<String>) {
            request_animation_frame(move || {
                let now = main_heading();
                let fresh = now.as_ref().is_some_and(|h| before.as_ref() != Some(h));
                if fresh || frames.get_value() >= MAX_FRAMES {
                    if let Some(h) = now {
                        let _ = h.focus();
                    }
                    let title = web_sys::window()
                        .and_then(|w| w.document())
                        .map(|d| d.title())
                        .unwrap_or_default();
                    set.set(announcement(&title));
                } else {
                    frames.update_value(|f| *f += 1);
                    wait(before, frames, set);
                }
            });
        }
        wait(before, frames, set_message);
    });
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announcements_name_the_page() {
        assert_eq!(announcement("About Convergence — Convergence"), "About Convergence, page loaded");
        assert_eq!(announcement("Convergence"), "Convergence, page loaded");
        assert_eq!(announcement(""), "Page loaded");
    }
}
