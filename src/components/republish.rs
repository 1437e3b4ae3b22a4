//! "Embed / Republish": a button that opens a native modal `<dialog>` with the embed code
//! for both variants (each with a Copy button and visible confirmation) and the
//! republication policy from site config. Escape closes it; focus returns to the button.

use crate::hooks::use_clipboard::use_clipboard;
use crate::hooks::use_site::use_site;
use crate::routes::AppRoute;
use leptos::prelude::*;
use leptos_router::components::A;
use model::embed::{loader_snippet, Variant};
use model::Slug;
use wasm_bindgen::JsCast;

/// The origin this page is served from (where `/embed.js` lives).
fn page_origin() -> String {
    crate::browser::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

fn dialog(id: &str) -> Option<web_sys::HtmlDialogElement> {
    crate::browser::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

/// The focusable controls inside an element, in order.
fn focusables(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = root.query_selector_all("a[href], button, textarea, input, select") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// One snippet: label, readonly textarea and its Copy button with a confirmation.
#[component]
fn Snippet(
    id: &'static str,
    label: &'static str,
    what: &'static str,
    code: String,
) -> impl IntoView {
    let clipboard = use_clipboard();
    let status = clipboard.status;
    let copy = {
        let code = code.clone();
        move |_| {
            clipboard.copy(
                code.clone(),
                format!("Copied the {what}."),
                "Couldn’t copy automatically: select the code and copy it.".to_owned(),
            )
        }
    };
    view! {
        <div class="republish__snippet">
            <label for=id>{label}</label>
            <textarea id=id readonly rows="5" spellcheck="false">{code}</textarea>
            <button type="button" class="button" on:click=copy>{format!("Copy {what}")}</button>
            <p class="republish__status" role="status" aria-live="polite">{status}</p>
        </div>
    }
}

/// The "Embed / Republish" button and its modal dialog for one article.
#[component]
pub fn RepublishButton(
    slug: Slug,
    #[prop(into)] title: String,
    #[prop(into)] canonical_url: String,
) -> impl IntoView {
    const DIALOG_ID: &str = "republish-dialog";
    let site = use_site();
    let button = NodeRef::<leptos::html::Button>::new();
    let origin = page_origin();
    let card = loader_snippet(&origin, &slug, Variant::Card, &title, &canonical_url);
    let full = loader_snippet(&origin, &slug, Variant::Full, &title, &canonical_url);
    let open = move |_| {
        if let Some(d) = dialog(DIALOG_ID) {
            let _ = d.show_modal();
            if let Some(first) = focusables(&d).into_iter().next() {
                let _ = first.focus();
            }
        }
    };
    let close = move |_| {
        if let Some(d) = dialog(DIALOG_ID) {
            d.close();
        }
    };
    // However it closes (button, Escape), focus goes back to the button that opened it.
    let on_close = move |_| {
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    // Tab and Shift+Tab wrap around inside the dialog.
    let on_keydown = move |e: web_sys::KeyboardEvent| {
        if e.key() != "Tab" {
            return;
        }
        let Some(d) = dialog(DIALOG_ID) else { return };
        let items = focusables(&d);
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            return;
        };
        let active = crate::browser::window()
            .and_then(|w| w.document())
            .and_then(|doc| doc.active_element());
        let at = |el: &web_sys::HtmlElement| active.as_ref() == Some(el.unchecked_ref());
        if e.shift_key() && at(first) {
            e.prevent_default();
            let _ = last.focus();
        } else if !e.shift_key() && at(last) {
            e.prevent_default();
            let _ = first.focus();
        }
    };
    let policy = move || {
        site.get().and_then(|r| r.ok()).map(|s| {
            view! {
                <p>{s.republication.summary}</p>
                <p><A href=AppRoute::Page(s.republication.page).href()>"Read our republication policy"</A></p>
            }
        })
    };
    view! {
        <div class="republish">
            <button type="button" class="share__button" node_ref=button on:click=open
                aria-haspopup="dialog">"Embed / Republish"</button>
            <dialog id=DIALOG_ID class="republish__dialog" aria-labelledby="republish-heading"
                on:close=on_close on:keydown=on_keydown>
                <h2 id="republish-heading">"Embed or republish this article"</h2>
                <p>"Paste this code into your page. Without JavaScript it shows a link to the article."</p>
                <Snippet id="embed-card-code" label="Card embed code" what="card embed code" code=card/>
                <Snippet id="embed-full-code" label="Full-article embed code" what="full-article embed code" code=full/>
                <div class="republish__policy">{policy}</div>
                <button type="button" class="button" on:click=close>"Close"</button>
            </dialog>
        </div>
    }
}
