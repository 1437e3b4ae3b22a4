//! The A- A A+ text-size control: a labelled group of three native buttons and a polite
//! live region. At the ends the button stays focusable but is marked `aria-disabled`,
//! so keyboard focus never falls to the page and screen readers announce "dimmed".

use crate::hooks::use_text_size::use_text_size;
use leptos::prelude::*;

/// "Text size: A- A A+", with announcements of each change.
#[component]
pub fn TextSizeControl(#[prop(default = "text-size")] id: &'static str) -> impl IntoView {
    let ctx = use_text_size();
    let size = ctx.size;
    let announcement = RwSignal::new(String::new());
    let change = move |next: crate::hooks::use_text_size::TextSize| {
        if next != size.get_untracked() {
            ctx.set(next);
            announcement.set(next.announcement());
        }
    };

    view! {
        <div class="text-size" role="group" aria-labelledby=format!("{id}-label")>
            <span class="text-size__label" id=format!("{id}-label")>"Text size"</span>
            <button type="button" class="text-size__button" aria-label="A- Smaller text"
                aria-disabled=move || size.get().is_min().then_some("true")
                on:click=move |_| change(size.get_untracked().smaller())>
                "A-"
            </button>
            <button type="button" class="text-size__button" aria-label="A Default text size"
                on:click=move |_| change(Default::default())>
                "A"
            </button>
            <button type="button" class="text-size__button" aria-label="A+ Larger text"
                aria-disabled=move || size.get().is_max().then_some("true")
                on:click=move |_| change(size.get_untracked().larger())>
                "A+"
            </button>
            <span class="visually-hidden" role="status" aria-live="polite">{announcement}</span>
        </div>
    }
}
