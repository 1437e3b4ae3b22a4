//! The one page head: title, description, canonical link, Open Graph and Twitter tags and
//! JSON-LD, all computed by `model::head` from a [`PageMeta`] so a build-time renderer can
//! write the same head.

use crate::api;
use crate::hooks::use_site::use_site;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};
use model::head::{canonical_url, json_ld, meta_tags, MetaKey, MetaTag, PageMeta, SiteHead};

/// Writes a page's whole head from its description; everything but the title waits for
/// `site.json`, which gives the origin and the site's name.
#[component]
pub fn PageHead(meta: PageMeta) -> impl IntoView {
    // At build time the page's description goes to the static head the build writes.
    #[cfg(feature = "prerender")]
    if let Some(slot) = use_context::<crate::prerender::HeadSlot>() {
        slot.set(meta.clone());
    }
    let site = use_site();
    let title = meta.title.clone();
    let rest = move || {
        let site = site.get()?.ok()?;
        let site = SiteHead::new(&site, &api::content_base());
        // The pieces of `model::head::head` but its title, which the shell's formatter writes.
        Some(head_tags(
            canonical_url(&meta, &site),
            meta_tags(&meta, &site),
            json_ld(&meta, &site),
        ))
    };
    // The shell's `<Title formatter>` adds the site's name through `model::head::document_title`.
    view! {
        <Title text=title/>
        {rest}
    }
}

/// The canonical link, the meta tags and the JSON-LD of a page.
fn head_tags(
    canonical: Option<String>,
    meta: Vec<MetaTag>,
    json_ld: Option<String>,
) -> impl IntoView {
    let tags = meta
        .into_iter()
        .map(|tag| match tag.key {
            MetaKey::Name(name) => view! { <Meta name=name content=tag.content/> }.into_any(),
            MetaKey::Property(p) => view! { <Meta property=p content=tag.content/> }.into_any(),
        })
        .collect_view();
    // A data block, never executed: the strict CSP's script-src does not apply to it.
    let json_ld = json_ld.map(|text| view! { <Script type_="application/ld+json">{text}</Script> });
    view! {
        {canonical.map(|href| view! { <Link rel="canonical" href=href/> })}
        {tags}
        {json_ld}
    }
}
