//! A polite live region that says which page an in-app navigation opened.

use crate::hooks::use_route_focus::use_route_focus;
use leptos::prelude::*;

/// Focuses the new page's heading on navigation and announces the page.
#[component]
pub fn RouteAnnouncer() -> impl IntoView {
    let message = use_route_focus();
    view! { <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">{message}</p> }
}
