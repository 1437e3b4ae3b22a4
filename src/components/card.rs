//! The one article card, used on every listing (home, topics, archive, contributors).

use crate::components::byline::Byline;
use crate::format;
use crate::routes::AppRoute;
use leptos::prelude::*;
use leptos_router::components::A;
use model::{ArticleSummary, Image};

/// `srcset` for an image's extra sizes (empty when it has none).
pub fn srcset(image: &Image) -> String {
    image
        .srcset
        .iter()
        .filter_map(|s| Some(format!("{} {}w", crate::api::asset_url(&s.src)?, s.width)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An article card: image, topic, title, dek, byline, date and reading time.
#[component]
pub fn ArticleCard(article: ArticleSummary, #[prop(optional)] lead: bool) -> impl IntoView {
    let href = AppRoute::Article(article.slug.clone()).href();
    // Hovering or focusing a card fetches its article, so following the link costs no wait.
    let slug = article.slug.clone();
    let prefetch = move || crate::api::prefetch_article(&slug);
    let prefetch_on_focus = prefetch.clone();
    let topic = article.topics.first().cloned();
    let date = format::date_local(article.published_at);
    let image = article.feature_image.clone().and_then(|img| {
        let set = srcset(&img);
        let src = crate::api::asset_url(&img.src)?;
        Some(view! {
            <img class="card__image" src=src srcset=(!set.is_empty()).then_some(set)
                sizes="(min-width: 60rem) 30rem, 100vw" alt=img.alt.clone()
                width=img.width height=img.height loading="lazy" decoding="async"/>
        })
    });
    let heading = if lead {
        view! { <h2 class="card__title card__title--lead"><A href=href>{article.title}</A></h2> }
            .into_any()
    } else {
        view! { <h3 class="card__title"><A href=href>{article.title}</A></h3> }.into_any()
    };
    view! {
        <article class="card" class:card--lead=lead
            on:mouseenter=move |_| prefetch() on:focusin=move |_| prefetch_on_focus()>
            {image}
            <div class="card__body">
                {topic.map(|t| view! {
                    <p class="card__topic"><A href=AppRoute::topic(t.slug).href()>{t.name}</A></p>
                })}
                {heading}
                <p class="card__dek">{article.dek}</p>
                <p class="card__meta">
                    <Byline authors=article.authors/>
                    <span class="card__sep" aria-hidden="true">" · "</span>
                    <time datetime=article.published_at.to_string()>{date}</time>
                    <span class="card__sep" aria-hidden="true">" · "</span>
                    <span>{format::reading_time(article.reading_time)}</span>
                </p>
            </div>
        </article>
    }
}
