//! The layout lab (`/preview/lab`, docs/preview.md): staff try a candidate stylesheet against
//! real pages in two same-origin frames, before and after, and get a list of what it moved and
//! what it broke (overflow, clipping, overlaps, contrast, touch targets) at every chosen width,
//! text size and colour scheme. The candidate only ever lives in those frames.

pub mod findings;
pub mod probe;
pub mod settings;

use super::files::{download_text, read_chosen_file};
use super::PreviewBanner;
use crate::api::{self, ContentError};
use crate::hooks::use_clipboard::use_clipboard;
use findings::{compare, grouped, Finding, Locator, Snapshot};
use leptos::prelude::*;
use leptos_meta::Title;
use probe::ProbeError;
use settings::{CssMode, LabPage, LabSettings, Scheme, SIZES, WIDTHS};
use wasm_bindgen::JsValue;
use web_sys::HtmlIFrameElement;

/// Frame height in CSS pixels (about one screen).
pub const LAB_FRAME_HEIGHT: u32 = 800;
/// Findings listed per group before the rest are counted.
pub const LIST_LIMIT: usize = 25;

/// One before-and-after pair: a page at a width, text size and colour scheme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Combo {
    /// The page.
    pub page: LabPage,
    /// Frame width, CSS px.
    pub width: u32,
    /// Text size, percent.
    pub size: String,
    /// Colour scheme.
    pub scheme: Scheme,
}

impl Combo {
    /// "Home at 320 px, 200%, dark".
    pub fn label(&self) -> String {
        format!(
            "{} at {} px, {}%, {}",
            self.page.label(),
            self.width,
            self.size,
            self.scheme.as_str()
        )
    }

    /// Every pair a check compares, page by page (so each page loads once).
    pub fn all(s: &LabSettings) -> Vec<Combo> {
        let mut out = Vec::new();
        for page in &s.pages {
            for &width in &s.widths {
                for size in &s.sizes {
                    for &scheme in &s.schemes {
                        out.push(Combo {
                            page: page.clone(),
                            width,
                            size: size.clone(),
                            scheme,
                        });
                    }
                }
            }
        }
        out
    }
}

/// What one pair gave: its findings, or why it could not be checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The pair.
    pub combo: Combo,
    /// Findings, or the reason the frames could not be compared.
    pub outcome: Result<Vec<Finding>, String>,
}

/// The summary line after a check.
pub fn summary(results: &[Checked], threshold: u32) -> String {
    let total = results.len();
    let failed = results.iter().filter(|r| r.outcome.is_err()).count();
    let flagged = results
        .iter()
        .filter(|r| r.outcome.as_ref().is_ok_and(|f| !f.is_empty()))
        .count();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if failed == 0 && flagged == 0 {
        return format!(
            "All clear: in {total} combination{}, nothing moved or resized by more than {threshold} px, \
             nothing overflowed, was clipped or overlapped, and axe-core found no new contrast or \
             touch-target problem.",
            plural(total)
        );
    }
    let mut parts = Vec::new();
    if flagged > 0 {
        parts.push(format!(
            "{flagged} of {total} combination{} changed",
            plural(total)
        ));
    }
    if failed > 0 {
        parts.push(format!("{failed} could not be checked"));
    }
    format!("{}.", parts.join("; "))
}

/// The pages a first visit checks: home, the newest article (the lead of the front page),
/// the longest article and a contributor page.
async fn default_pages() -> Result<Vec<LabPage>, ContentError> {
    let first = api::home_page(1).await?;
    let mut summaries: Vec<model::ArticleSummary> =
        first.featured.into_iter().chain(first.articles).collect();
    let mut pages = vec![LabPage::Home];
    if let Some(newest) = summaries.first() {
        pages.push(LabPage::Article(newest.slug.clone()));
    }
    // The rest of the front page's listing, a few pages deep, for the longest article.
    for n in 2..=first.pagination.pages.min(5) {
        let more = api::home_page(n).await?;
        summaries.extend(more.articles);
    }
    if let Some(longest) = summaries.iter().max_by_key(|a| a.reading_time) {
        let page = LabPage::Article(longest.slug.clone());
        if !pages.contains(&page) {
            pages.push(page);
        }
    }
    let masthead = api::contributors().await?;
    let someone = masthead
        .sections
        .iter()
        .flat_map(|s| &s.groups)
        .flat_map(|g| &g.members)
        .next();
    if let Some(m) = someone {
        pages.push(LabPage::Contributor(m.slug.clone()));
    }
    Ok(pages)
}

