//! One way to show loaded content: a placeholder that holds the space while it loads, the
//! 404 page when it does not exist, the error with a retry when it failed, the content once
//! it is here.

use crate::components::{content_error::ContentErrorView, loading::Loading};
use crate::error::ContentError;
use crate::pages::not_found::NotFound;
use leptos::prelude::*;

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

/// What a finished load shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome<T> {
    /// The content.
    Loaded(T),
    /// The 404 page, with a retry or without.
    NotFound {
        /// Whether to offer "Try again".
        retry: bool,
    },
    /// The error message, with a retry.
    Failed(ContentError),
}

/// Decides what a finished load shows.
pub fn outcome<T>(result: Result<T, ContentError>, missing: Missing) -> Outcome<T> {
    match result {
        Ok(value) => Outcome::Loaded(value),
        Err(e) if e.is_not_found() && missing != Missing::Error => Outcome::NotFound {
            retry: missing == Missing::NotYetUploaded,
        },
        Err(e) => Outcome::Failed(e),
    }
}

/// Shows `resource`: [`Loading`] of `lines` lines while it loads, then `children` with the
/// value, the 404 page or the error; both failures offer a retry that loads it again.
#[component]
pub fn Loaded<T, F, V>(
    resource: LocalResource<Result<T, ContentError>>,
    #[prop(default = 6)] lines: usize,
    #[prop(default = "Loading…")] label: &'static str,
    #[prop(optional)] missing: Missing,
    children: F,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let children = StoredValue::new(children);
    let retry = move |_| resource.refetch();
    view! {
        <Suspense fallback=move || view! { <Loading lines=lines label=label/> }>
            {move || Suspend::new(async move {
                match outcome(resource.await, missing) {
                    Outcome::Loaded(value) => children.with_value(|show| show(value)).into_any(),
                    Outcome::NotFound { retry: true } => view! { <NotFound on_retry=retry/> }.into_any(),
                    Outcome::NotFound { retry: false } => view! { <NotFound/> }.into_any(),
                    Outcome::Failed(e) => view! { <ContentErrorView error=e on_retry=retry/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes() {
        let missing = || ContentError::NotFound {
            file: "a.json".into(),
        };
        let down = ContentError::Server {
            file: "a.json".into(),
            status: 503,
        };
        assert_eq!(outcome(Ok(1), Missing::NotYetUploaded), Outcome::Loaded(1));
        assert_eq!(
            outcome::<u8>(Err(missing()), Missing::NotYetUploaded),
            Outcome::NotFound { retry: true }
        );
        assert_eq!(
            outcome::<u8>(Err(missing()), Missing::NoSuchPage),
            Outcome::NotFound { retry: false }
        );
        assert_eq!(
            outcome::<u8>(Err(missing()), Missing::Error),
            Outcome::Failed(missing())
        );
        for missing in [Missing::NotYetUploaded, Missing::NoSuchPage, Missing::Error] {
            assert_eq!(
                outcome::<u8>(Err(down.clone()), missing),
                Outcome::Failed(down.clone())
            );
        }
    }
}
