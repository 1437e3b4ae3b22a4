//! Files staff hand to the preview and take from it: a file chosen in an `<input type="file">`
//! read as text, and text handed back as a download (the editor's Markdown, the lab's CSS).

use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// A chosen file's name and text.
pub struct ChosenFile {
    /// The file's name, as the browser gives it.
    pub name: String,
    /// Its contents as text.
    pub text: String,
}

/// Reads the file chosen in the input that fired `ev` and hands `done` its name and text, or
/// its name when it cannot be read as text. The input is cleared, so choosing the same file
/// again fires again. Nothing happens when no file was chosen.
pub fn read_chosen_file(
    ev: leptos::ev::Event,
    done: impl FnOnce(Result<ChosenFile, String>) + 'static,
) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    let name = file.name();
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.text()).await {
            Ok(v) => done(Ok(ChosenFile {
                name,
                text: v.as_string().unwrap_or_default(),
            })),
            Err(_) => done(Err(name)),
        }
    });
}

/// Hands `text` to the browser as a download called `name`.
pub fn download_text(name: &str, text: &str, mime: &str) -> Result<(), wasm_bindgen::JsValue> {
    let window = crate::browser::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    // `download` also keeps the router from treating the click as navigation.
    a.set_download(name);
    a.click();
    // The browser has taken the file by the next turn; free the URL then.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(1),
    );
    Ok(())
}
