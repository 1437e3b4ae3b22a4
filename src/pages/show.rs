//! A show (`/podcasts/:slug`): artwork, description, hosts, how to follow it in a podcast app,
//! and its episodes, paged with `?page=` like every listing.

use crate::api;
use crate::components::image::BucketImage;
use crate::components::page_head::PageHead;
use crate::components::{listing::LabelledListing, loaded::Loaded};
use crate::hooks::use_clipboard::use_clipboard;
use crate::hooks::use_content::use_content;
use crate::hooks::use_slug_param::use_slug_param;
use crate::pages::podcasts::Hosts;
use crate::routes::{parse_page, AppRoute};
use leptos::prelude::*;
use leptos_meta::Link;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use model::head::PageMeta;
use model::{paths, Listing, ListingScope, Show};

/// The show a listing belongs to, if it is a show's listing.
pub fn show_of(listing: &Listing) -> Option<&Show> {
    match &listing.scope {
        ListingScope::Show { show } => Some(show),
        _ => None,
    }
}

/// The feed's address as readers paste it: only http(s) URLs (the URL policy's external
/// links) are offered.
pub fn feed_address(show: &Show) -> Option<String> {
    let url = model::url::safe_url(&show.feed_url)?;
    (model::url::classify(url) == model::url::UrlKind::External).then(|| url.to_owned())
}

/// The show page; unknown shows show the 404 page.
#[component]
pub fn ShowPage() -> impl IntoView {
    let slug = use_slug_param();
    let query = use_query_map();
    let listing = use_content(move || {
        let slug = slug();
        let page = parse_page(query.read().get("page").as_deref());
        async move { api::show(slug?, page).await }
    });
    view! {
        <Loaded resource=listing lines=20 let:listing>
            <ShowView listing=listing/>
        </Loaded>
    }
}

/// One page of a show once it has loaded.
#[component]
fn ShowView(listing: Listing) -> impl IntoView {
    let Some(show) = show_of(&listing).cloned() else {
        return view! { <crate::pages::not_found::NotFound/> }.into_any();
    };
    let base = AppRoute::show(show.slug.clone()).href();
    let meta = PageMeta::page(show.title.clone(), show.description.clone(), base.clone());
    let feed = feed_address(&show);
    let title = show.title.clone();
    let clipboard = use_clipboard();
    // The head's link is the bucket's own copy of the feed, as the build writes it.
    let head_feed = format!("{}{}", api::content_base(), paths::show_feed(&show.slug));
    let follow = feed.map(|url| {
        let (for_copy, for_link, title) = (url.clone(), url.clone(), title.clone());
        view! {
            <Link rel="alternate" type_="application/rss+xml" title=title.clone() href=head_feed/>
            <section class="follow" aria-labelledby="podcast-follow-heading">
                <h2 id="podcast-follow-heading">"Follow in your podcast app"</h2>
                <p>"Copy this address into your podcast app (in most apps: “Add a show by URL” or “Follow a show by URL”)."</p>
                <div class="follow__row">
                    <label class="visually-hidden" for="podcast-feed-url">{format!("Feed address of {title}")}</label>
                    <input id="podcast-feed-url" class="follow__url" type="text" readonly value=url/>
                    <button type="button" class="button" on:click=move |_| clipboard.copy(
                        for_copy.clone(),
                        "Copied the feed address.".into(),
                        "Copying is not available here: select the address and copy it.".into(),
                    )>"Copy feed address"</button>
                </div>
                <p class="follow__status" role="status">{move || clipboard.status.get()}</p>
                <p><a href=for_link type="application/rss+xml">"Open the RSS feed"</a></p>
            </section>
        }
    });
    view! {
        <PageHead meta=meta/>
        <header class="show-header">
            <BucketImage image=show.artwork.clone() class="show-header__artwork" sizes="12rem"/>
            <div>
                <p class="listing-header__kind"><A href=AppRoute::Podcasts.href()>"Podcasts"</A></p>
                <h1 tabindex="-1">{show.title.clone()}</h1>
                <Hosts hosts=show.hosts.clone()/>
                <p class="listing-header__description">{show.description.clone()}</p>
                <p class="show__count">{crate::format::episodes(show.episode_count)}</p>
            </div>
        </header>
        {follow}
        <LabelledListing listing=listing base=base label=format!("Episodes of {title}")/>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{ContentAdvisory, Image, ShowType, Slug};

    fn show(feed: &str) -> Show {
        Show {
            slug: Slug::parse("black-work-talk").unwrap(),
            title: "Black Work Talk".into(),
            description: String::new(),
            hosts: Vec::new(),
            artwork: Image {
                src: "images/a.png".into(),
                alt: "a".into(),
                caption: None,
                credit: None,
                width: 1400,
                height: 1400,
                srcset: Vec::new(),
            },
            language: "en".into(),
            categories: Vec::new(),
            advisory: ContentAdvisory::Clean,
            show_type: ShowType::Episodic,
            feed_url: feed.into(),
            episode_count: 1,
        }
    }

    #[test]
    fn only_web_feeds_are_offered() {
        let ok = "https://convergencemag.com/content/podcasts/black-work-talk/feed.xml";
        assert_eq!(feed_address(&show(ok)).as_deref(), Some(ok));
        assert_eq!(feed_address(&show("javascript:alert(1)")), None);
        assert_eq!(feed_address(&show("/content/podcasts/x/feed.xml")), None);
    }
}
