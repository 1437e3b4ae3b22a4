//! A byline whose every name links to the contributor's page: "A, B and C".

use crate::routes::AppRoute;
use leptos::prelude::*;
use leptos_router::components::A;
use model::AuthorRef;

/// "By A, B and C" (or another `prefix`, e.g. "Hosted by "), each name a link.
#[component]
pub fn Byline(
    authors: Vec<AuthorRef>,
    #[prop(default = "By ")] prefix: &'static str,
) -> impl IntoView {
    let n = authors.len();
    let names = authors
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            let href = AppRoute::contributor(a.slug).href();
            view! {
                {model::text::name_separator(i, n)}
                <A href=href attr:class="byline__name">{a.name}</A>
            }
        })
        .collect_view();
    view! { <span class="byline">{prefix} {names}</span> }
}
