//! The archive (`/archive`): every year with articles, newest first, with how many.

use crate::api;
use crate::components::index_page::{Index, IndexEntry, IndexPage};
use crate::format::{article_count, articles};
use crate::hooks::use_content::use_content;
use crate::routes::AppRoute;
use leptos::prelude::*;
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
    Some(format!("{} {span}.", articles(total)))
}

/// The index: the summary, then each year (in `archive.json`'s order, newest first).
pub fn archive_index(years: &[YearCount]) -> Index {
    Index {
        summary: archive_summary(years),
        entries: years
            .iter()
            .map(|y| IndexEntry {
                href: AppRoute::year(y.year).href(),
                name: y.year.to_string(),
                count: Some(article_count(y.count)),
                description: None,
            })
            .collect(),
    }
}

/// The archive index page.
#[component]
pub fn ArchiveIndexPage() -> impl IntoView {
    let index =
        use_content(|| async { api::archive_years().await.map(|a| archive_index(&a.years)) });
    view! {
        <IndexPage title="Archive" description=DESCRIPTION path=AppRoute::Archive.href()
            index=index list_class="index-list--years"/>
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

    #[test]
    fn each_year_links_to_its_page() {
        let index = archive_index(&[year(2023, 2), year(2012, 1)]);
        assert_eq!(
            index.entries[1],
            IndexEntry {
                href: "/archive/2012".into(),
                name: "2012".into(),
                count: Some("1 article".into()),
                description: None,
            }
        );
        assert_eq!(index.entries[0].name, "2023");
        assert_eq!(
            index.summary.as_deref(),
            Some("3 articles from 2012 to 2023.")
        );
    }
}
