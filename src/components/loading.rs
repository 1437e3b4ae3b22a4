//! Placeholders that hold the space of what is loading, so nothing jumps when it arrives.

use leptos::prelude::*;

/// A quiet, labelled placeholder of roughly `lines` lines of text. The height goes through
/// CSSOM (`style.setProperty`), not a `style` attribute, which the strict CSP would block.
#[component]
pub fn Loading(
    #[prop(default = 6)] lines: usize,
    #[prop(default = "Loading…")] label: &'static str,
) -> impl IntoView {
    view! {
        <div class="loading" role="status" aria-live="polite" style=("--lines", lines.to_string())>
            <span class="visually-hidden">{label}</span>
        </div>
    }
}
