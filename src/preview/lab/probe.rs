//! The lab's hands in its frames: loads a page into a frame, injects the probe
//! (public/lab-probe.js, copied to /preview/) and calls it.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlIFrameElement;

/// Where the probe is served (beside the preview; axe-core sits next to it).
pub const PROBE_SRC: &str = "/preview/lab-probe.js";
/// How long a frame may take to load its page and settle, in ms.
pub const SETTLE_MS: u32 = 15_000;

/// Why a frame could not be checked, in words staff can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProbeError {
    /// The frame has no document (still loading, or another origin).
    #[error("the frame’s page is not open (is it on this site?)")]
    NoDocument,
    /// The probe script did not load.
    #[error("the lab’s probe (/preview/lab-probe.js) could not be loaded into the frame")]
    NotLoaded,
    /// A call into the frame failed.
    #[error("the frame answered with an error: {0}")]
    Failed(String),
}

// Objects from a frame belong to its realm: `instanceof` checks (dyn_into) fail on them, so
// they are read by shape (Reflect, is_function) and cast unchecked.
fn js_message(v: JsValue) -> ProbeError {
    let text = Reflect::get(&v, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| v.as_string())
        .unwrap_or_else(|| "unknown error".to_owned());
    ProbeError::Failed(text)
}

/// Resolves once `el` fires `load` (or `error`).
async fn loaded(el: &web_sys::HtmlElement) -> Result<(), JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        el.set_onload(Some(&resolve));
        el.set_onerror(Some(&reject));
    });
    let result = JsFuture::from(promise).await.map(|_| ());
    el.set_onload(None);
    el.set_onerror(None);
    result
}

/// Loads `src` into the frame and waits for it.
pub async fn open(frame: &HtmlIFrameElement, src: &str) -> Result<(), ProbeError> {
    let wait = loaded(frame);
    frame.set_src(src);
    wait.await.map_err(|_| ProbeError::NoDocument)
}

/// The frame's probe object, injecting the probe first if the page has none yet.
pub async fn probe(frame: &HtmlIFrameElement) -> Result<JsValue, ProbeError> {
    if let Some(api) = existing(frame) {
        return Ok(api);
    }
    let doc = frame.content_document().ok_or(ProbeError::NoDocument)?;
    let script: web_sys::HtmlElement = doc
        .create_element("script")
        .map_err(|_| ProbeError::NoDocument)?
        .unchecked_into();
    script
        .set_attribute("src", PROBE_SRC)
        .map_err(|_| ProbeError::NotLoaded)?;
    let wait = loaded(&script);
    let parent = doc
        .head()
        .map(web_sys::Node::from)
        .or_else(|| doc.document_element().map(web_sys::Node::from))
        .ok_or(ProbeError::NoDocument)?;
    parent
        .append_child(&script)
        .map_err(|_| ProbeError::NotLoaded)?;
    wait.await.map_err(|_| ProbeError::NotLoaded)?;
    existing(frame).ok_or(ProbeError::NotLoaded)
}

/// The probe object of the page now in the frame, if it has one.
pub fn existing(frame: &HtmlIFrameElement) -> Option<JsValue> {
    let win = frame.content_window()?;
    let api = Reflect::get(&win, &JsValue::from_str("convergenceLab")).ok()?;
    api.is_object().then_some(api)
}

/// Calls `name` on the probe with `args`.
pub fn call(api: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, ProbeError> {
    let f: Function = Reflect::get(api, &JsValue::from_str(name))
        .ok()
        .filter(JsValue::is_function)
        .ok_or_else(|| ProbeError::Failed(format!("the probe has no {name}")))?
        .unchecked_into();
    f.apply(api, &args.iter().collect::<Array>())
        .map_err(js_message)
}

/// Calls `name` and awaits the promise it returns.
pub async fn call_async(
    api: &JsValue,
    name: &str,
    args: &[JsValue],
) -> Result<JsValue, ProbeError> {
    let value = call(api, name, args)?;
    // Adopts the frame's promise (another realm's) as one of ours.
    JsFuture::from(Promise::resolve(&value))
        .await
        .map_err(js_message)
}
