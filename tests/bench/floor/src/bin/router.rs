use leptos::prelude::*;
use leptos_router::{components::*, path};
fn main() {
    leptos::mount::mount_to_body(|| {
        let (n, set_n) = signal(0);
        view! {
            <Router>
                <nav><A href="/">"Home"</A><A href="/about">"About"</A></nav>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/") view=move || view! { <button on:click=move |_| set_n.update(|n| *n += 1)>"Clicked " {n}</button> }/>
                    <Route path=path!("/about") view=|| view! { <p>"About"</p> }/>
                </Routes>
            </Router>
        }
    })
}
