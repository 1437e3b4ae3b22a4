//! What a page loads from the bucket: a local resource in the browser; at build time, the
//! file already read from disk, so the same components render their content, not a placeholder.

use crate::error::ContentError;
#[cfg(not(feature = "prerender"))]
use leptos::prelude::LocalResource;
use std::future::Future;

/// A bucket load: pending, failed or here.
#[cfg(not(feature = "prerender"))]
pub type Content<T> = LocalResource<Result<T, ContentError>>;
/// A bucket load: at build time always finished (see [`crate::prerender::Ready`]).
#[cfg(feature = "prerender")]
pub type Content<T> = crate::prerender::Ready<Result<T, ContentError>>;

thread_local! {
    static IN_FLIGHT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many loads are under way now: a page the build rendered is taken over only once
/// the app's own view of it has everything it needs.
pub fn loads_in_flight() -> usize {
    IN_FLIGHT.with(std::cell::Cell::get)
}

/// Counts one load for as long as it lives (finished, failed or dropped).
pub(crate) struct InFlight;

impl InFlight {
    /// Counts a load from now until the value is dropped.
    #[cfg_attr(feature = "prerender", allow(dead_code))]
    pub(crate) fn start() -> InFlight {
        IN_FLIGHT.with(|n| n.set(n.get() + 1));
        InFlight
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        IN_FLIGHT.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

/// Starts loading what `fetcher` returns; it loads again when a signal it reads changes.
pub fn use_content<T, Fut>(fetcher: impl Fn() -> Fut + 'static) -> Content<T>
where
    T: Clone + 'static,
    Fut: Future<Output = Result<T, ContentError>> + 'static,
{
    #[cfg(not(feature = "prerender"))]
    {
        LocalResource::new(move || {
            let load = fetcher();
            async move {
                let _counted = InFlight::start();
                load.await
            }
        })
    }
    #[cfg(feature = "prerender")]
    {
        crate::prerender::Ready::load(fetcher)
    }
}
