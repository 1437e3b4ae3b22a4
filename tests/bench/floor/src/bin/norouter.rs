//! A JSON article decoded with serde_json + its Markdown body rendered by pulldown-cmark, no router.
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let (json, set_json) = signal(String::new());
        view! {
            <textarea on:input=move |ev| set_json.set(event_target_value(&ev))></textarea>
            {move || json.with(|j| leptos_floor::article_view(j))}
        }
    })
}
