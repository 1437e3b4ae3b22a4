//! Router + a JSON article decoded with serde_json + its Markdown body rendered by pulldown-cmark.
use leptos::prelude::*;
use leptos_router::{components::*, hooks::use_params_map, path};
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
#[component]
fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let json = move || params.with(|p| p.get("slug").unwrap_or_default());
    let article = move || serde_json::from_str::<Article>(&json()).map_err(|e| e.to_string());
    move || {
        match article() {
        Ok(a) => view! { <article><h1>{a.title}</h1><p>{a.dek}</p><p>{a.tags.join(", ")}</p><div inner_html=render(&a.body)/></article> }.into_any(),
        Err(e) => view! { <p role="alert">{e}</p> }.into_any(),
    }
    }
}
fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/") view=|| view! { <A href="/articles/x">"x"</A> }/>
                    <Route path=path!("/articles/:slug") view=ArticlePage/>
                </Routes>
            </Router>
        }
    })
}
