//! Warming the cache for a link the reader is about to follow. The app provides how (the
//! content client's prefetch); cards only say which article, so no component fetches itself.

use leptos::prelude::*;
use model::Slug;

/// How this app prefetches an article; absent (no prefetch) in the embed and the preview.
#[derive(Clone, Copy)]
pub struct Prefetch(Callback<Slug>);

/// Makes `prefetch` the way cards below warm their article before a click.
pub fn provide_prefetch(prefetch: impl Fn(Slug) + Send + Sync + 'static) {
    provide_context(Prefetch(Callback::new(prefetch)));
}

/// Prefetches `slug`'s article where the app provides a way to; does nothing elsewhere.
pub fn use_prefetch() -> impl Fn(Slug) + Clone + 'static {
    let prefetch = use_context::<Prefetch>();
    move |slug| {
        if let Some(Prefetch(cb)) = prefetch {
            cb.run(slug);
        }
    }
}
