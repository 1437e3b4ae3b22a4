//! Topics (`/topics`): every topic from `topics.json`, in editorial order, with its article count.

use crate::api;
use crate::components::social_meta::SocialMeta;
use crate::components::{content_error::ContentErrorView, loading::Loading};
use crate::format::article_count;
use crate::routes::AppRoute;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;
use model::Topic;

/// The page's meta description.
pub const DESCRIPTION: &str = "Every topic Convergence covers, with what each one is about.";

/// One line of the index: where the topic lives and how much is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicLine {
    /// The topic page's path.
    pub href: String,
    /// Display name.
    pub name: String,
    /// What it covers.
    pub description: String,
    /// "12 articles", when the bucket counts them.
    pub count: Option<String>,
}

/// The index's lines, in the editors' order; names left blank fall back to the slug.
pub fn topic_lines(topics: &[Topic]) -> Vec<TopicLine> {
    topics
        .iter()
        .map(|t| TopicLine {
            href: AppRoute::topic(t.slug.clone()).href(),
            name: match t.name.trim() {
                "" => t.slug.to_string(),
                name => name.to_owned(),
            },
            description: t.description.trim().to_owned(),
            count: t.article_count.map(article_count),
        })
        .collect()
}

/// The topics index page.
#[component]
pub fn TopicsPage() -> impl IntoView {
    let topics = LocalResource::new(api::topics);
    view! {
        <Title text="Topics"/>
        <SocialMeta path=AppRoute::Topics.href() title="Topics" description=DESCRIPTION/>
        <Meta name="description" content=DESCRIPTION/>
        <header class="listing-header">
            <h1 tabindex="-1">"Topics"</h1>
            <p class="listing-header__description">{DESCRIPTION}</p>
        </header>
        <Suspense fallback=|| view! { <Loading lines=12 label="Loading the topics…"/> }>
            {move || Suspend::new(async move {
                match topics.await {
                    Ok(t) => {
                        let items = topic_lines(&t.topics)
                            .into_iter()
                            .map(|line| view! {
                                <li class="index-list__item">
                                    <h2 class="index-list__name"><A href=line.href>{line.name}</A></h2>
                                    {line.count.map(|c| view! { <p class="index-list__count">{c}</p> })}
                                    {(!line.description.is_empty()).then(|| view! {
                                        <p class="index-list__description">{line.description}</p>
                                    })}
                                </li>
                            })
                            .collect_view();
                        view! { <ul class="index-list">{items}</ul> }.into_any()
                    }
                    Err(e) => view! { <ContentErrorView error=e on_retry=move |_| topics.refetch()/> }.into_any(),
                }
            })}
        </Suspense>
    }
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
    fn lines_keep_the_editors_order_and_link_each_topic() {
        let lines = topic_lines(&[
            topic("strategy", "Strategy", Some(12)),
            topic("labor", " ", Some(1)),
            topic("elections", "Elections", None),
        ]);
        assert_eq!(
            lines[0],
            TopicLine {
                href: "/topics/strategy".into(),
                name: "Strategy".into(),
                description: "What it covers.".into(),
                count: Some("12 articles".into()),
            }
        );
        assert_eq!(lines[1].name, "labor");
        assert_eq!(lines[1].count.as_deref(), Some("1 article"));
        assert_eq!(lines[2].count, None);
        assert!(topic_lines(&[]).is_empty());
    }
}
