//! Topics (`/topics`): every topic from `topics.json`, in editorial order, with its article count.

use crate::api;
use crate::components::index_page::{Index, IndexEntry, IndexPage};
use crate::format::article_count;
use crate::hooks::use_content::use_content;
use crate::routes::AppRoute;
use leptos::prelude::*;
use model::Topic;

/// The page's meta description.
pub const DESCRIPTION: &str = "Every topic Convergence covers, with what each one is about.";

/// The index's entries, in the editors' order; a name left blank falls back to the slug.
pub fn topics_index(topics: &[Topic]) -> Index {
    let entries = topics
        .iter()
        .map(|t| IndexEntry {
            href: AppRoute::topic(t.slug.clone()).href(),
            name: match t.name.trim() {
                "" => t.slug.to_string(),
                name => name.to_owned(),
            },
            count: t.article_count.map(article_count),
            description: Some(t.description.trim().to_owned()).filter(|d| !d.is_empty()),
        })
        .collect();
    Index {
        summary: None,
        entries,
    }
}

/// The topics index page.
#[component]
pub fn TopicsPage() -> impl IntoView {
    let index = use_content(|| async { api::topics().await.map(|t| topics_index(&t.topics)) });
    view! { <IndexPage title="Topics" description=DESCRIPTION path=AppRoute::Topics.href() index=index/> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::Slug;

    fn topic(slug: &str, name: &str, count: Option<u32>) -> Topic {
        Topic {
            slug: Slug::parse(slug).unwrap(),
            name: name.into(),
            description: " What it covers. ".into(),
            article_count: count,
        }
    }

    #[test]
    fn entries_keep_the_editors_order_and_link_each_topic() {
        let mut quiet = topic("elections", "Elections", None);
        quiet.description = " ".into();
        let index = topics_index(&[
            topic("strategy", "Strategy", Some(12)),
            topic("labor", " ", Some(1)),
            quiet,
        ]);
        assert_eq!(
            index.entries[0],
            IndexEntry {
                href: "/topics/strategy".into(),
                name: "Strategy".into(),
                count: Some("12 articles".into()),
                description: Some("What it covers.".into()),
            }
        );
        assert_eq!(index.entries[1].name, "labor");
        assert_eq!(index.entries[1].count.as_deref(), Some("1 article"));
        assert_eq!(index.entries[2].count, None);
        assert_eq!(index.entries[2].description, None);
        assert_eq!(index.summary, None);
        assert!(topics_index(&[]).entries.is_empty());
    }
}
