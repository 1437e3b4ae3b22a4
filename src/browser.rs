//! The browser's window, storage, timers and request cancellation, in one place, so every
//! module degrades the same way when one of them is missing (private mode, old engines).

/// The browser window; None at build time, where components render on the host and every
/// browser-only step (storage, focus, timers) simply does not happen.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(feature = "prerender") {
        None
    } else {
        web_sys::window()
    }
}

/// The page's `localStorage`, or None where the browser refuses it (private mode, policy).
pub fn local_storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// True when the browser says it has no network.
pub fn is_offline() -> bool {
    window().is_some_and(|w| !w.navigator().on_line())
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// An `AbortController` that aborts its request when dropped: a timeout, or the page
/// that asked going away, cancels what it asked for.
pub struct AbortOnDrop(Option<web_sys::AbortController>);

impl AbortOnDrop {
    /// A new controller (None inside, where the browser has no `AbortController`).
    pub fn new() -> Self {
        AbortOnDrop(web_sys::AbortController::new().ok())
    }

    /// The signal to hand to the request.
    pub fn signal(&self) -> Option<web_sys::AbortSignal> {
        self.0.as_ref().map(|c| c.signal())
    }
}

impl Default for AbortOnDrop {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(c) = &self.0 {
            c.abort();
        }
    }
}
