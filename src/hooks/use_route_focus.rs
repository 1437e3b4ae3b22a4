//! After an in-app navigation, move focus to the new page's heading and announce it,
//! as a full page load would for screen-reader users; on back/forward, restore the scroll
//! position once the page has rendered (the browser's own restoration runs too early for
//! content that loads). The first load is left alone.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
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
    let doc = crate::browser::window()?.document()?;
    doc.query_selector("main h1")
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

thread_local! {
    /// Last scroll position per URL (path and query), for back/forward.
    static POSITIONS: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
    /// Whether the navigation in progress came from the back/forward buttons.
    static POPPED: Cell<bool> = const { Cell::new(false) };
    /// While a navigation renders, the outgoing page may be clamped shorter: don't record that.
    static NAVIGATING: Cell<bool> = const { Cell::new(false) };
}

fn current_key() -> Option<String> {
    let l = crate::browser::window()?.location();
    Some(format!("{}{}", l.pathname().ok()?, l.search().ok()?))
}

/// Records scroll positions and notices back/forward, for the life of the page.
fn install_scroll_memory() {
    let Some(w) = crate::browser::window() else {
        return;
    };
    if let Ok(h) = w.history() {
        let _ = h.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let on_scroll = Closure::<dyn Fn()>::new(|| {
        // While a page renders, a shorter placeholder must not overwrite the memory.
        if NAVIGATING.with(Cell::get) {
            return;
        }
        if let (Some(key), Some(y)) = (
            current_key(),
            crate::browser::window().and_then(|w| w.scroll_y().ok()),
        ) {
            POSITIONS.with(|p| p.borrow_mut().insert(key, y));
        }
    });
    let _ = w.add_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref());
    on_scroll.forget();
    // Capture phase: runs before the router's own popstate handling starts the navigation.
    let on_pop = Closure::<dyn Fn()>::new(|| {
        POPPED.with(|p| p.set(true));
        NAVIGATING.with(|n| n.set(true));
    });
    let _ = w.add_event_listener_with_callback_and_bool(
        "popstate",
        on_pop.as_ref().unchecked_ref(),
        true,
    );
    on_pop.forget();
    // A link click: remember where this page was before the router swaps it out.
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|ev: web_sys::MouseEvent| {
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten());
        let href = link
            .and_then(|a| a.get_attribute("href"))
            .unwrap_or_default();
        // Only links to another in-app page start a navigation worth remembering.
        let in_app = href.starts_with('/')
            && !href.starts_with("//")
            && Some(href.as_str()) != current_key().as_deref();
        if in_app && ev.button() == 0 {
            if let (Some(key), Some(y)) = (
                current_key(),
                crate::browser::window().and_then(|w| w.scroll_y().ok()),
            ) {
                POSITIONS.with(|p| p.borrow_mut().insert(key, y));
            }
            NAVIGATING.with(|n| n.set(true));
        }
    });
    if let Some(doc) = w.document() {
        let _ = doc.add_event_listener_with_callback_and_bool(
            "click",
            on_click.as_ref().unchecked_ref(),
            true,
        );
    }
    on_click.forget();
}

/// Whether `main` is still showing a loading placeholder.
fn main_is_loading() -> bool {
    crate::browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main .loading").ok().flatten())
        .is_some()
}

/// What identifies the page on screen: its heading element, the heading's text, and
/// `main`'s text (a listing's next page keeps its heading but changes its cards).
type Snapshot = (Option<web_sys::HtmlElement>, String, String);

fn snapshot() -> Snapshot {
    let h = main_heading();
    let text = h
        .as_ref()
        .and_then(|h| h.text_content())
        .unwrap_or_default();
    let main = crate::browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main").ok().flatten())
        .and_then(|m| m.text_content())
        .unwrap_or_default();
    (h, text, main)
}

/// Scrolls to `y` once the page is tall enough to get there (content may still be growing).
fn scroll_when_tall_enough(y: f64, frame: u32) {
    request_animation_frame(move || {
        let Some(w) = crate::browser::window() else {
            return;
        };
        let tall = w
            .document()
            .and_then(|d| d.document_element())
            .map(|e| f64::from(e.scroll_height()))
            .unwrap_or(0.0);
        let view = w
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        if tall - view >= y - 1.0 || frame >= MAX_FRAMES {
            w.scroll_to_with_x_and_y(0.0, y);
            NAVIGATING.with(|n| n.set(false));
        } else {
            scroll_when_tall_enough(y, frame + 1);
        }
    });
}

/// Focuses the page heading once the new page has rendered (the router keeps the old page
/// up while the new one loads), restores the scroll position on back/forward, and announces
/// the page. Plain values only cross frames: a navigation may dispose reactive values mid-wait.
fn focus_when_ready(before: Snapshot, frame: u32, set: WriteSignal<String>) {
    request_animation_frame(move || {
        let now = snapshot();
        let changed =
            now.0.is_some() && (now.0 != before.0 || now.1 != before.1 || now.2 != before.2);
        if changed && !main_is_loading() || frame >= MAX_FRAMES {
            let restore = POPPED
                .with(|p| p.replace(false))
                .then(|| {
                    current_key().and_then(|k| POSITIONS.with(|p| p.borrow().get(&k).copied()))
                })
                .flatten();
            if let Some(h) = &now.0 {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(restore.is_some());
                let _ = h.focus_with_options(&options);
            }
            match restore {
                Some(y) => scroll_when_tall_enough(y, 0),
                None => NAVIGATING.with(|n| n.set(false)),
            }
            let title = crate::browser::window()
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
    install_scroll_memory();
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
        focus_when_ready(snapshot(), 0, set_message);
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
