//! A JSON article decoded with serde_json + its Markdown body rendered by pulldown-cmark, no router.
use leptos::prelude::*;
#[derive(serde::Deserialize, Clone)]
struct Article {
    title: String,
    dek: Option<String>,
    body: String,
    tags: Vec<String>,
}
fn render(md: &str) -> String {
    let mut out = String::new();
    pulldown_cmark::html::push_html(
        &mut out,
        pulldown_cmark::Parser::new_ext(md, pulldown_cmark::Options::all()),
    );
    out
}
fn main() {
    leptos::mount::mount_to_body(|| {
        let (json, set_json) = signal(String::new());
        let article =
            move || serde_json::from_str::<Article>(&json.get()).map_err(|e| e.to_string());
        view! {
            <textarea on:input=move |ev| set_json.set(event_target_value(&ev))></textarea>
            {move || match article() {
                Ok(a) => view! { <article><h1>{a.title}</h1><p>{a.dek}</p><p>{a.tags.join(", ")}</p><div inner_html=render(&a.body)/></article> }.into_any(),
                Err(e) => view! { <p role="alert">{e}</p> }.into_any(),
            }}
        }
    })
}