/// The frames' state between steps: which page each holds.
#[derive(Clone, Copy)]
struct Frames {
    before: NodeRef<leptos::html::Iframe>,
    after: NodeRef<leptos::html::Iframe>,
    page: StoredValue<Option<LabPage>>,
}

impl Frames {
    fn both(&self) -> Result<(HtmlIFrameElement, HtmlIFrameElement), ProbeError> {
        match (self.before.get_untracked(), self.after.get_untracked()) {
            (Some(b), Some(a)) => Ok((b, a)),
            _ => Err(ProbeError::NoDocument),
        }
    }

    /// Puts both frames on `combo`, the candidate in the after frame, and waits for both to settle.
    async fn show(
        &self,
        combo: &Combo,
        css: &str,
        mode: CssMode,
    ) -> Result<(JsValue, JsValue), ProbeError> {
        let (before, after) = self.both()?;
        for f in [&before, &after] {
            let style = web_sys::HtmlElement::style(f);
            let _ = style.set_property("width", &format!("{}px", combo.width));
            let _ = style.set_property("height", &format!("{LAB_FRAME_HEIGHT}px"));
        }
        let same_page = self.page.get_value().as_ref() == Some(&combo.page)
            && probe_here(&before)
            && probe_here(&after);
        if !same_page {
            let src = combo.page.src();
            let (b, a) = futures::join!(probe::open(&before, &src), probe::open(&after, &src));
            b?;
            a?;
            self.page.set_value(Some(combo.page.clone()));
        }
        let (pb, pa) = futures::join!(probe::probe(&before), probe::probe(&after));
        let (pb, pa) = (pb?, pa?);
        settled(&pb, &pa, probe::SETTLE_MS).await?;
        let size = JsValue::from_str(&combo.size);
        let theme = JsValue::from_str(combo.scheme.as_str());
        for p in [&pb, &pa] {
            probe::call(p, "look", &[size.clone(), theme.clone()])?;
        }
        apply_candidate(&pa, css, mode)?;
        // Let the new width, size and scheme lay out and paint in both.
        settled(&pb, &pa, 2_000).await?;
        Ok((pb, pa))
    }
}

/// Waits until the pages in both frames have settled, at most `ms` each.
async fn settled(before: &JsValue, after: &JsValue, ms: u32) -> Result<(), ProbeError> {
    let wait = [JsValue::from(ms)];
    let (b, a) = futures::join!(
        probe::call_async(before, "settled", &wait),
        probe::call_async(after, "settled", &wait)
    );
    b.and(a).map(drop)
}

fn probe_here(frame: &HtmlIFrameElement) -> bool {
    probe::existing(frame).is_some()
}

/// Applies the candidate in a frame; the browser's refusal comes back as an error.
fn apply_candidate(api: &JsValue, css: &str, mode: CssMode) -> Result<(), ProbeError> {
    let refused = probe::call(
        api,
        "apply",
        &[
            JsValue::from_str(css),
            JsValue::from_bool(mode == CssMode::Instead),
        ],
    )?
    .as_string()
    .unwrap_or_default();
    if refused.is_empty() {
        Ok(())
    } else {
        Err(ProbeError::Failed(format!(
            "the browser refused the stylesheet: {refused}"
        )))
    }
}

async fn snapshot(api: &JsValue) -> Result<Snapshot, ProbeError> {
    let raw = probe::call_async(api, "snapshot", &[JsValue::TRUE]).await?;
    Snapshot::from_json(&raw.as_string().unwrap_or_default()).map_err(ProbeError::Failed)
}

/// One pair: show it, snapshot both frames, compare.
async fn check(frames: Frames, combo: &Combo, s: &LabSettings) -> Result<Vec<Finding>, ProbeError> {
    let (pb, pa) = frames.show(combo, &s.css, s.mode).await?;
    let before = snapshot(&pb).await?;
    let after = snapshot(&pa).await?;
    Ok(compare(&before, &after, f64::from(s.threshold)))
}

/// The settings a visit starts from: a share link's, else this browser's, else the defaults.
fn starting_settings(pages: Vec<LabPage>) -> (LabSettings, Option<String>) {
    let base = settings::load().unwrap_or_else(|| LabSettings::defaults(pages));
    let query = crate::browser::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    if !settings::is_share_query(&query) {
        return (base, None);
    }
    match LabSettings::from_query(&query, &base) {
        Ok(s) => (s, None),
        Err(e) => (
            base,
            Some(format!(
                "The shared link could not be read ({e}); your own settings are shown."
            )),
        ),
    }
}

