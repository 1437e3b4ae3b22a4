//! The archive (`/archive`): every year with articles, newest first, with how many.

use crate::api;
use crate::components::social_meta::SocialMeta;
use crate::components::{content_error::ContentErrorView, loading::Loading};
use crate::format::{article_count, thousands};
use crate::routes::AppRoute;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;
use model::YearCount;

/// The page's meta description.
pub const DESCRIPTION: &str =
    "Everything Convergence and Organizing Upgrade have published, by year.";

/// "1,234 articles from 2008 to 2024." over the list (nothing when the archive is empty).
pub fn archive_summary(years: &[YearCount]) -> Option<String> {
    let total: u32 = years.iter().map(|y| y.count).sum();
    let first = years.iter().map(|y| y.year).min()?;
    let last = years.iter().map(|y| y.year).max()?;
    let span = if first == last {
        format!("in {first}")
    } else {
        format!("from {first} to {last}")
    };
    let count = match total {
        1 => "1 article".to_owned(),
        n => format!("{} articles", thousands(n)),
    };
    Some(format!("{count} {span}."))
}

/// The archive index page.
#[component]
pub fn ArchiveIndexPage() -> impl IntoView {
    let years = LocalResource::new(api::archive_years);
    view! {
        <Title text="Archive"/>
        <SocialMeta path=AppRoute::Archive.href() title="Convergence archive" description=DESCRIPTION/>
        <Meta name="description" content=DESCRIPTION/>
        <header class="listing-header">
            <h1 tabindex="-1">"Archive"</h1>
            <p class="listing-header__description">{DESCRIPTION}</p>
        </header>
        <Suspense fallback=|| view! { <Loading lines=12 label="Loading the archive…"/> }>
            {move || Suspend::new(async move {
                match years.await {
                    Ok(y) => {
                        let summary = archive_summary(&y.years);
                        let items = y
                            .years
                            .into_iter()
                            .map(|yc| view! {
                                <li class="index-list__item">
                                    <h2 class="index-list__name"><A href=AppRoute::year(yc.year).href()>{yc.year.to_string()}</A></h2>
                                    <p class="index-list__count">{article_count(yc.count)}</p>
                                </li>
                            })
                            .collect_view();
                        view! {
                            {summary.map(|s| view! { <p class="index-summary">{s}</p> })}
                            <ul class="index-list index-list--years">{items}</ul>
                        }
                        .into_any()
                    }
                    Err(e) => view! { <ContentErrorView error=e on_retry=move |_| years.refetch()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(year: u16, count: u32) -> YearCount {
        YearCount { year, count }
    }

    #[test]
    fn the_summary_counts_every_year() {
        assert_eq!(
            archive_summary(&[year(2024, 1000), year(2012, 200), year(2008, 34)]).as_deref(),
            Some("1,234 articles from 2008 to 2024.")
        );
        assert_eq!(
            archive_summary(&[year(2023, 1)]).as_deref(),
            Some("1 article in 2023.")
        );
        assert_eq!(archive_summary(&[]), None);
    }
}
