//! The archive by year (`/archive/:year`), newest first, paged, with links to other years.

use crate::api;
use crate::components::page_head::PageHead;
use crate::components::suspense::Suspense;
use crate::components::{listing::LabelledListing, loaded::Loaded};
use crate::error::ContentError;
use crate::hooks::use_content::use_content;
use crate::routes::{parse_page, parse_year, AppRoute};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use model::head::PageMeta;
use model::Listing;

/// The head of one year's archive.
pub fn year_meta(year: u16) -> PageMeta {
    PageMeta::page(
        format!("Archive: {year}"),
        format!("Everything Convergence published in {year}."),
        AppRoute::year(year).href(),
    )
}

/// The archive page for one year; years without articles show the 404 page.
#[component]
pub fn ArchivePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let listing = use_content(move || {
        let raw = params.read().get("year").unwrap_or_default();
        let page = parse_page(query.read().get("page").as_deref());
        async move {
            let year = parse_year(&raw).ok_or(ContentError::NotFound { file: raw })?;
            api::archive(year, page).await.map(|l| (year, l))
        }
    });
    let years = use_content(api::archive_years);
    let other_years = move || {
        years.get().and_then(|r| r.ok()).map(|y| {
            let links = y
                .years
                .into_iter()
                .map(|yc| {
                    view! {
                        <li><A href=AppRoute::year(yc.year).href()>{yc.year.to_string()}</A>
                        " " <span class="archive-years__count">{format!("({})", yc.count)}</span></li>
                    }
                })
                .collect_view();
            view! { <nav class="archive-years" aria-label="Archive by year"><ul>{links}</ul></nav> }
        })
    };
    view! {
        <Loaded resource=listing lines=20 let:loaded>
            <YearView year=loaded.0 listing=loaded.1/>
        </Loaded>
        <Suspense fallback=|| ()>{other_years}</Suspense>
    }
}

/// One page of a year's archive once it has loaded.
#[component]
fn YearView(year: u16, listing: Listing) -> impl IntoView {
    view! {
        <PageHead meta=year_meta(year)/>
        <header class="listing-header">
            <p class="listing-header__kind"><A href=AppRoute::Archive.href()>"Archive"</A></p>
            <h1 tabindex="-1">{year.to_string()}</h1>
        </header>
        <LabelledListing listing=listing base=AppRoute::year(year).href() label=format!("Articles from {year}")/>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_years_head() {
        let meta = year_meta(2012);
        assert_eq!(meta.title, "Archive: 2012");
        assert_eq!(
            meta.description,
            "Everything Convergence published in 2012."
        );
        assert_eq!(meta.canonical.as_deref(), Some("/archive/2012"));
    }
}
