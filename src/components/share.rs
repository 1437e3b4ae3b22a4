//! Share an article: copy its link (with visible confirmation), email it, or use the
//! browser's own share sheet where there is one.

use crate::hooks::use_clipboard::use_clipboard;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// A `mailto:` link with the title as subject and the URL as body.
pub fn mailto_href(title: &str, url: &str) -> String {
    format!(
        "mailto:?subject={}&body={}",
        percent_encode(title),
        percent_encode(url)
    )
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn current_url() -> String {
    crate::browser::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// `navigator.share`, looked up at run time (not every browser has it).
fn native_share() -> Option<js_sys::Function> {
    let nav = crate::browser::window()?.navigator();
    js_sys::Reflect::get(&nav, &JsValue::from_str("share"))
        .ok()?
        .dyn_into()
        .ok()
}

/// Copy-link, email and native-share controls for one article.
#[component]
pub fn ShareBar(#[prop(into)] title: String) -> impl IntoView {
    let clipboard = use_clipboard();
    let status = clipboard.status;
    let url = current_url();
    let copy = {
        let url = url.clone();
        move |_| {
            clipboard.copy(
                url.clone(),
                "Link copied to your clipboard.".to_owned(),
                format!("Couldn’t copy automatically. The link is {url}"),
            )
        }
    };
    let share = native_share().map(|f| {
        let (title, url) = (title.clone(), url.clone());
        let on_click = move |_| {
            let data = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&data, &"title".into(), &JsValue::from_str(&title));
            let _ = js_sys::Reflect::set(&data, &"url".into(), &JsValue::from_str(&url));
            if let Some(nav) = crate::browser::window().map(|w| w.navigator()) {
                // The reader may cancel the sheet; that rejection is not an error worth showing.
                if let Ok(p) = f.call1(&nav, &data) {
                    if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
                        leptos::task::spawn_local(async move {
                            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
                        });
                    }
                }
            }
        };
        view! { <li><button type="button" class="share__button" on:click=on_click>"Share…"</button></li> }
    });
    let mailto = mailto_href(&title, &url);
    view! {
        <section class="share" aria-labelledby="share-heading">
            <h2 id="share-heading" class="share__heading">"Share this article"</h2>
            <ul class="share__list">
                <li><button type="button" class="share__button" on:click=copy>"Copy link"</button></li>
                <li><a class="share__button" href=mailto>"Email"</a></li>
                {share}
            </ul>
            <p class="share__status" role="status" aria-live="polite">{status}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailto_is_encoded() {
        assert_eq!(
            mailto_href("Block & build: a panel", "https://x.org/articles/a?b=1"),
            "mailto:?subject=Block%20%26%20build%3A%20a%20panel&body=https%3A%2F%2Fx.org%2Farticles%2Fa%3Fb%3D1"
        );
        assert_eq!(percent_encode("’"), "%E2%80%99");
    }
}
