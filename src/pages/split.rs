//! The routes whose code is not in the first download. In the release wasm (`split_pages`,
//! set by build.rs) each page below is split out at build time (`xtask/src/split.rs`) and
//! fetched the first time it is shown, so an article or the home page starts with less code.
//! Elsewhere (debug builds, the build-time renderer) the pages render directly.

use leptos::prelude::*;
#[cfg(split_pages)]
use {
    crate::components::loaded::{Loaded, Missing},
    crate::error::ContentError,
    crate::hooks::use_content::use_content,
    std::future::Future,
};

/// A page's view, handed back by its split-out code once that code is here.
#[cfg(split_pages)]
pub type PageView = fn() -> AnyView;

/// Shows the page `load` fetches: a placeholder while its code loads (counted as a load in
/// flight, so a rendered page is taken over only once it is here), the error with a retry
/// if it cannot be fetched.
#[cfg(split_pages)]
pub fn split_page<F>(load: fn() -> F) -> impl IntoView
where
    F: Future<Output = Result<PageView, ContentError>> + 'static,
{
    let page = use_content(load);
    view! {
        <Loaded resource=page missing=Missing::Error let:page>
            {page()}
        </Loaded>
    }
}

/// Declares a route component whose page lives in split-out module `$module`.
macro_rules! split_route {
    ($(#[$doc:meta])* $name:ident => $module:ident, $page:path) => {
        $(#[$doc])*
        #[component]
        pub fn $name() -> impl IntoView {
            #[cfg(not(split_pages))]
            {
                $page()
            }
            #[cfg(split_pages)]
            {
                #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
                fn load() -> Result<PageView, ContentError> {
                    Ok(|| $page().into_any())
                }
                split_page(load)
            }
        }
    };
}

split_route!(
    /// `/contributors`.
    Contributors => contributors, crate::pages::contributors::ContributorsPage
);
split_route!(
    /// `/contributors/:slug`.
    Contributor => contributor, crate::pages::contributor::ContributorPage
);
split_route!(
    /// `/topics`.
    Topics => topics, crate::pages::topics::TopicsPage
);
split_route!(
    /// `/topics/:slug`.
    Topic => topic, crate::pages::topic::TopicPage
);
split_route!(
    /// `/archive`.
    ArchiveIndex => archive_index, crate::pages::archive_index::ArchiveIndexPage
);
split_route!(
    /// `/archive/:year`.
    Archive => archive, crate::pages::archive::ArchivePage
);
split_route!(
    /// `/search`.
    Search => search, crate::pages::search::SearchPage
);
split_route!(
    /// `/subscribe`.
    Subscribe => subscribe, crate::pages::subscribe::SubscribePage
);
split_route!(
    /// `/saved`.
    Saved => saved, crate::pages::saved::SavedPage
);
split_route!(
    /// `/podcasts`.
    Podcasts => podcasts, crate::pages::podcasts::PodcastsPage
);
split_route!(
    /// `/podcasts/:slug`.
    Show => show, crate::pages::show::ShowPage
);