/// The lab page.
#[component]
pub fn LabView() -> impl IntoView {
    let defaults = LocalResource::new(default_pages);
    let settings: RwSignal<Option<LabSettings>> = RwSignal::new(None);
    let notice: RwSignal<Option<String>> = RwSignal::new(None);
    Effect::new(move |_| {
        if settings.with_untracked(Option::is_some) {
            return;
        }
        let Some(found) = defaults.get() else { return };
        let pages = match found {
            Ok(p) => p,
            Err(e) => {
                notice.set(Some(format!(
                    "The default pages could not be found ({e}); add pages below."
                )));
                vec![LabPage::Home]
            }
        };
        let (s, problem) = starting_settings(pages);
        if problem.is_some() {
            notice.set(problem);
        }
        settings.set(Some(s));
    });
    view! {
        <Title text="Layout lab"/>
        <main id="main" class="preview lab" tabindex="-1">
            <PreviewBanner/>
            <h1 class="preview__title">"Layout lab"</h1>
            <p class="preview__intro">
                "Try a stylesheet change against real pages before readers see it: the candidate is applied only inside the "
                <strong>"After"</strong>" frame below, and "<strong>"Check"</strong>
                " compares it with the site as it is at every width, text size and colour scheme you choose. "
                <a href="/preview/">"Back to the draft editor"</a>"."
            </p>
            {move || notice.get().map(|m| view! { <p class="lab__notice" role="alert">{m}</p> })}
            {move || match settings.get().is_some() {
                true => view! { <Lab settings=settings/> }.into_any(),
                false => view! { <crate::components::loading::Loading lines=8/> }.into_any(),
            }}
        </main>
    }
}

