//! `/embed/articles/:slug`: the card embed's address. The build renders a file there for
//! every article (`crate::prerender::embed`); a host without the `/embed/*` fallback answers
//! one published since the last render with `404.html`, the reader app, which hands it
//! straight on to the embed entry (`/embed/`, see `src/embed.rs`), keeping the query.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

/// The embed entry's address for an old-style embed path and its query (`?variant=…&theme=…`).
pub fn entry_href(slug: &str, search: &str) -> String {
    let rest = search.trim_start_matches('?');
    let slug = crate::routes::form_urlencode(slug);
    if rest.is_empty() {
        format!("{}?article={slug}", model::embed::EMBED_PATH)
    } else {
        format!("{}?article={slug}&{rest}", model::embed::EMBED_PATH)
    }
}

/// Replaces the location with the embed entry (no history entry: Back leaves the frame).
#[component]
pub fn EmbedRedirect() -> impl IntoView {
    let params = use_params_map();
    let location = use_location();
    Effect::new(move |_| {
        let slug = params.read().get("slug").unwrap_or_default();
        let href = entry_href(&slug, &location.search.get_untracked());
        if let Some(w) = crate::browser::window() {
            let _ = w.location().replace(&href);
        }
    });
    view! { <p class="visually-hidden" role="status">"Opening the embed…"</p> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_paths_keep_their_query() {
        assert_eq!(
            entry_href("a-b", "?variant=full&theme=dark"),
            "/embed/?article=a-b&variant=full&theme=dark"
        );
        assert_eq!(entry_href("a-b", ""), "/embed/?article=a-b");
        assert_eq!(entry_href("a&b", "?"), "/embed/?article=a%26b");
    }
}
