//! Copying text for a Copy button, with the status line that says what happened (screen
//! readers hear it through the line's `role="status"`).

use leptos::prelude::*;

/// A Copy button's state: the message under it, and the way to copy.
#[derive(Clone, Copy)]
pub struct UseClipboard {
    /// What the last copy came to ("Copied…" or what to do instead); empty before any.
    pub status: RwSignal<String>,
}

/// A clipboard writer with an empty status line.
pub fn use_clipboard() -> UseClipboard {
    UseClipboard {
        status: RwSignal::new(String::new()),
    }
}

impl UseClipboard {
    /// Writes `text` to the clipboard; the status then reads `copied`, or `failed` when the
    /// browser refuses (no permission, an insecure origin, an old engine).
    pub fn copy(self, text: String, copied: String, failed: String) {
        let clipboard = crate::browser::window().map(|w| w.navigator().clipboard());
        leptos::task::spawn_local(async move {
            let done = match clipboard {
                Some(c) => wasm_bindgen_futures::JsFuture::from(c.write_text(&text))
                    .await
                    .is_ok(),
                None => false,
            };
            self.status.set(if done { copied } else { failed });
        });
    }
}
