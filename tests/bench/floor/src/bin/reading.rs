//! Router + a JSON article decoded with serde_json + its Markdown body rendered by pulldown-cmark.
use leptos::prelude::*;
use leptos_router::{components::*, hooks::use_params_map, path};

#[component]
fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    move || params.with(|p| leptos_floor::article_view(&p.get("slug").unwrap_or_default()))
}

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/") view=|| view! { <A href="/articles/x">"x"</A> }/>
                    <Route path=path!("/articles/:slug") view=ArticlePage/>
                </Routes>
            </Router>
        }
    })
}
