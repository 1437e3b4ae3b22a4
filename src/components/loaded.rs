//! One way to show loaded content: a placeholder that holds the space while it loads, the
//! 404 page when it does not exist, the error with a retry when it failed, the content once
//! it is here.

use crate::components::suspense::Suspense;
use crate::components::{content_error::ContentErrorView, loading::Loading};
use crate::error::ContentError;
use crate::hooks::use_content::Content;
use crate::pages::not_found::NotFound;
use leptos::prelude::*;
use std::sync::Arc;

/// What a missing file means where it is loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Missing {
    /// A route of its own (an article, a topic): the 404 page, with a retry, since a link on
    /// the site may point at a file still being uploaded.
    #[default]
    NotYetUploaded,
    /// Where every unknown path lands (static pages at the top level): the plain 404 page.
    NoSuchPage,
    /// Something that always exists (the latest articles, the masthead): the error, with a retry.
    Error,
}

/// What a failed load shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The 404 page, with a retry or without.
    NotFound {
        /// Whether to offer "Try again".
        retry: bool,
    },
    /// The error message, with a retry.
    Error(ContentError),
}

/// Decides what a failed load shows.
pub fn failure(error: ContentError, missing: Missing) -> Failure {
    match missing {
        Missing::NotYetUploaded if error.is_not_found() => Failure::NotFound { retry: true },
        Missing::NoSuchPage if error.is_not_found() => Failure::NotFound { retry: false },
        _ => Failure::Error(error),
    }
}

/// Shows `resource`: [`Loading`] of `lines` lines while it loads, then `children` with the
/// value, the 404 page or the error; both failures offer a retry that loads it again.
#[component]
pub fn Loaded<T, F, V>(
    resource: Content<T>,
    #[prop(default = 6)] lines: usize,
    #[prop(default = "Loading…")] label: &'static str,
    #[prop(optional)] missing: Missing,
    children: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // An Arc rather than a StoredValue: calling through the arena's lock in every page's
    // copy of this component costs more wasm than a reference count.
    let children = Arc::new(children);
    let retry = Callback::new(move |_| resource.refetch());
    let content = move || {
        let children = Arc::clone(&children);
        Suspend::new(async move {
            match resource.await {
                Ok(value) => children(value).into_any(),
                Err(e) => failure_view(failure(e, missing), retry),
            }
        })
    };
    view! {
        <Suspense fallback=move || loading_view(lines, label)>
            {content}
        </Suspense>
    }
}

/// The placeholder, outside the generic component so every page shares its code.
fn loading_view(lines: usize, label: &'static str) -> AnyView {
    view! { <Loading lines=lines label=label/> }.into_any()
}

/// The 404 page or the error, outside the generic component so every page shares its code
/// (inlined into each page's copy it would cost kilobytes of wasm).
#[inline(never)]
fn failure_view(failure: Failure, retry: Callback<()>) -> AnyView {
    match failure {
        Failure::NotFound { retry: true } => view! { <NotFound on_retry=retry/> }.into_any(),
        Failure::NotFound { retry: false } => view! { <NotFound/> }.into_any(),
        // Offline, what the reader can read instead: what is saved on this device.
        Failure::Error(ContentError::NotSaved) => view! {
            <ContentErrorView error=ContentError::NotSaved on_retry=retry/>
            <section class="saved-instead" aria-labelledby="saved-instead-heading">
                <h2 id="saved-instead-heading">"Saved on this device"</h2>
                <crate::components::saved_list::SavedArticles/>
            </section>
        }
        .into_any(),
        Failure::Error(e) => view! { <ContentErrorView error=e on_retry=retry/> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures() {
        let missing = || ContentError::NotFound {
            file: "a.json".into(),
        };
        let down = ContentError::Server {
            file: "a.json".into(),
            status: 503,
        };
        assert_eq!(
            failure(missing(), Missing::NotYetUploaded),
            Failure::NotFound { retry: true }
        );
        assert_eq!(
            failure(missing(), Missing::NoSuchPage),
            Failure::NotFound { retry: false }
        );
        assert_eq!(
            failure(missing(), Missing::Error),
            Failure::Error(missing())
        );
        for where_ in [Missing::NotYetUploaded, Missing::NoSuchPage, Missing::Error] {
            assert_eq!(failure(down.clone(), where_), Failure::Error(down.clone()));
        }
    }
}
