//! The shape the topics and archive indexes share: a heading, then one linked entry per topic
//! or year with its article count. One component for both keeps the app's size down.

use crate::components::page_head::PageHead;
use crate::components::{content_error::ContentErrorView, loading::Loading};
use crate::hooks::use_content::Content;
use leptos::prelude::*;
use leptos_router::components::A;
use model::head::PageMeta;

/// One entry of an index: where it leads, what it is called, how much is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    /// The page's path.
    pub href: String,
    /// The link text.
    pub name: String,
    /// "12 articles", when the bucket counts them.
    pub count: Option<String>,
    /// A line about it, if any.
    pub description: Option<String>,
}

/// What an index shows once its bucket file has loaded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Index {
    /// A sentence over the list, if any.
    pub summary: Option<String>,
    /// The entries, in order.
    pub entries: Vec<IndexEntry>,
}

/// A whole index page: title and meta, the heading, then the entries once `index` loads.
#[component]
pub fn IndexPage(
    /// Heading and page title.
    title: &'static str,
    /// Meta description, also shown under the heading.
    description: &'static str,
    /// The page's path, for the social tags.
    path: String,
    /// The loaded index.
    index: Content<Index>,
    /// A modifier class for the list (e.g. narrower columns for years).
    #[prop(optional)]
    list_class: &'static str,
) -> impl IntoView {
    view! {
        <PageHead meta=PageMeta::page(title, description, path)/>
        <header class="listing-header">
            <h1 tabindex="-1">{title}</h1>
            <p class="listing-header__description">{description}</p>
        </header>
        // A plain reactive block, not Suspense: this page needs no more, and Suspense's
        // generic machinery costs the app kilobytes per distinct use.
        {move || match index.get() {
            None => view! { <Loading lines=12/> }.into_any(),
            Some(Ok(i)) => {
                let items = i
                    .entries
                    .into_iter()
                    .map(|e| view! {
                        <li class="index-list__item">
                            <h2 class="index-list__name"><A href=e.href>{e.name}</A></h2>
                            {e.count.map(|c| view! { <p class="index-list__count">{c}</p> })}
                            {e.description.map(|d| view! { <p class="index-list__description">{d}</p> })}
                        </li>
                    })
                    .collect_view();
                view! {
                    {i.summary.map(|s| view! { <p class="index-summary">{s}</p> })}
                    <ul class=format!("index-list {list_class}")>{items}</ul>
                }
                .into_any()
            }
            Some(Err(e)) => view! { <ContentErrorView error=e on_retry=move |_| index.refetch()/> }.into_any(),
        }}
    }
}
