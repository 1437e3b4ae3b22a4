//! `/preview` in the reader app: the staff preview is its own entry at `/preview/`
//! (docs/preview.md), so this only sends the browser there with the same query.

use leptos::prelude::*;

/// The preview entry's URL for this page's query (`?draft=x` → `/preview/?draft=x`).
pub fn preview_entry_url(search: &str) -> String {
    match search.trim_start_matches('?') {
        "" => "/preview/".to_owned(),
        q => format!("/preview/?{q}"),
    }
}

/// Replaces the location with the preview entry (no history entry for `/preview` itself).
#[component]
pub fn PreviewRedirect() -> impl IntoView {
    if let Some(location) = crate::browser::window().map(|w| w.location()) {
        let search = location.search().unwrap_or_default();
        let _ = location.replace(&preview_entry_url(&search));
    }
    view! { <p class="page" role="status">"Opening the staff preview…"</p> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_query() {
        assert_eq!(preview_entry_url(""), "/preview/");
        assert_eq!(preview_entry_url("?"), "/preview/");
        assert_eq!(
            preview_entry_url("?draft=a-draft&layout=sizes"),
            "/preview/?draft=a-draft&layout=sizes"
        );
        assert_eq!(preview_entry_url("?article=x"), "/preview/?article=x");
    }
}
