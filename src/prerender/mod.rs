//! Build-time rendering: the app's own components rendered to HTML on the host, reading the
//! bucket from disk instead of the network, so every public URL's first response is the page.
//! `src/bin/prerender.rs` drives it over a bucket; the browser app then takes the page over
//! (`crate::takeover`).

pub mod embed;
pub mod site;

use crate::error::ContentError;
use leptos::prelude::*;
use model::head::PageMeta;
use std::cell::RefCell;
use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The bucket being rendered: where its files are on disk and the URL base pages link them by.
#[derive(Debug, Clone)]
pub struct Bucket {
    /// The bucket's folder (what `press build` wrote).
    pub dir: PathBuf,
    /// The base URL its files are served from, as `<meta name="content-base">` says (`/content/`).
    pub base: String,
}

thread_local! {
    static BUCKET: RefCell<Option<Bucket>> = const { RefCell::new(None) };
}

/// Renders from `bucket` on this thread from now on.
pub fn use_bucket(bucket: Bucket) {
    BUCKET.with(|b| *b.borrow_mut() = Some(bucket));
}

/// The base URL of the bucket being rendered (`/content/` when none is set).
pub fn content_base() -> String {
    BUCKET
        .with(|b| b.borrow().as_ref().map(|b| b.base.clone()))
        .unwrap_or_else(|| "/content/".to_owned())
}

/// One bucket file's text, read from disk: a missing file is not found, as a 404 would be.
pub fn read(file: &str) -> Result<String, ContentError> {
    let dir = BUCKET.with(|b| b.borrow().as_ref().map(|b| b.dir.clone()));
    let not_found = || ContentError::NotFound {
        file: file.to_owned(),
    };
    // Bucket paths come from model::paths (slugs, numbers): refuse anything else outright.
    if file
        .split('/')
        .any(|part| part.is_empty() || part.starts_with('.'))
    {
        return Err(not_found());
    }
    let path = dir.ok_or_else(not_found)?.join(file);
    match std::fs::metadata(&path) {
        Ok(m) if m.len() > crate::api::MAX_BYTES => Err(ContentError::TooLarge {
            file: file.to_owned(),
        }),
        Ok(_) => std::fs::read_to_string(&path).map_err(|_| not_found()),
        Err(_) => Err(not_found()),
    }
}

/// A load that has already finished: at build time every bucket read is from disk, so the
/// page renders its content, never its placeholder.
pub struct Ready<T: 'static>(StoredValue<T, LocalStorage>);

impl<T: 'static> Clone for Ready<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: 'static> Copy for Ready<T> {}

impl<T: Clone + 'static> Ready<Result<T, ContentError>> {
    /// Runs `fetcher` to completion now (reads from disk never wait).
    pub fn load<Fut>(fetcher: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<T, ContentError>> + 'static,
    {
        use futures::FutureExt;
        let value = fetcher()
            .now_or_never()
            .unwrap_or_else(|| Err(ContentError::Offline));
        Ready(StoredValue::new_local(value))
    }
}

impl<T: Clone + 'static> Ready<T> {
    /// The value (always there).
    pub fn get(&self) -> Option<T> {
        Some(self.0.get_value())
    }

    /// Nothing to load again at build time.
    pub fn refetch(&self) {}
}

impl<T: Clone + 'static> std::future::IntoFuture for Ready<T> {
    type Output = T;
    type IntoFuture = std::future::Ready<T>;

    fn into_future(self) -> Self::IntoFuture {
        std::future::ready(self.0.get_value())
    }
}

/// Where a page's [`crate::components::page_head::PageHead`] leaves its description while
/// rendering, for the build to write the static head from.
#[derive(Clone, Default)]
pub struct HeadSlot(Arc<Mutex<Option<PageMeta>>>);

impl HeadSlot {
    /// Records the page's head (the last one rendered wins, as in the browser).
    pub fn set(&self, meta: PageMeta) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some(meta);
        }
    }

    /// The recorded head, if a page wrote one.
    pub fn take(&self) -> Option<PageMeta> {
        self.0.lock().ok().and_then(|mut slot| slot.take())
    }
}

/// One route rendered: the body's markup and the head its page described.
pub struct Rendered {
    /// The markup of `<body>`'s app part: header, main, footer.
    pub body: String,
    /// What the page's `PageHead` described, if it wrote one.
    pub meta: Option<PageMeta>,
}

/// Renders one view to HTML in an owner of its own (for documents that are not app routes).
pub fn render_view<V: IntoView + 'static>(view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    let html = owner.with(|| view().to_html());
    drop(owner);
    html
}

/// Renders the whole app at `path` (a site path with its query) as the browser would show it
/// once its content has loaded.
pub fn render(path: &str) -> Rendered {
    let owner = Owner::new();
    let slot = HeadSlot::default();
    let body = owner.with(|| {
        provide_context(leptos_router::location::RequestUrl::new(path));
        provide_context(slot.clone());
        let (meta, _) = leptos_meta::ServerMetaContext::new();
        provide_context(meta);
        view! { <crate::app::App/> }.to_html()
    });
    drop(owner);
    Rendered {
        body,
        meta: slot.take(),
    }
}
