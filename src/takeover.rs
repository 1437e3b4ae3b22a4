//! Taking over a page the build rendered (`crate::prerender`): the app renders the same
//! route off-screen, and once its view has everything it needs the boot script swaps it in,
//! keeping the reader's scroll position, focus, selection and anything typed. Until then the
//! rendered page is what the reader uses, its links plain links; if the app cannot load the
//! page, it stays as it is.

use crate::browser::{sleep, window};
use crate::hooks::use_content::loads_in_flight;
use wasm_bindgen::{JsCast, JsValue};

/// The `<html>` attribute naming the route the build rendered the page for (`""` on 404.html);
/// boot.js reads it before first paint.
pub const RENDERED_ATTR: &str = "data-rendered-route";
/// The boot script's swap (public/boot.js).
const SWAP: &str = "convergenceTakeOver";
/// How often to look whether the off-screen view is ready, and for how long.
const CHECK_MS: u32 = 40;
const MAX_CHECKS: u32 = 500;

/// What the build rendered this page for, if it did: a site path with its query.
pub fn rendered_route() -> Option<String> {
    window()?
        .document()?
        .document_element()?
        .get_attribute(RENDERED_ATTR)
}

/// The URL's path and query as routes print them (no trailing slash but on `/`).
pub fn current_route() -> Option<String> {
    let location = window()?.location();
    let path = location.pathname().ok()?;
    let search = location.search().ok()?;
    Some(normalise(&path, &search))
}

/// `path` without a trailing slash (but `/`), then the query.
pub fn normalise(path: &str, search: &str) -> String {
    let trimmed = path.trim_end_matches('/');
    let path = if trimmed.is_empty() { "/" } else { trimmed };
    format!("{path}{search}")
}

/// What to do once the off-screen view has settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Swap it in.
    Swap,
    /// Keep the rendered page: it is this URL's page and the app could not load it.
    Keep,
}

/// Whether to swap: always, unless the rendered page is this URL's and the app's view of it
/// shows an error (the reader keeps the readable page instead of a failure).
pub fn outcome(rendered_is_current: bool, app_shows_error: bool) -> Outcome {
    if rendered_is_current && app_shows_error {
        Outcome::Keep
    } else {
        Outcome::Swap
    }
}

/// Mounts the app off-screen and swaps it in for the rendered page once it is ready.
pub fn take_over() {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Some(stage) = doc
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let rendered_is_current = rendered_route() == current_route();
    wasm_bindgen_futures::spawn_local(async move {
        // The page is already drawn: the app's view is built in a task of its own rather than
        // lengthening the one that compiled and started the wasm.
        sleep(0).await;
        let handle = leptos::mount::mount_to(stage.clone(), crate::app::App);
        let mut settled = 0;
        for _ in 0..MAX_CHECKS {
            sleep(CHECK_MS).await;
            // Twice in a row: a load that is about to start has had a turn to start.
            settled = if is_settled(&stage) { settled + 1 } else { 0 };
            if settled == 2 {
                break;
            }
        }
        let shows_error = stage
            // A failed load, or a page that is gone since the build (a subscribe form whose
            // code could not be fetched is not the page's failure: its slot says so itself).
            .query_selector(
                "main .content-error:not(.subscribe-slot .content-error), main .not-found",
            )
            .ok()
            .flatten()
            .is_some();
        if settled < 2 || outcome(rendered_is_current, shows_error) == Outcome::Keep {
            // The rendered page stays; the off-screen app goes.
            drop(handle);
            return;
        }
        // A press in progress on the rendered page (a finger or button down) finishes first:
        // swapping under it would lose the click.
        for _ in 0..MAX_CHECKS {
            match swap(&stage) {
                Swap::Done => {
                    // The app now owns the page for as long as it is open.
                    std::mem::forget(handle);
                    // In a task of its own, after the swap's.
                    sleep(0).await;
                    crate::format::allow_reader_dates();
                    return;
                }
                Swap::Busy => sleep(CHECK_MS).await,
                Swap::Failed => return,
            }
        }
    });
}

/// What the boot script's swap did.
enum Swap {
    /// The app is in.
    Done,
    /// The reader is pressing on the page: try again shortly.
    Busy,
    /// The boot script is missing or threw.
    Failed,
}

/// Whether the off-screen view has loaded everything and shows no placeholder.
fn is_settled(stage: &web_sys::HtmlElement) -> bool {
    loads_in_flight() == 0
        && stage.query_selector("main").ok().flatten().is_some()
        && stage.query_selector(".loading").ok().flatten().is_none()
}

/// Calls the boot script's swap, which answers true once done and false while busy.
fn swap(stage: &web_sys::HtmlElement) -> Swap {
    let Some(w) = window() else {
        return Swap::Failed;
    };
    let Ok(f) = js_sys::Reflect::get(&w, &JsValue::from_str(SWAP)) else {
        return Swap::Failed;
    };
    let Some(f) = f.dyn_ref::<js_sys::Function>() else {
        return Swap::Failed;
    };
    match f.call1(&JsValue::NULL, stage).map(|v| v.as_bool()) {
        Ok(Some(true)) => Swap::Done,
        Ok(Some(false)) => Swap::Busy,
        _ => Swap::Failed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_compare_as_printed() {
        assert_eq!(normalise("/", ""), "/");
        assert_eq!(normalise("/articles/x/", ""), "/articles/x");
        assert_eq!(normalise("/search", "?q=a"), "/search?q=a");
        assert_eq!(normalise("", ""), "/");
    }

    #[test]
    fn an_error_never_replaces_a_readable_page() {
        assert_eq!(outcome(true, true), Outcome::Keep);
        assert_eq!(outcome(true, false), Outcome::Swap);
        // Another route's page (a later listing page, a 404 answer): the app's view wins.
        assert_eq!(outcome(false, true), Outcome::Swap);
        assert_eq!(outcome(false, false), Outcome::Swap);
    }
}
