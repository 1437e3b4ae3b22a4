//! The site config (`site.json`), loaded once and shared through context.

use crate::api;
use crate::hooks::use_content::{use_content, Content};
use leptos::prelude::*;

/// The shared site-config resource.
pub type SiteResource = Content<model::Site>;

/// Starts loading `site.json` and makes it available to every component.
pub fn provide_site() -> SiteResource {
    let site = use_content(api::site);
    provide_context(site);
    site
}

/// The site-config resource provided by [`provide_site`].
pub fn use_site() -> SiteResource {
    expect_context::<SiteResource>()
}
