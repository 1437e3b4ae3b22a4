//! `Suspense` and `Transition` as the app uses them. At build time every load has already
//! finished, so they render their children: the page itself, never the placeholder.

#[cfg(not(feature = "prerender"))]
pub use leptos::prelude::{Suspense, Transition};

#[cfg(feature = "prerender")]
mod settled {
    use leptos::children::{TypedChildren, ViewFnOnce};
    use leptos::prelude::*;

    /// Renders its children: at build time nothing is pending.
    #[component]
    pub fn Suspense<Chil>(
        #[prop(optional, into)]
        #[allow(unused_variables)]
        fallback: ViewFnOnce,
        children: TypedChildren<Chil>,
    ) -> impl IntoView
    where
        Chil: IntoView + Send + 'static,
    {
        children.into_inner()()
    }
}

#[cfg(feature = "prerender")]
// A transition is a suspense that keeps the old view while loading: at build time, the same.
pub use settled::{Suspense, Suspense as Transition};
