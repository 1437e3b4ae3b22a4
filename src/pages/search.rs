//! Search (`/search?q=`): instant results as the reader types, from the bucket's index,
//! which is loaded only when search is used.

use crate::components::content_error::ContentErrorView;
use crate::components::page_head::PageHead;
use crate::components::suspense::Transition;
use crate::format;
use crate::hooks::use_content::use_content;
use crate::routes::AppRoute;
use crate::search::{self, Results};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use model::head::PageMeta;
use model::SearchDoc;
use std::time::Duration;

/// The page's meta description.
pub const DESCRIPTION: &str = "Search every article and contributor in Convergence.";

/// Waits this long after the last keystroke before searching.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// The sentence the status line reads out for a finished search.
pub fn summary(query: &str, results: &Results) -> String {
    let q = query.trim();
    match (results.terms.is_empty(), results.total) {
        (true, _) if q.is_empty() => String::new(),
        (true, _) => {
            format!("“{q}” is too short or too common to search for. Try a more specific word.")
        }
        (false, 0) => format!("No results for “{q}”."),
        (false, 1) => format!("1 result for “{q}”."),
        (false, n) if n > results.docs.len() => {
            format!(
                "{n} results for “{q}”; showing the best {}.",
                results.docs.len()
            )
        }
        (false, n) => format!("{n} results for “{q}”."),
    }
}

/// One search result: an article or a contributor.
#[component]
fn ResultItem(doc: SearchDoc) -> impl IntoView {
    match doc {
        SearchDoc::Article { slug, title, authors, published_at, excerpt } => view! {
            <li class="search-result">
                <p class="search-result__kind">"Article"</p>
                <h2 class="search-result__title"><A href=AppRoute::Article(slug).href()>{title}</A></h2>
                <p class="search-result__meta">
                    {(!authors.is_empty()).then(|| format!("By {} · ", model::text::byline(&authors)))}
                    <time datetime=published_at.to_string()>{format::date_local(published_at)}</time>
                </p>
                <p class="search-result__excerpt">{excerpt}</p>
            </li>
        }
        .into_any(),
        SearchDoc::Contributor { slug, name, summary } => view! {
            <li class="search-result">
                <p class="search-result__kind">"Contributor"</p>
                <h2 class="search-result__title"><A href=AppRoute::contributor(slug).href()>{name}</A></h2>
                <p class="search-result__excerpt">{summary}</p>
            </li>
        }
        .into_any(),
    }
}

/// The search page.
#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let results = use_content(move || {
        let q = q();
        async move { search::search(&q).await.map(|r| (q, r)) }
    });
    let navigate = use_navigate();
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let navigate = navigate.clone();
        let handle = set_timeout_with_handle(
            move || {
                let href = AppRoute::Search(value.trim().to_owned()).href();
                // Replace, not push: typing should not fill the back button with prefixes.
                navigate(
                    &href,
                    NavigateOptions {
                        replace: true,
                        scroll: false,
                        ..Default::default()
                    },
                );
            },
            DEBOUNCE,
        )
        .ok();
        pending.set_value(handle);
    };
    let list = move || {
        results.get().map(|r| match r {
            Ok((q, res)) => {
                let status = summary(&q, &res);
                let items = res
                    .docs
                    .into_iter()
                    .map(|d| view! { <ResultItem doc=d/> })
                    .collect_view();
                view! {
                    <p class="search-status" role="status" aria-live="polite">{status}</p>
                    <ol class="search-results">{items}</ol>
                }
                .into_any()
            }
            Err(e) => {
                view! { <ContentErrorView error=e on_retry=move |_| results.refetch()/> }.into_any()
            }
        })
    };
    view! {
        <PageHead meta=PageMeta::page("Search", DESCRIPTION, AppRoute::Search(String::new()).href())/>
        <section class="search-page">
            <h1 tabindex="-1">"Search"</h1>
            <form role="search" class="search-form" action="/search" method="get"
                on:submit=|ev| ev.prevent_default()>
                <label for="search-q">"Search articles and contributors"</label>
                <input id="search-q" type="search" name="q" autocomplete="off" spellcheck="false"
                    prop:value=q on:input=on_input/>
            </form>
            <Transition fallback=|| view! { <p class="search-status" role="status" aria-live="polite"></p> }>
                {list}
            </Transition>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results(terms: &[&str], total: usize, shown: usize) -> Results {
        let doc = SearchDoc::Contributor {
            slug: model::Slug::parse("x").unwrap(),
            name: "X".into(),
            summary: String::new(),
        };
        Results {
            terms: terms.iter().map(|t| t.to_string()).collect(),
            docs: vec![doc; shown],
            total,
        }
    }

    #[test]
    fn summaries() {
        assert_eq!(summary("", &results(&[], 0, 0)), "");
        assert!(summary("the", &results(&[], 0, 0)).contains("too short or too common"));
        assert_eq!(
            summary("power", &results(&["power"], 0, 0)),
            "No results for “power”."
        );
        assert_eq!(
            summary("power", &results(&["power"], 1, 1)),
            "1 result for “power”."
        );
        assert_eq!(
            summary(" power ", &results(&["power"], 3, 3)),
            "3 results for “power”."
        );
        assert_eq!(
            summary("a", &results(&["a"], 50, 30)),
            "50 results for “a”; showing the best 30."
        );
    }
}
