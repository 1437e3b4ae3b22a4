//! The preview's frames: the live frame that follows the editor's saved work, and the three
//! widths side by side with text size and colour scheme applied to each.

use super::draft_check::check_draft;
use super::mode::Target;
use super::saved::{load_saved, StoredDraft, DRAFT_KEY};
use super::{load_known, PreviewBanner};
use crate::components::{content_error::ContentErrorView, loading::Loading};
use crate::pages::article::ArticleView;
use leptos::prelude::*;
use model::Article;
use std::time::Duration;

/// Frame widths in CSS pixels: a phone, a tablet and a desktop.
pub const FRAME_WIDTHS: [u32; 3] = [375, 768, 1280];
/// Frame height in CSS pixels (about one desktop screen).
pub const FRAME_HEIGHT: u32 = 900;
/// Space between frames in CSS pixels.
pub const FRAME_GAP: u32 = 16;

/// The scale (at most 1) that fits frames of `widths` with `gap` between them into `available` px.
pub fn fit_scale(available: f64, widths: &[u32], gap: u32) -> f64 {
    let total: u32 = widths.iter().sum::<u32>() + gap * widths.len().saturating_sub(1) as u32;
    if total == 0 || available <= 0.0 {
        return 1.0;
    }
    (available / f64::from(total)).min(1.0)
}

/// The text sizes staff can apply to the frames: every step of the reader's control.
pub fn text_size_steps() -> Vec<String> {
    crate::hooks::use_text_size::STEPS
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
}

/// `/preview/?frame=live`: the editor's saved work as its article page, following each save.
#[component]
pub fn LiveFrame() -> impl IntoView {
    let known = LocalResource::new(load_known);
    let stored = RwSignal::new(load_saved().ok().flatten());
    let handle = window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
        if e.key().as_deref() == Some(DRAFT_KEY) {
            stored.set(e.new_value().and_then(|v| StoredDraft::from_json(&v)));
        }
    });
    on_cleanup(move || handle.remove());
    // While the text has errors that stop it rendering, the last good render stays.
    let article = Memo::new(move |prev: Option<&Option<Article>>| {
        let fresh = (|| {
            let known = known.get()?.ok()?;
            let draft = stored.get()?;
            check_draft(&draft.text, &draft.slug, &known).article
        })();
        fresh.or_else(|| prev.cloned().flatten())
    });
    view! {
        <PreviewBanner/>
        {move || match (article.get(), known.get()) {
            (Some(a), _) => view! { <ArticleView article=a/> }.into_any(),
            (None, Some(Err(e))) => view! { <ContentErrorView error=e on_retry=move |_| known.refetch()/> }.into_any(),
            (None, None) => view! { <Loading lines=30/> }.into_any(),
            (None, Some(Ok(_))) => view! {
                <section class="page">
                    <h1 tabindex="-1">"Nothing to show yet"</h1>
                    <p>"The draft needs a title, dek, published date, authors and topics before it can be shown; the editor lists what is missing."</p>
                </section>
            }
            .into_any(),
        }}
    }
}

