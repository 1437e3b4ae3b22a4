//! The articles saved on this device, each with a link and a remove button: the saved page's
//! body, and what an unsaved article offers when the reader is offline. Plain links (the
//! router takes their clicks in the app), so the embed entry, which shares the error view,
//! carries no router for them.

use crate::offline::{self, OfflineError, SavedList};
use crate::routes::AppRoute;
use leptos::prelude::*;
use model::Slug;

/// The saved articles, newest first, and the storage they take.
#[component]
pub fn SavedArticles() -> impl IntoView {
    let list: RwSignal<Option<Result<SavedList, OfflineError>>> = RwSignal::new(None);
    let load = move || {
        leptos::task::spawn_local(async move { list.set(Some(offline::list().await)) });
    };
    if crate::browser::window().is_some() {
        load();
    }
    let remove = move |slug: Slug| {
        leptos::task::spawn_local(async move {
            match offline::remove(&slug).await {
                Ok(()) => load(),
                Err(e) => list.set(Some(Err(e))),
            }
        });
    };
    move || {
        match list.get() {
        None => view! { <p class="saved__status">"Looking for saved articles…"</p> }.into_any(),
        Some(Err(e)) => view! { <p class="saved__status" role="alert">{e.to_string()}</p> }.into_any(),
        Some(Ok(l)) if l.items.is_empty() => view! {
            <p class="saved__status">"No articles are saved on this device yet. Use “Save for offline” on an article to keep it here."</p>
        }
        .into_any(),
        Some(Ok(l)) => {
            let line = offline::storage_line(&l);
            let items = l
                .items
                .into_iter()
                .map(|a| {
                    let label = format!("Remove “{}” from this device", a.title);
                    let slug = a.slug.clone();
                    view! {
                        <li>
                            <a href=AppRoute::Article(a.slug).href()>{a.title}</a>
                            " "<span class="saved__size">{crate::format::bytes(a.bytes)}</span>" "
                            <button type="button" class="share__button" aria-label=label
                                on:click=move |_| remove(slug.clone())>"Remove"</button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p class="saved__status">{line}</p>
                <ul class="saved__list">{items}</ul>
            }
            .into_any()
        }
    }
    }
}
