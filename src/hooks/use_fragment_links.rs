//! In-page links (`#section`: the table of contents, heading anchors, footnotes) scroll to
//! their target and move focus there, as they do on a static page. The router would
//! otherwise treat them as navigations and leave the page where it was.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The fragment an in-page link points at, if `href` is one (`#id`, not `#` alone).
pub fn fragment_target(href: &str) -> Option<&str> {
    href.strip_prefix('#').filter(|id| !id.is_empty())
}

fn decode(id: &str) -> String {
    js_sys::decode_uri_component(id)
        .map(String::from)
        .unwrap_or_else(|_| id.to_owned())
}

fn handle(ev: web_sys::MouseEvent) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return;
    }
    let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href^='#']").ok().flatten())
    else {
        return;
    };
    let Some(href) = link.get_attribute("href") else {
        return;
    };
    let Some(id) = fragment_target(&href) else {
        return;
    };
    let Some(doc) = crate::browser::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(target) = doc.get_element_by_id(&decode(id)) else {
        return;
    };
    ev.prevent_default();
    target.scroll_into_view();
    if let Ok(el) = target.clone().dyn_into::<web_sys::HtmlElement>() {
        // Headings are not focusable by default; make this one focusable for the move only.
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
    if let Some(history) = crate::browser::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&href));
    }
}

/// Installs the in-page link handler once, for the life of the page.
pub fn install_fragment_links() {
    let Some(doc) = crate::browser::window().and_then(|w| w.document()) else {
        return;
    };
    let closure = Closure::<dyn Fn(web_sys::MouseEvent)>::new(handle);
    // Capture phase: runs before the router's own click handling, which then sees defaultPrevented.
    let _ = doc.add_event_listener_with_callback_and_bool(
        "click",
        closure.as_ref().unchecked_ref(),
        true,
    );
    closure.forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_fragments() {
        assert_eq!(
            fragment_target("#working-with-the-center"),
            Some("working-with-the-center")
        );
        assert_eq!(fragment_target("#"), None);
        assert_eq!(fragment_target("/about#x"), None);
        assert_eq!(fragment_target("https://x.org/#a"), None);
    }
}
