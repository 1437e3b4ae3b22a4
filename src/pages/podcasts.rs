//! Podcasts (`/podcasts`): every show with its artwork, its hosts and its newest episodes.

use crate::api;
use crate::components::byline::Byline;
use crate::components::image::BucketImage;
use crate::components::listing::ListingView;
use crate::components::loaded::{Loaded, Missing};
use crate::components::page_head::PageHead;
use crate::hooks::use_content::use_content;
use crate::routes::AppRoute;
use leptos::prelude::*;
use leptos_router::components::A;
use model::head::PageMeta;
use model::{AuthorRef, ShowCard};

/// The page's meta description.
pub const DESCRIPTION: &str =
    "Convergence’s podcasts: every show, its hosts and its newest episodes.";

/// "Hosted by A and B", each name a link to the host's contributor page.
#[component]
pub fn Hosts(hosts: Vec<AuthorRef>) -> impl IntoView {
    (!hosts.is_empty())
        .then(|| view! { <p class="show__hosts"><Byline authors=hosts prefix="Hosted by "/></p> })
}

/// The podcasts index.
#[component]
pub fn PodcastsPage() -> impl IntoView {
    let podcasts = use_content(api::podcasts);
    view! {
        <PageHead meta=PageMeta::page("Podcasts", DESCRIPTION, AppRoute::Podcasts.href())/>
        <header class="listing-header">
            <h1 tabindex="-1">"Podcasts"</h1>
            <p class="listing-header__description">{DESCRIPTION}</p>
        </header>
        <Loaded resource=podcasts lines=16 missing=Missing::Error let:p>
            {p.shows.is_empty().then(|| view! { <p class="listing__empty">"No shows yet."</p> })}
            <ul class="show-list">
                {p.shows.into_iter().map(|card| view! { <ShowEntry card=card/> }).collect_view()}
            </ul>
        </Loaded>
    }
}

/// One show on the index: artwork, title, hosts, description, newest episodes.
#[component]
fn ShowEntry(card: ShowCard) -> impl IntoView {
    let ShowCard { show, latest } = card;
    let href = AppRoute::show(show.slug.clone()).href();
    let title = show.title.clone();
    let count = crate::format::episodes(show.episode_count);
    view! {
        <li class="show">
            <BucketImage image=show.artwork class="show__artwork" sizes="10rem" lazy=true/>
            <div class="show__body">
                <h2 class="show__title"><A href=href.clone()>{show.title}</A></h2>
                <Hosts hosts=show.hosts/>
                <p class="show__description">{show.description}</p>
                <p class="show__count"><A href=href>{format!("All {count} of {}", title.clone())}</A></p>
            </div>
            {(!latest.is_empty()).then(|| view! {
                <section class="show__latest" aria-label=format!("Newest episodes of {title}")>
                    <ListingView articles=latest/>
                </section>
            })}
        </li>
    }
}