/// The lab once its settings are known.
#[component]
fn Lab(settings: RwSignal<Option<LabSettings>>) -> impl IntoView {
    let get = move || {
        settings
            .get()
            .unwrap_or_else(|| LabSettings::defaults(vec![]))
    };
    let update = move |f: &dyn Fn(&mut LabSettings)| {
        settings.update(|s| {
            if let Some(s) = s {
                f(s)
            }
        })
    };
    let kept = RwSignal::new(true);
    Effect::new(move |_| {
        if let Some(s) = settings.get() {
            kept.set(settings::keep(&s).is_ok());
        }
    });

    let frames = Frames {
        before: NodeRef::new(),
        after: NodeRef::new(),
        page: StoredValue::new(None),
    };
    let busy = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let results: RwSignal<Option<Vec<Checked>>> = RwSignal::new(None);
    let showing: RwSignal<Option<Combo>> = RwSignal::new(None);
    let css_error: RwSignal<Option<String>> = RwSignal::new(None);
    let quiet_until = StoredValue::new(0.0f64);
    let frames_section = NodeRef::<leptos::html::Section>::new();

    // Show a combination (and optionally reveal an element in both frames).
    let go = move |combo: Combo, at: Option<Locator>| {
        let s = get();
        showing.set(Some(combo.clone()));
        leptos::task::spawn_local(async move {
            match frames.show(&combo, &s.css, s.mode).await {
                Ok((pb, pa)) => {
                    css_error.set(None);
                    if let Some(at) = at {
                        let (id, selector) = match at {
                            Locator::Id(id) => (f64::from(id), JsValue::NULL),
                            Locator::Selector(sel) => (-1.0, JsValue::from_str(&sel)),
                            Locator::Page => (-1.0, JsValue::NULL),
                        };
                        quiet_until.set_value(js_sys::Date::now() + 600.0);
                        for p in [&pb, &pa] {
                            let _ =
                                probe::call(p, "reveal", &[JsValue::from(id), selector.clone()]);
                        }
                        bring_into_view(frames_section.get_untracked());
                    }
                }
                Err(e) => css_error.set(Some(format!(
                    "The frames could not show {}: {e}",
                    combo.label()
                ))),
            }
        });
    };

    // The first view: the first combination, once the frames exist.
    Effect::new(move |prev: Option<bool>| {
        if prev == Some(true) || frames.after.get().is_none() {
            return prev.unwrap_or(false);
        }
        if let Some(first) = Combo::all(&get()).into_iter().next() {
            go(first, None);
        }
        true
    });

    // The candidate follows every edit in the After frame.
    Effect::new(move |_| {
        let Some(s) = settings.get() else { return };
        let Some(after) = frames.after.get_untracked() else {
            return;
        };
        if !probe_here(&after) {
            return;
        }
        leptos::task::spawn_local(async move {
            let result = async {
                let p = probe::probe(&after).await?;
                apply_candidate(&p, &s.css, s.mode)
            }
            .await;
            css_error.set(result.err().map(|e| e.to_string()));
        });
    });

    // The frames scroll together.
    let on_message = window_event_listener(leptos::ev::message, move |e: web_sys::MessageEvent| {
        if js_sys::Date::now() < quiet_until.get_value() {
            return;
        }
        let own = crate::browser::window().and_then(|w| w.location().origin().ok());
        if own.as_deref() != Some(e.origin().as_str()) {
            return;
        }
        let data = e.data();
        let field = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok();
        if field("lab").and_then(|v| v.as_string()).as_deref() != Some("scroll") {
            return;
        }
        let Ok((before, after)) = frames.both() else {
            return;
        };
        let from = e.source();
        let is = |f: &HtmlIFrameElement| {
            f.content_window()
                .zip(from.as_ref())
                .is_some_and(|(w, s)| js_sys::Object::is(&w, s))
        };
        let other = if is(&before) {
            after
        } else if is(&after) {
            before
        } else {
            return;
        };
        let (x, y) = (field("x"), field("y"));
        if let Some(api) = probe::existing(&other) {
            let _ = probe::call(
                &api,
                "follow",
                &[x.unwrap_or_default(), y.unwrap_or_default()],
            );
        }
    });
    on_cleanup(move || on_message.remove());

    let run = move |_| {
        let s = get();
        let combos = Combo::all(&s);
        if combos.is_empty() {
            status.set(
                "Choose at least one page, width, text size and colour scheme to check.".to_owned(),
            );
            return;
        }
        busy.set(true);
        results.set(None);
        leptos::task::spawn_local(async move {
            let started = js_sys::Date::now();
            let total = combos.len();
            let mut out = Vec::with_capacity(total);
            for (i, combo) in combos.into_iter().enumerate() {
                status.set(format!("Checking {} of {total}: {}…", i + 1, combo.label()));
                showing.set(Some(combo.clone()));
                let outcome = check(frames, &combo, &s).await.map_err(|e| e.to_string());
                out.push(Checked { combo, outcome });
            }
            let secs = (js_sys::Date::now() - started) / 1000.0;
            status.set(format!(
                "{} Checked in {secs:.0} s.",
                summary(&out, s.threshold)
            ));
            results.set(Some(out));
            busy.set(false);
        });
    };

    // Share and hand over.
    let clipboard = use_clipboard();
    let share = Memo::new(move |_| {
        let s = get();
        let (query, fits) = s.to_query();
        let origin = crate::browser::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        (
            format!("{origin}/preview/lab?{query}"),
            fits || s.css.is_empty(),
        )
    });
    let copy_link = move |_| {
        clipboard.copy(
            share.get_untracked().0,
            "Share link copied.".to_owned(),
            "Couldn’t copy: select the link and copy it.".to_owned(),
        )
    };
    let download = move |_| {
        if download_text("candidate.css", &get().css, "text/css;charset=utf-8").is_err() {
            status.set(
                "Couldn’t start the download: copy the stylesheet from the box instead.".to_owned(),
            );
        }
    };

    // Where the candidate comes from.
    let file_problem: RwSignal<Option<String>> = RwSignal::new(None);
    let open_file = move |ev: leptos::ev::Event| {
        read_chosen_file(ev, move |read| match read {
            Ok(file) => {
                file_problem.set(None);
                update(&|s| s.css = file.text.clone());
            }
            Err(name) => file_problem.set(Some(format!(
                "Couldn’t read {name}. Is it a text file? Try again, or paste its text."
            ))),
        });
    };
    let url_input = NodeRef::<leptos::html::Input>::new();
    let load_url = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let raw = url_input
            .get_untracked()
            .map(|i| i.value())
            .unwrap_or_default();
        let origin = crate::browser::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        let url = match same_origin_path(&raw, &origin) {
            Ok(u) => u,
            Err(e) => {
                file_problem.set(Some(e));
                return;
            }
        };
        leptos::task::spawn_local(async move {
            match fetch_css(&url).await {
                Ok(css) => {
                    file_problem.set(None);
                    update(&|s| s.css = css.clone());
                }
                Err(e) => file_problem.set(Some(e)),
            }
        });
    };

    // Pages.
    let page_input = NodeRef::<leptos::html::Input>::new();
    let page_problem: RwSignal<Option<String>> = RwSignal::new(None);
    let add_page = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let raw = page_input
            .get_untracked()
            .map(|i| i.value())
            .unwrap_or_default();
        match LabPage::parse(&raw) {
            Ok(p) if get().pages.contains(&p) => {
                page_problem.set(Some(format!("{} is already in the list.", p.label())))
            }
            Ok(p) => {
                page_problem.set(None);
                update(&|s| s.pages.push(p.clone()));
                if let Some(i) = page_input.get_untracked() {
                    i.set_value("");
                }
            }
            Err(e) => page_problem.set(Some(e)),
        }
    };
    let page_list = move || {
        get()
            .pages
            .into_iter()
            .map(|p| {
                let label = p.label();
                let gone = p.clone();
                view! {
                    <li>
                        <span>{label.clone()}</span>" "
                        <button type="button" class="button button--quiet"
                            aria-label=format!("Remove {label}")
                            on:click=move |_| update(&|s| s.pages.retain(|q| q != &gone))>"Remove"</button>
                    </li>
                }
            })
            .collect_view()
    };

    let width_boxes = choice_boxes(
        WIDTHS.to_vec(),
        |s| &mut s.widths,
        |w| format!("{w} px"),
        get,
        update,
    );
    let size_boxes = choice_boxes(
        SIZES.iter().map(|s| (*s).to_owned()).collect(),
        |s| &mut s.sizes,
        |v| format!("{v}%"),
        get,
        update,
    );
    let scheme_boxes = choice_boxes(
        Scheme::ALL.to_vec(),
        |s| &mut s.schemes,
        |sc| {
            if *sc == Scheme::Light {
                "Light".to_owned()
            } else {
                "Dark".to_owned()
            }
        },
        get,
        update,
    );

    let caption = move |which: &'static str| {
        move || match showing.get() {
            Some(c) => format!("{which}: {}", c.label()),
            None => which.to_owned(),
        }
    };
    let frame_title = move |which: &'static str| {
        move || match showing.get() {
            Some(c) => format!("{which}: {} at {} px", c.page.label(), c.width),
            None => which.to_owned(),
        }
    };
    let viewport = NodeRef::<leptos::html::Div>::new();
    let scale = RwSignal::new(1.0f64);
    let fit = move || {
        let width = showing
            .with_untracked(|c| c.as_ref().map(|c| c.width))
            .unwrap_or(1280);
        if let Some(el) = viewport.get_untracked() {
            scale.set(super::frames::fit_scale(
                f64::from(el.client_width()),
                &[width, width],
                super::frames::FRAME_GAP,
            ));
        }
    };
    Effect::new(move |_| {
        showing.track();
        if viewport.get().is_some() {
            fit();
        }
    });
    let on_resize = window_event_listener(leptos::ev::resize, move |_| fit());
    on_cleanup(move || on_resize.remove());
    let frame_width = move || {
        showing
            .with(|c| c.as_ref().map(|c| c.width))
            .unwrap_or(1280)
    };

    view! {
        <div class="lab__setup">
            <section class="lab__candidate" aria-labelledby="preview-lab-candidate">
                <h2 id="preview-lab-candidate">"Candidate stylesheet"</h2>
                <label for="preview-lab-css">"Candidate stylesheet (CSS)"</label>
                <textarea id="preview-lab-css" class="preview-editor__text lab__css" rows="12" spellcheck="false"
                    prop:value=move || get().css
                    on:input=move |ev| { let v = event_target_value(&ev); update(&|s| s.css = v.clone()); }></textarea>
                {move || css_error.get().map(|m| view! { <p class="preview-editor__status preview-editor__status--bad" role="alert">{m}</p> })}
                <div class="preview-editor__actions">
                    <input id="preview-lab-file" class="visually-hidden preview-editor__file" type="file"
                        accept=".css,text/css,text/plain" on:change=open_file/>
                    <label for="preview-lab-file" class="button button--quiet">"Open .css file"</label>
                    <button type="button" class="button button--quiet" on:click=download>"Download CSS"</button>
                </div>
                <form class="preview-editor__field" on:submit=load_url>
                    <label for="preview-lab-url">"Stylesheet URL on this site"</label>
                    <input id="preview-lab-url" type="text" inputmode="url" node_ref=url_input placeholder="/style/candidate.css"/>
                    <button type="submit" class="button button--quiet">"Load"</button>
                </form>
                {move || file_problem.get().map(|m| view! { <p class="preview-editor__status preview-editor__status--bad" role="alert">{m}</p> })}
                <fieldset class="lab__group">
                    <legend>"Apply the candidate"</legend>
                    <label class="lab__choice">
                        <input type="radio" name="lab-mode" prop:checked=move || get().mode == CssMode::Over
                            on:change=move |_| update(&|s| s.mode = CssMode::Over)/>
                        " On top of the site’s stylesheet"
                    </label>
                    <label class="lab__choice">
                        <input type="radio" name="lab-mode" prop:checked=move || get().mode == CssMode::Instead
                            on:change=move |_| update(&|s| s.mode = CssMode::Instead)/>
                        " Instead of the site’s stylesheet"
                    </label>
                </fieldset>
            </section>
            <section class="lab__where" aria-labelledby="preview-lab-where">
                <h2 id="preview-lab-where">"Where to look"</h2>
                <h3 class="lab__subhead">"Pages"</h3>
                <ul class="lab__pages">{page_list}</ul>
                <form class="preview-editor__field" on:submit=add_page>
                    <label for="preview-lab-page">"Add a page (article:slug, draft:slug, contributor:slug or home)"</label>
                    <input id="preview-lab-page" type="text" node_ref=page_input autocomplete="off"/>
                    <button type="submit" class="button button--quiet">"Add page"</button>
                </form>
                {move || page_problem.get().map(|m| view! { <p class="preview-editor__status preview-editor__status--bad" role="alert">{m}</p> })}
                <fieldset class="lab__group"><legend>"Widths"</legend>{width_boxes}</fieldset>
                <fieldset class="lab__group"><legend>"Text sizes"</legend>{size_boxes}</fieldset>
                <fieldset class="lab__group"><legend>"Colour schemes"</legend>{scheme_boxes}</fieldset>
                <label class="lab__threshold">"List boxes that move or resize by more than (px) "
                    <input type="number" min="0" max="500" prop:value=move || get().threshold.to_string()
                        on:change=move |ev| {
                            if let Ok(t) = event_target_value(&ev).parse::<u32>() {
                                update(&|s| s.threshold = t.min(500));
                            }
                        }/>
                </label>
            </section>
        </div>
        <div class="lab__actions">
            <button type="button" class="button" on:click=run disabled=move || busy.get()>
                {move || {
                    let n = get().combinations();
                    format!("Check {n} combination{}", if n == 1 { "" } else { "s" })
                }}
            </button>
            <label class="lab__share">"Share link "
                <input type="text" readonly=true prop:value=move || share.get().0/>
            </label>
            <button type="button" class="button button--quiet" on:click=copy_link>"Copy share link"</button>
        </div>
        {move || (!share.get().1).then(|| view! {
            <p class="lab__notice">"The stylesheet is too long for a link: the link carries the settings only. Use Download CSS and send the file with it."</p>
        })}
        {move || (!kept.get()).then(|| view! {
            <p class="lab__notice" role="alert">"This browser won’t keep the lab’s settings: use the share link or Download CSS to keep your work."</p>
        })}
        <p class="lab__status" role="status">{move || status.get()}" "{move || clipboard.status.get()}</p>
        <div class="lab__compare">
        <section class="lab__results" aria-labelledby="preview-lab-results">
            <h2 id="preview-lab-results">"What changed and what broke"</h2>
            {move || match results.get() {
                None => view! { <p class="preview__intro">"Press Check to compare the frames."</p> }.into_any(),
                Some(r) => view! { <Results results=r threshold=get().threshold go=go busy=busy/> }.into_any(),
            }}
        </section>
        <section class="lab__frames" aria-labelledby="preview-lab-frames" node_ref=frames_section>
            <h2 id="preview-lab-frames">"Before and after"</h2>
            <div class="sizes__viewport" node_ref=viewport
                style:height=move || format!("{:.0}px", (f64::from(LAB_FRAME_HEIGHT) + 40.0) * scale.get())>
                <div class="sizes__row" style:gap=format!("{}px", super::frames::FRAME_GAP)
                    style:transform=move || format!("scale({})", scale.get())>
                    <figure class="sizes__frame">
                        <figcaption>{caption("Before")}</figcaption>
                        <iframe node_ref=frames.before title=frame_title("Before")
                            style:width=move || format!("{}px", frame_width())
                            style:height=format!("{LAB_FRAME_HEIGHT}px")></iframe>
                    </figure>
                    <figure class="sizes__frame">
                        <figcaption>{caption("After")}</figcaption>
                        <iframe node_ref=frames.after title=frame_title("After")
                            style:width=move || format!("{}px", frame_width())
                            style:height=format!("{LAB_FRAME_HEIGHT}px")></iframe>
                    </figure>
                </div>
            </div>
        </section>
        </div>
    }
}

