//! The site footer: secondary links, republication policy, contact and the fiscal-sponsor line.

use crate::components::content_error::ContentErrorView;
use crate::components::subscribe_form::SubscribeSection;
use crate::hooks::use_site::use_site;
use crate::routes::AppRoute;
use leptos::prelude::*;
use leptos_router::components::A;

/// Footer with the fiscal-sponsor line, republication link and contact from `site.json`.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    let body = move || {
        site.get().map(|r| match r {
            Ok(s) => {
                let policy = AppRoute::Page(s.republication.page).href();
                let has_policy = s.secondary_navigation.iter().any(|l| l.url == policy);
                let links = s
                    .secondary_navigation
                    .into_iter()
                    // A link with a script or data URL (a compromised bucket) is left out.
                    .filter_map(|l| {
                        let href = model::url::safe_url(&l.url)?.to_owned();
                        Some(view! { <li><A href=href>{l.label}</A></li> })
                    })
                    .collect_view();
                let mailto = format!("mailto:{}", s.contact.email);
                view! {
                    <nav aria-label="Footer">
                        <ul class="footer-links">
                            {links}
                            {(!has_policy).then(|| view! { <li><A href=policy>"Republication policy"</A></li> })}
                            <li><A href=AppRoute::Saved.href()>"Saved articles"</A></li>
                        </ul>
                    </nav>
                    <p class="footer-contact">
                        "Contact " {s.contact.label} ": " <a href=mailto>{s.contact.email}</a>
                    </p>
                    <p class="footer-text">{s.footer_text}</p>
                    <p class="footer-sponsor">{s.fiscal_sponsor}</p>
                }
                .into_any()
            }
            Err(e) => view! { <ContentErrorView error=e on_retry=move |_| site.refetch()/> }.into_any(),
        })
    };
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p class="site-footer__name">"Convergence"</p>
                {body}
                <SubscribeSection variant=crate::subscribe::form::Variant::Short/>
            </div>
        </footer>
    }
}
