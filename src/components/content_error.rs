//! A content-client error shown in place, with a retry, while the rest of the page works.

use crate::error::ContentError;
use leptos::prelude::*;

/// The reader-facing message for `error` and a "Try again" button that runs `on_retry`.
#[component]
pub fn ContentErrorView(
    error: ContentError,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="content-error" role="alert">
            <p class="content-error__message">{error.to_string()}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "Try again"
            </button>
        </div>
    }
}