/// Scrolls the frames into view when a finding is chosen from a list that hides them.
fn bring_into_view(section: Option<web_sys::HtmlElement>) {
    let Some(section) = section else { return };
    let height = crate::browser::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let top = section.get_bounding_client_rect().top();
    if top < 0.0 || top > height / 2.0 {
        section.scroll_into_view();
    }
}

/// One checkbox per value of `all`, bound to the list `field` picks out of the settings.
fn choice_boxes<T, G, U>(
    all: Vec<T>,
    field: fn(&mut LabSettings) -> &mut Vec<T>,
    label: fn(&T) -> String,
    get: G,
    update: U,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    G: Fn() -> LabSettings + Copy + Send + Sync + 'static,
    U: Fn(&dyn Fn(&mut LabSettings)) + Copy + Send + Sync + 'static,
{
    let order = all.clone();
    all.into_iter()
        .map(|v| {
            let text = format!(" {}", label(&v));
            let (shown, order) = (v.clone(), order.clone());
            view! {
                <label class="lab__choice">
                    <input type="checkbox" prop:checked=move || field(&mut get()).contains(&shown)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            update(&|s| toggle(field(s), &order, &v, on));
                        }/>
                    {text}
                </label>
            }
        })
        .collect_view()
}

/// Adds or removes `v`, keeping the list in the order of `all`.
fn toggle<T: Clone + PartialEq>(list: &mut Vec<T>, all: &[T], v: &T, on: bool) {
    *list = all
        .iter()
        .filter(|x| if *x == v { on } else { list.contains(x) })
        .cloned()
        .collect();
}

