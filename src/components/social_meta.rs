//! Canonical link and Open Graph tags for a page, from the site's public origin.

use crate::hooks::use_site::use_site;
use leptos::prelude::*;
use leptos_meta::{Link, Meta};

/// The public URL of an in-app path on the site's canonical origin.
pub fn canonical_url(site_url: &str, path: &str) -> String {
    format!("{}{}", site_url.trim_end_matches('/'), path)
}

/// `<link rel="canonical">` plus og:title, og:description, og:url, og:site_name and og:type.
#[component]
pub fn SocialMeta(
    #[prop(into)] path: String,
    #[prop(into)] title: String,
    #[prop(into)] description: String,
) -> impl IntoView {
    let site = use_site();
    let tags = move || {
        site.get().and_then(|r| r.ok()).and_then(|s| {
            // A site URL with another scheme (a compromised bucket) gives no canonical link.
            let site_url = model::url::safe_url(&s.url)?;
            let url = canonical_url(site_url, &path);
            Some(view! {
                <Link rel="canonical" href=url.clone()/>
                <Meta property="og:url" content=url/>
                <Meta property="og:site_name" content=s.title/>
            })
        })
    };
    view! {
        <Meta property="og:title" content=title/>
        <Meta property="og:description" content=description/>
        <Meta property="og:type" content="website"/>
        {tags}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_urls() {
        assert_eq!(
            canonical_url("https://convergencemag.com", "/about"),
            "https://convergencemag.com/about"
        );
        assert_eq!(
            canonical_url("https://convergencemag.com/", "/"),
            "https://convergencemag.com/"
        );
    }
}