/// The three widths, with text size and colour scheme applied to every frame (not saved as
/// the reader's own preference: they are set on each frame's `<html>` once its app is up).
#[component]
pub fn SideBySide(target: Target) -> impl IntoView {
    let src = target.frame_src();
    let size = RwSignal::new("100".to_owned());
    let dark = RwSignal::new(false);
    let scale = RwSignal::new(1.0f64);
    let row_height = RwSignal::new(f64::from(FRAME_HEIGHT) + 40.0);
    let viewport = NodeRef::<leptos::html::Div>::new();
    let row = NodeRef::<leptos::html::Div>::new();
    let frames: [NodeRef<leptos::html::Iframe>; 3] = std::array::from_fn(|_| NodeRef::new());

    let fit = move || {
        if let Some(el) = viewport.get_untracked() {
            scale.set(fit_scale(
                f64::from(el.client_width()),
                &FRAME_WIDTHS,
                FRAME_GAP,
            ));
        }
        if let Some(el) = row.get_untracked() {
            row_height.set(f64::from(el.offset_height()));
        }
    };
    Effect::new(move |_| {
        if viewport.get().is_some() {
            fit();
        }
    });
    let on_resize = window_event_listener(leptos::ev::resize, move |_| fit());

    let apply = move || {
        let size = size.get_untracked();
        let theme = if dark.get_untracked() {
            "dark"
        } else {
            "light"
        };
        for frame in &frames {
            let Some(doc) = frame.get_untracked().and_then(|f| f.content_document()) else {
                continue;
            };
            // Only once the frame's app is up: it would otherwise save our size as the reader's.
            let mounted = doc
                .body()
                .is_some_and(|b| b.has_attribute("data-app-mounted"));
            let Some(root) = doc.document_element().filter(|_| mounted) else {
                continue;
            };
            if root.get_attribute("data-text-size").as_deref() != Some(size.as_str()) {
                let _ = root.set_attribute("data-text-size", &size);
            }
            if root.get_attribute("data-theme").as_deref() != Some(theme) {
                let _ = root.set_attribute("data-theme", theme);
            }
        }
    };
    // Frames load, reload and navigate on their own time: keep them in step.
    let ticker = set_interval_with_handle(apply, Duration::from_millis(200)).ok();
    Effect::new(move |_| {
        size.track();
        dark.track();
        apply();
    });
    on_cleanup(move || {
        on_resize.remove();
        if let Some(t) = ticker {
            t.clear();
        }
    });

    let options = text_size_steps()
        .into_iter()
        .map(|v| {
            let selected = v == "100";
            view! { <option value=v.clone() selected=selected>{format!("{v}%")}</option> }
        })
        .collect_view();
    let open_href = src.clone();
    let figures = FRAME_WIDTHS
        .iter()
        .zip(frames)
        .map(|(&w, node)| {
            view! {
                <figure class="sizes__frame">
                    <figcaption>{format!("{w} px")}</figcaption>
                    <iframe node_ref=node title=format!("Preview at {w} px") src=src.clone()
                        width=w height=FRAME_HEIGHT
                        // Through the style API, not a style attribute: the CSP has no 'unsafe-inline'.
                        style:width=format!("{w}px") style:height=format!("{FRAME_HEIGHT}px")></iframe>
                </figure>
            }
        })
        .collect_view();
    view! {
        <section class="sizes" aria-labelledby="sizes-heading">
            <h2 id="sizes-heading">"At 375, 768 and 1280 px"</h2>
            <div class="sizes__controls">
                <label>"Text size in the frames "
                    <select on:change=move |ev| size.set(event_target_value(&ev))>{options}</select>
                </label>
                <label>"Colour scheme in the frames "
                    <select on:change=move |ev| dark.set(event_target_value(&ev) == "dark")>
                        <option value="light" selected=true>"Light"</option>
                        <option value="dark">"Dark"</option>
                    </select>
                </label>
                <a href=open_href target="_blank" rel="noopener">"Open in a new tab"</a>
            </div>
            <div class="sizes__viewport" node_ref=viewport
                style:height=move || format!("{:.0}px", row_height.get() * scale.get())>
                <div class="sizes__row" node_ref=row
                    style:gap=format!("{FRAME_GAP}px")
                    style:transform=move || format!("scale({})", scale.get())>
                    {figures}
                </div>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_scale_down_only() {
        let total = 375.0 + 768.0 + 1280.0 + 32.0;
        assert_eq!(fit_scale(5000.0, &FRAME_WIDTHS, FRAME_GAP), 1.0);
        assert!((fit_scale(total / 2.0, &FRAME_WIDTHS, FRAME_GAP) - 0.5).abs() < 1e-9);
        assert_eq!(fit_scale(0.0, &FRAME_WIDTHS, FRAME_GAP), 1.0);
    }

    #[test]
    fn every_text_size_step_is_offered() {
        assert_eq!(
            text_size_steps(),
            ["87.5", "100", "112.5", "125", "150", "175", "200"]
        );
    }
}
