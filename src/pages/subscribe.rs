//! `/subscribe`: what subscribers get, the full form, and how to support the magazine.

use crate::components::loaded::{Loaded, Missing};
use crate::components::page_head::PageHead;
use crate::components::subscribe_form::SubscribeForm;
use crate::hooks::use_site::use_site;
use crate::routes::AppRoute;
use crate::subscribe::form::Variant;
use leptos::prelude::*;
use model::head::PageMeta;
use model::Site;

/// The id of the support section, the target of `site.support`'s default link.
pub const SUPPORT_ANCHOR: &str = "support";

/// The page's meta description (the pitch from `site.json` is shown on the page).
pub const DESCRIPTION: &str = "Get Convergence’s articles, videos and podcasts by email.";

/// The subscribe page.
#[component]
pub fn SubscribePage() -> impl IntoView {
    let site = use_site();
    view! {
        <PageHead meta=PageMeta::page("Subscribe", DESCRIPTION, AppRoute::Subscribe.href())/>
        <Loaded resource=site lines=16 missing=Missing::Error let:s>
            <SubscribeView site=s/>
        </Loaded>
    }
}

/// Whether a support link points back at this page's own support section (then there
/// is nowhere else to send readers, and the section says how to give instead).
pub fn links_here(url: &str) -> bool {
    let (path, fragment) = url.split_once('#').unwrap_or((url, ""));
    let path = path.trim_end_matches('/');
    (path.is_empty() || path == "/subscribe") && (fragment.is_empty() || fragment == SUPPORT_ANCHOR)
}

/// The page's content once `site.json` is here.
#[component]
fn SubscribeView(site: Site) -> impl IntoView {
    let Site {
        subscribe,
        support,
        fiscal_sponsor,
        contact,
        ..
    } = site;
    // An unsafe support URL (a compromised bucket) falls back to writing in, like a local one.
    let support_href = model::url::safe_url(&support.url).map(str::to_owned);
    let donate = if links_here(&support.url) || support_href.is_none() {
        let mailto = format!("mailto:{}", contact.email);
        view! {
            <p>"To give, write to " {contact.label} " at " <a href=mailto>{contact.email}</a> "."</p>
        }
        .into_any()
    } else {
        view! { <p><a class="button" href=support_href>{support.label.clone()}</a></p> }.into_any()
    };
    // The section appears only once site.json has loaded, after the browser gave up on the
    // fragment: bring it into view ourselves when the reader came for it.
    Effect::new(move |_| {
        let wants_support = crate::browser::window()
            .and_then(|w| w.location().hash().ok())
            .is_some_and(|h| h == format!("#{SUPPORT_ANCHOR}"));
        if wants_support {
            request_animation_frame(|| {
                if let Some(el) = crate::browser::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(SUPPORT_ANCHOR))
                {
                    el.scroll_into_view();
                }
            });
        }
    });
    view! {
        <article class="page subscribe-page">
            <h1 tabindex="-1">"Subscribe"</h1>
            <p class="subscribe-page__pitch">{subscribe.pitch.clone()}</p>
            <SubscribeForm config=subscribe variant=Variant::Full/>
            <section id=SUPPORT_ANCHOR class="support" aria-labelledby="support-heading">
                <h2 id="support-heading">{support.label}</h2>
                <p class="support__sponsor">{fiscal_sponsor}</p>
                {donate}
            </section>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn support_links_to_this_page_are_recognised() {
        assert!(links_here("/subscribe#support"));
        assert!(links_here("/subscribe/"));
        assert!(links_here("#support"));
        assert!(!links_here("https://donate.example.org/convergence"));
        assert!(!links_here("/support"));
        assert!(!links_here("/subscribe#other"));
    }
}
