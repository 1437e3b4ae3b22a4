//! The one article card, used on every listing (home, topics, archive, contributors).

use crate::components::byline::Byline;
use crate::components::image::BucketImage;
use crate::format;
use crate::hooks::use_prefetch::use_prefetch;
use crate::routes::AppRoute;
use leptos::prelude::*;
use leptos_router::components::A;
use model::ArticleSummary;

/// An article card: image, topic, title, dek, byline, date and reading time.
#[component]
pub fn ArticleCard(article: ArticleSummary, #[prop(optional)] lead: bool) -> impl IntoView {
    let href = AppRoute::Article(article.slug.clone()).href();
    // Hovering or focusing a card fetches its article, so following the link costs no wait.
    let (slug, warm) = (article.slug.clone(), use_prefetch());
    let prefetch = move || warm(slug.clone());
    let prefetch_on_focus = prefetch.clone();
    let topic = article.topics.first().cloned();
    let date = format::date_local(article.published_at);
    let image = article.feature_image.clone().map(|img| {
        view! { <BucketImage image=img class="card__image" sizes="(min-width: 60rem) 30rem, 100vw" lazy=true/> }
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