/// A URL typed by staff as a path on this site, or why it is refused (the lab only reads
/// this site's stylesheets: no other origin's CSS reaches even the staff preview).
pub fn same_origin_path(raw: &str, origin: &str) -> Result<String, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(
            "Type the stylesheet’s address on this site, e.g. /style/candidate.css.".to_owned(),
        );
    }
    let path = if let Some(rest) = raw.strip_prefix(origin).filter(|_| !origin.is_empty()) {
        rest
    } else {
        raw
    };
    if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') {
        Ok(path.to_owned())
    } else {
        Err(format!(
            "Only stylesheets from this site can be loaded: “{raw}” is not a path here (start it with /)."
        ))
    }
}

async fn fetch_css(path: &str) -> Result<String, String> {
    let response = gloo_net::http::Request::get(path)
        .send()
        .await
        .map_err(|e| format!("Couldn’t load {path}: {e}"))?;
    if !response.ok() {
        return Err(format!(
            "Couldn’t load {path}: the site answered {}.",
            response.status()
        ));
    }
    let kind = response.headers().get("content-type").unwrap_or_default();
    if !kind.contains("text/css") {
        return Err(format!(
            "{path} is not a stylesheet (the site says it is {}).",
            if kind.is_empty() {
                "of no type"
            } else {
                kind.as_str()
            }
        ));
    }
    response
        .text()
        .await
        .map_err(|e| format!("Couldn’t read {path}: {e}"))
}

