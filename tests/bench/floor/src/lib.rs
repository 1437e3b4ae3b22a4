//! What the reading floor apps share: an article as JSON and its Markdown body as HTML.
use leptos::prelude::*;

/// An article as the bucket might send it (one struct, so serde's cost is the least it can be).
#[derive(serde::Deserialize, Clone)]
pub struct Article {
    /// Headline.
    pub title: String,
    /// Standfirst.
    pub dek: Option<String>,
    /// Markdown body.
    pub body: String,
    /// Topics.
    pub tags: Vec<String>,
}

/// The body as HTML, every pulldown-cmark extension on.
pub fn render(md: &str) -> String {
    let mut out = String::new();
    pulldown_cmark::html::push_html(
        &mut out,
        pulldown_cmark::Parser::new_ext(md, pulldown_cmark::Options::all()),
    );
    out
}

/// Decodes `json` and shows the article, or the decoding error.
pub fn article_view(json: &str) -> AnyView {
    match serde_json::from_str::<Article>(json) {
        Ok(a) => view! {
            <article>
                <h1>{a.title}</h1>
                <p>{a.dek}</p>
                <p>{a.tags.join(", ")}</p>
                <div inner_html=render(&a.body)/>
            </article>
        }
        .into_any(),
        Err(e) => view! { <p role="alert">{e.to_string()}</p> }.into_any(),
    }
}
