//! "Save for offline" on an article: keeps it on this device (src/offline.rs) and says what
//! that took; a saved article can be removed here or from the saved list.

use crate::offline::{self, OfflineError};
use crate::routes::AppRoute;
use leptos::prelude::*;
use model::Slug;

/// Where the article stands on this device.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Not known yet (the page was rendered at build time, or the list is on its way).
    Unknown,
    /// Not saved.
    NotSaved,
    /// Being saved or removed.
    Working,
    /// Saved, taking this many bytes (None when it was saved in another visit).
    Saved(Option<u64>),
    /// The last attempt failed.
    Failed(OfflineError),
}

/// What the status line says in `state`.
pub fn status_text(state: &SaveState) -> String {
    match state {
        SaveState::Unknown | SaveState::NotSaved => String::new(),
        SaveState::Working => "Working…".into(),
        SaveState::Saved(Some(bytes)) => format!(
            "Saved on this device ({}). You can read it without a connection.",
            crate::format::bytes(*bytes)
        ),
        SaveState::Saved(None) => {
            "Saved on this device. You can read it without a connection.".into()
        }
        SaveState::Failed(e) => e.to_string(),
    }
}

/// The save / remove control for one article; nothing where the browser cannot save.
#[component]
pub fn SaveForOffline(slug: Slug) -> impl IntoView {
    let state = RwSignal::new(SaveState::Unknown);
    let browser = crate::browser::window().is_some();
    if browser && !offline::supported() {
        return ().into_any();
    }
    if browser {
        let slug = slug.clone();
        leptos::task::spawn_local(async move {
            state.set(match offline::list().await {
                Ok(list) if list.has(&slug) => SaveState::Saved(None),
                _ => SaveState::NotSaved,
            });
        });
    }
    let saved = move || matches!(state.get(), SaveState::Saved(_));
    let toggle = move |_| {
        let slug = slug.clone();
        let was_saved = saved();
        state.set(SaveState::Working);
        leptos::task::spawn_local(async move {
            state.set(if was_saved {
                match offline::remove(&slug).await {
                    Ok(()) => SaveState::NotSaved,
                    Err(e) => SaveState::Failed(e),
                }
            } else {
                match offline::save(&slug).await {
                    Ok(bytes) => SaveState::Saved(Some(bytes)),
                    Err(e) => SaveState::Failed(e),
                }
            });
        });
    };
    view! {
        <section class="save-offline" aria-labelledby="save-offline-heading">
            <h2 id="save-offline-heading" class="share__heading">"Read offline"</h2>
            <p class="save-offline__controls">
                <button type="button" class="share__button" on:click=toggle
                    disabled=move || state.get() == SaveState::Working>
                    {move || if saved() { "Remove from this device" } else { "Save for offline" }}
                </button>
                " "
                <a href=AppRoute::Saved.href()>"Saved articles"</a>
            </p>
            <p class="share__status" role="status" aria-live="polite">{move || status_text(&state.get())}</p>
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_says_what_happened() {
        assert_eq!(status_text(&SaveState::NotSaved), "");
        assert_eq!(
            status_text(&SaveState::Saved(Some(48_200))),
            "Saved on this device (48 KB). You can read it without a connection."
        );
        assert_eq!(
            status_text(&SaveState::Failed(OfflineError::Unsupported)),
            "This browser can’t keep articles for offline reading."
        );
    }
}
