//! The site config (`site.json`), loaded once and shared through context.

use crate::api;
use crate::error::ContentError;
use leptos::prelude::*;

/// The shared site-config resource.
pub type SiteResource = LocalResource<Result<model::Site, ContentError>>;

/// Starts loading `site.json` and makes it available to every component.
pub fn provide_site() -> SiteResource {
    let site = LocalResource::new(api::site);
    provide_context(site);
    site
}

/// The site-config resource provided by [`provide_site`].
pub fn use_site() -> SiteResource {
    expect_context::<SiteResource>()
}
