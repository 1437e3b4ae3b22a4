//! Articles saved for offline reading. The page's offline script (public/offline.js) owns the
//! service worker and answers `save`, `remove` and `list` with promises; this is the app's
//! only way to it, so the wasm carries no cache logic of its own (docs/offline.md).

use model::Slug;
use wasm_bindgen::{JsCast, JsValue};

/// Why saving, removing or listing failed; `Display` is the reader's message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OfflineError {
    /// No service worker here (an old browser, a private window that refuses one, a build
    /// without a worker).
    #[error("This browser can’t keep articles for offline reading.")]
    Unsupported,
    /// The offline script or the worker said why (its messages are written for readers).
    #[error("{0}")]
    Failed(String),
    /// The worker's answer was not the list it should be.
    #[error("The list of saved articles on this device could not be read.")]
    Damaged,
}

/// One saved article, as the service worker lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedArticle {
    /// The article.
    pub slug: Slug,
    /// Its headline when it was saved.
    pub title: String,
    /// What its files take on the device.
    pub bytes: u64,
}

/// The saved articles, newest first, and this site's storage on the device.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SavedList {
    /// Newest first.
    pub items: Vec<SavedArticle>,
    /// Bytes this site stores on the device (every cache, not only saved articles).
    pub usage: u64,
    /// What the browser lets it store.
    pub quota: u64,
    /// Whether the browser agreed not to clear it when space runs low.
    pub persisted: bool,
}

impl SavedList {
    /// Whether `slug` is saved.
    pub fn has(&self, slug: &Slug) -> bool {
        self.items.iter().any(|a| &a.slug == slug)
    }
}

/// One item of the worker's list, checked: read by field rather than decoded with serde,
/// which would bring float parsing into the wasm for three numbers.
pub fn saved_article(
    slug: Option<String>,
    title: Option<String>,
    bytes: Option<f64>,
) -> Result<SavedArticle, OfflineError> {
    let slug = slug
        .and_then(|s| Slug::parse(&s).ok())
        .ok_or(OfflineError::Damaged)?;
    Ok(SavedArticle {
        slug,
        title: title.ok_or(OfflineError::Damaged)?,
        bytes: bytes.filter(|b| *b >= 0.0).unwrap_or(0.0) as u64,
    })
}

/// "Saved articles take 1.2 MB on this device" and what the browser promised about keeping it.
pub fn storage_line(list: &SavedList) -> String {
    let saved: u64 = list.items.iter().map(|a| a.bytes).sum();
    let mut line = format!(
        "Saved articles take {} on this device",
        crate::format::bytes(saved)
    );
    if list.quota > 0 {
        line.push_str(&format!(
            " (this site uses {} of the {} your browser allows)",
            crate::format::bytes(list.usage),
            crate::format::bytes(list.quota)
        ));
    }
    line.push_str(if list.persisted {
        ". Your browser will keep them until you remove them."
    } else {
        ". Your browser may clear them if the device runs short of space."
    });
    line
}

/// Whether this browser can save articles at all (the offline script says so).
pub fn supported() -> bool {
    bridge().is_some()
}

fn bridge() -> Option<JsValue> {
    let window: JsValue = crate::browser::window()?.into();
    let api = js_sys::Reflect::get(&window, &"convergenceOffline".into())
        .ok()
        .filter(JsValue::is_object)?;
    js_sys::Reflect::get(&api, &"supported".into())
        .ok()?
        .as_bool()
        .filter(|s| *s)
        .map(|_| api)
}

/// Calls `convergenceOffline[method](arg)` and awaits its promise.
async fn call(method: &str, arg: Option<&str>) -> Result<JsValue, OfflineError> {
    let api = bridge().ok_or(OfflineError::Unsupported)?;
    let f: js_sys::Function = js_sys::Reflect::get(&api, &method.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(OfflineError::Unsupported)?;
    let promise = match arg {
        Some(a) => f.call1(&api, &a.into()),
        None => f.call0(&api),
    }
    .map_err(failed)?;
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map_err(failed)
}

fn failed(e: JsValue) -> OfflineError {
    let message = js_sys::Reflect::get(&e, &"message".into())
        .ok()
        .and_then(|m| m.as_string());
    OfflineError::Failed(
        message.unwrap_or_else(|| "Something went wrong on this device. Please try again.".into()),
    )
}

/// Saves the article on this page; returns the bytes its files take.
pub async fn save(slug: &Slug) -> Result<u64, OfflineError> {
    let answer = call("save", Some(slug.as_str())).await?;
    Ok(js_sys::Reflect::get(&answer, &"bytes".into())
        .ok()
        .and_then(|b| b.as_f64())
        .unwrap_or(0.0) as u64)
}

/// Removes a saved article from the device.
pub async fn remove(slug: &Slug) -> Result<(), OfflineError> {
    call("remove", Some(slug.as_str())).await.map(|_| ())
}

fn field(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Every saved article and the storage used.
pub async fn list() -> Result<SavedList, OfflineError> {
    let answer = call("list", None).await?;
    let items: js_sys::Array = field(&answer, "items")
        .dyn_into()
        .map_err(|_| OfflineError::Damaged)?;
    let items = items
        .iter()
        .map(|i| {
            saved_article(
                field(&i, "slug").as_string(),
                field(&i, "title").as_string(),
                field(&i, "bytes").as_f64(),
            )
        })
        .collect::<Result<_, _>>()?;
    let number = |key| field(&answer, key).as_f64().unwrap_or(0.0) as u64;
    Ok(SavedList {
        items,
        usage: number("usage"),
        quota: number("quota"),
        persisted: field(&answer, "persisted").as_bool().unwrap_or(false),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(slug: &str, bytes: u64) -> SavedArticle {
        saved_article(
            Some(slug.into()),
            Some(slug.to_uppercase()),
            Some(bytes as f64),
        )
        .unwrap()
    }

    #[test]
    fn the_workers_items_are_checked() {
        let a = item("broad-front-panel", 2100);
        assert_eq!(a.title, "BROAD-FRONT-PANEL");
        let list = SavedList {
            items: vec![a],
            ..Default::default()
        };
        assert!(list.has(&Slug::parse("broad-front-panel").unwrap()));
        assert!(!list.has(&Slug::parse("other").unwrap()));
        assert_eq!(
            saved_article(Some("../x".into()), Some("X".into()), Some(1.0)),
            Err(OfflineError::Damaged)
        );
        assert_eq!(
            saved_article(Some("a".into()), None, Some(1.0)),
            Err(OfflineError::Damaged)
        );
        assert_eq!(
            saved_article(Some("a".into()), Some("A".into()), Some(-5.0))
                .unwrap()
                .bytes,
            0
        );
    }

    #[test]
    fn the_storage_line_says_what_is_kept_and_for_how_long() {
        let mut list = SavedList {
            items: vec![item("a", 1_200_000), item("b", 34_000)],
            usage: 5_000_000,
            quota: 2_000_000_000,
            persisted: true,
        };
        assert_eq!(
            storage_line(&list),
            "Saved articles take 1.2 MB on this device (this site uses 5.0 MB of the 2.0 GB your browser allows). Your browser will keep them until you remove them."
        );
        list.persisted = false;
        list.quota = 0;
        assert_eq!(
            storage_line(&list),
            "Saved articles take 1.2 MB on this device. Your browser may clear them if the device runs short of space."
        );
    }
}