/// The findings of a check, combination by combination.
#[component]
fn Results<G>(results: Vec<Checked>, threshold: u32, go: G, busy: RwSignal<bool>) -> impl IntoView
where
    G: Fn(Combo, Option<Locator>) + Copy + Send + Sync + 'static,
{
    let head = summary(&results, threshold);
    let clean: Vec<String> = results
        .iter()
        .filter(|r| r.outcome.as_ref().is_ok_and(Vec::is_empty))
        .map(|r| r.combo.label())
        .collect();
    let flagged = results
        .into_iter()
        .filter(|r| !r.outcome.as_ref().is_ok_and(Vec::is_empty))
        .map(|r| {
            let combo = r.combo.clone();
            let body = match r.outcome {
                Err(e) => view! { <p class="preview-editor__status--bad">{format!("Not checked: {e}")}</p> }.into_any(),
                Ok(found) => grouped(&found)
                    .into_iter()
                    .map(|(group, list)| {
                        let n = list.len();
                        let more = n.saturating_sub(LIST_LIMIT);
                        let items = list
                            .into_iter()
                            .take(LIST_LIMIT)
                            .map(|f| {
                                let combo = combo.clone();
                                let at = f.at.clone();
                                view! {
                                    <li><button type="button" class="lab__finding" disabled=move || busy.get()
                                        on:click=move |_| go(combo.clone(), Some(at.clone()))>{f.text}</button></li>
                                }
                            })
                            .collect_view();
                        view! {
                            <h4 class:lab__breaks=group.breaks()>{format!("{} ({n})", group.heading())}</h4>
                            <ul class="lab__findings">{items}</ul>
                            {(more > 0).then(|| view! { <p>{format!("…and {more} more.")}</p> })}
                        }
                    })
                    .collect_view()
                    .into_any(),
            };
            view! {
                <section class="lab__combo" aria-label=combo.label()>
                    <h3>{combo.label()}</h3>
                    {body}
                </section>
            }
        })
        .collect_view();
    let clean_line = (!clean.is_empty()).then(|| {
        view! { <p class="lab__clean">{format!("No change at: {}.", clean.join("; "))}</p> }
    });
    view! {
        <p class="lab__summary">{head}</p>
        {flagged}
        {clean_line}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::Slug;

    #[test]
    fn combinations_go_page_by_page_and_are_labelled() {
        let mut s = LabSettings::defaults(vec![
            LabPage::Home,
            LabPage::Article(Slug::parse("a").unwrap()),
        ]);
        s.widths = vec![320, 1280];
        s.sizes = vec!["200".into()];
        s.schemes = vec![Scheme::Dark];
        let all = Combo::all(&s);
        assert_eq!(all.len(), s.combinations());
        let labels: Vec<String> = all.iter().map(Combo::label).collect();
        assert_eq!(
            labels,
            [
                "Home at 320 px, 200%, dark",
                "Home at 1280 px, 200%, dark",
                "Article a at 320 px, 200%, dark",
                "Article a at 1280 px, 200%, dark",
            ]
        );
    }

    #[test]
    fn the_summary_says_all_clear_only_when_nothing_changed() {
        let combo = Combo {
            page: LabPage::Home,
            width: 320,
            size: "100".into(),
            scheme: Scheme::Light,
        };
        let clean = vec![Checked {
            combo: combo.clone(),
            outcome: Ok(vec![]),
        }];
        assert!(summary(&clean, 4).starts_with("All clear: in 1 combination, nothing moved"));
        let broken = vec![
            Checked {
                combo: combo.clone(),
                outcome: Err("no frame".into()),
            },
            Checked {
                combo,
                outcome: Ok(vec![Finding {
                    group: findings::Group::Overflow,
                    text: "x".into(),
                    at: Locator::Page,
                }]),
            },
        ];
        assert_eq!(
            summary(&broken, 4),
            "1 of 2 combinations changed; 1 could not be checked."
        );
    }

    #[test]
    fn only_paths_on_this_site_are_loaded() {
        let origin = "https://convergencemag.com";
        assert_eq!(
            same_origin_path(" /style/new.css ", origin),
            Ok("/style/new.css".into())
        );
        assert_eq!(
            same_origin_path("https://convergencemag.com/style/new.css", origin),
            Ok("/style/new.css".into())
        );
        for bad in [
            "https://evil.example/x.css",
            "//evil.example/x.css",
            "style.css",
            "/\\evil.example",
        ] {
            assert!(
                same_origin_path(bad, origin)
                    .unwrap_err()
                    .contains("Only stylesheets from this site"),
                "{bad}"
            );
        }
        assert!(same_origin_path("", origin)
            .unwrap_err()
            .contains("Type the stylesheet"));
    }

    #[test]
    fn toggling_keeps_choices_in_order() {
        let mut w = vec![320, 1280];
        toggle(&mut w, &WIDTHS, &768, true);
        assert_eq!(w, [320, 768, 1280]);
        toggle(&mut w, &WIDTHS, &320, false);
        assert_eq!(w, [768, 1280]);
    }
}
