//! The staff preview (`/preview/`, its own Trunk entry so readers never download it; see
//! docs/preview.md): a draft from the bucket as its article page, a live editor checked by the
//! builder's own code, and any draft or article at 375, 768 and 1280 px at once.

pub mod logic;

use crate::api::{self, ContentError};
use crate::components::{
    content_error::ContentErrorView, footer::SiteFooter, header::SiteHeader, loading::Loading,
};
use crate::hooks::use_site::provide_site;
use crate::hooks::use_text_size::provide_text_size;
use crate::pages::article::ArticleView;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::Router;
use leptos_router::hooks::{use_location, use_query_map};
use logic::{
    check_draft, fit_scale, line_range_utf16, parse_mode, problem_label, slug_from_filename,
    starter, text_size_steps, Checked, Debounce, Known, Mode, StoredDraft, Target, DRAFT_KEY,
    FRAME_GAP, FRAME_HEIGHT, FRAME_WIDTHS, SAVE_DELAY_MS,
};
use model::{Article, Slug};
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Mounts the preview on `<body>` (the `preview` binary's whole job).
pub fn mount() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("fatal-error"))
        {
            let _ = el.remove_attribute("hidden");
        }
    }));
    leptos::mount::mount_to_body(PreviewApp);
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.set_attribute("data-app-mounted", "");
    }
}

/// The preview: picks the editor, a draft, the live frame or the three widths from the query.
#[component]
pub fn PreviewApp() -> impl IntoView {
    provide_meta_context();
    provide_site();
    provide_text_size();
    view! {
        <Title formatter=|page: String| {
            if page.is_empty() { "Preview — Convergence".to_owned() } else { format!("{page} — Preview — Convergence") }
        }/>
        <Router>
            <LeaveForReaderPages/>
            <PreviewRoutes/>
        </Router>
    }
}

/// The view the query asks for.
#[component]
fn PreviewRoutes() -> impl IntoView {
    let query = use_query_map();
    let mode = Memo::new(move |_| {
        let q = query.read();
        parse_mode(
            q.get_str("frame"),
            q.get_str("draft"),
            q.get_str("article"),
            q.get_str("layout"),
        )
    });
    move || match mode.get() {
        Mode::Editor => {
            view! { <main id="main" class="preview" tabindex="-1"><Editor/></main> }.into_any()
        }
        Mode::Sizes(target) => view! {
            // Every mode names the page: with the formatter above, none would mean an empty title.
            <Title text=sizes_heading(&target)/>
            <main id="main" class="preview" tabindex="-1">
                <PreviewBanner/>
                <h1 class="preview__title">{sizes_heading(&target)}</h1>
                <SideBySide target=target/>
            </main>
        }
        .into_any(),
        Mode::Draft(slug) => with_chrome(view! { <DraftPage slug=slug/> }.into_any()),
        Mode::LiveFrame => with_chrome(view! { <LiveFrame/> }.into_any()),
        Mode::Invalid(message) => view! {
            <Title text="Broken preview link"/>
            <main id="main" class="preview" tabindex="-1">
                <PreviewBanner/>
                <h1 class="preview__title">"This preview link is broken"</h1>
                <p role="alert">{message}</p>
                <p><a href="/preview/">"Open the preview editor"</a></p>
            </main>
        }
        .into_any(),
    }
}

fn sizes_heading(target: &Target) -> String {
    match target {
        Target::Article(s) => format!("Article “{s}” at three widths"),
        Target::Draft(s) => format!("Draft “{s}” at three widths"),
        Target::Live => "Your draft at three widths".to_owned(),
    }
}

/// An article page as readers get it: the site header, the page, the footer.
fn with_chrome(page: AnyView) -> AnyView {
    view! {
        <SiteHeader/>
        <main id="main" tabindex="-1">{page}</main>
        <SiteFooter/>
    }
    .into_any()
}

/// Links inside a previewed article (topics, bylines…) lead to the reader app: a full load.
#[component]
fn LeaveForReaderPages() -> impl IntoView {
    let location = use_location();
    Effect::new(move |_| {
        let path = location.pathname.get();
        if !(path == "/preview" || path.starts_with("/preview/")) {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
}

/// Whether this page is inside a frame (the three widths).
fn in_frame() -> bool {
    web_sys::window()
        .and_then(|w| {
            let parent = w.parent().ok().flatten()?;
            Some(!js_sys::Object::is(&parent, &w))
        })
        .unwrap_or(false)
}

/// The "Preview: not published" banner over every preview.
#[component]
fn PreviewBanner(#[prop(optional, into)] sizes_href: Option<String>) -> impl IntoView {
    let sizes = sizes_href
        .filter(|_| !in_frame())
        .map(|href| view! { " " <a href=href>"See it at 375, 768 and 1280 px"</a> });
    view! {
        <p class="preview-banner" role="note">
            <strong>"Preview: not published"</strong>
            " — only staff with this link see this page."
            {sizes}
        </p>
    }
}

/// `/preview/?draft=slug`: the bucket's `drafts/{slug}.json` through the article page.
#[component]
fn DraftPage(slug: Slug) -> impl IntoView {
    let for_load = slug.clone();
    let draft = LocalResource::new(move || api::draft(for_load.clone()));
    let sizes_href = format!("/preview/?draft={slug}&layout=sizes");
    let missing = format!(
        "The bucket has no drafts/{slug}.json. Drafts are written only by `press build --drafts`, \
         from content/drafts/{slug}.md."
    );
    view! {
        <PreviewBanner sizes_href=sizes_href/>
        <Suspense fallback=|| view! { <Loading lines=30/> }>
            {move || {
                let missing = missing.clone();
                Suspend::new(async move {
                    match draft.await {
                        Ok(a) => view! { <ArticleView article=a/> }.into_any(),
                        Err(e) if e.is_not_found() => view! {
                            <section class="page">
                                <Title text="No such draft"/>
                                <h1 tabindex="-1">"No such draft"</h1>
                                <p>{missing}</p>
                            </section>
                        }
                        .into_any(),
                        Err(e) => view! { <ContentErrorView error=e on_retry=move |_| draft.refetch()/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// Contributors, topics and the site's URL from the bucket, for the builder's checks.
async fn load_known() -> Result<Known, ContentError> {
    let site = api::site().await?;
    let masthead = api::masthead().await?;
    let topics = api::topics().await?;
    Ok(Known::new(&site.url, &masthead, &topics))
}

/// Why the work in progress cannot be kept in this browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StorageProblem {
    /// No localStorage (private mode, blocked by settings).
    Unavailable,
    /// Writing failed (full).
    WriteFailed,
}

fn storage() -> Result<web_sys::Storage, StorageProblem> {
    crate::browser::local_storage().ok_or(StorageProblem::Unavailable)
}

/// The saved work in progress, if any.
fn load_saved() -> Result<Option<StoredDraft>, StorageProblem> {
    let raw = storage()?
        .get_item(DRAFT_KEY)
        .map_err(|_| StorageProblem::Unavailable)?;
    Ok(raw.and_then(|r| StoredDraft::from_json(&r)))
}

fn save(draft: &StoredDraft) -> Result<(), StorageProblem> {
    storage()?
        .set_item(DRAFT_KEY, &draft.to_json())
        .map_err(|_| StorageProblem::WriteFailed)
}

/// Today as `YYYY-MM-DD`, for a new draft's `published`.
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Where saving stands, for the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SaveStatus {
    Saved,
    Pending,
    Failed(StorageProblem),
}

/// The live editor: the source, its problems, and the draft at three widths.
#[component]
fn Editor() -> impl IntoView {
    let known = LocalResource::new(load_known);
    let loaded = load_saved();
    let (start, mut status0) = match &loaded {
        Ok(Some(d)) => (d.clone(), SaveStatus::Saved),
        Ok(None) => (
            StoredDraft {
                slug: String::new(),
                text: starter(&today()),
            },
            SaveStatus::Pending,
        ),
        Err(p) => (
            StoredDraft {
                slug: String::new(),
                text: starter(&today()),
            },
            SaveStatus::Failed(*p),
        ),
    };
    if status0 == SaveStatus::Pending {
        // Save the starter at once so the frames have something to show.
        status0 = match save(&start) {
            Ok(()) => SaveStatus::Saved,
            Err(p) => SaveStatus::Failed(p),
        };
    }
    let text = RwSignal::new(start.text.clone());
    let slug = RwSignal::new(start.slug.clone());
    let status = RwSignal::new(status0);
    let debounce = StoredValue::new(Debounce::default());
    let area = NodeRef::<leptos::html::Textarea>::new();
    let slug_input = NodeRef::<leptos::html::Input>::new();
    let file_error = RwSignal::new(None::<String>);

    let save_now = move || {
        let draft = StoredDraft {
            slug: slug.get_untracked(),
            text: text.get_untracked(),
        };
        debounce.update_value(Debounce::flush);
        status.set(match save(&draft) {
            Ok(()) => SaveStatus::Saved,
            Err(p) => SaveStatus::Failed(p),
        });
    };
    let edited = move || {
        let ticket = debounce
            .try_update_value(Debounce::edit)
            .unwrap_or_default();
        if !matches!(status.get_untracked(), SaveStatus::Failed(_)) {
            status.set(SaveStatus::Pending);
        }
        set_timeout(
            move || {
                if debounce
                    .try_update_value(|d| d.due(ticket))
                    .unwrap_or(false)
                {
                    save_now();
                }
            },
            Duration::from_millis(SAVE_DELAY_MS as u64),
        );
    };
    // Leaving or reloading mid-burst saves at once: nothing typed is lost.
    let flush = move || {
        if debounce.with_value(Debounce::pending) {
            save_now();
        }
    };
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let on_unload = window_event_listener(leptos::ev::beforeunload, move |_| flush());
    on_cleanup(move || {
        on_hide.remove();
        on_unload.remove();
    });

    let checked = Memo::new(move |_| {
        let known = known.get()?.ok()?;
        Some(check_draft(&text.get(), &slug.get(), &known))
    });

    let go_to_line = move |line: u32| {
        let Some(el) = area.get_untracked() else {
            return;
        };
        let value = el.value();
        let (start, end) = line_range_utf16(&value, line);
        let _ = el.focus();
        let _ = el.set_selection_range(start, end);
        // Bring the line into view: lines are evenly tall in the textarea.
        let lines = value.split('\n').count().max(1) as i32;
        let line_height = el.scroll_height() / lines;
        let top = (line as i32 - 1) * line_height - el.client_height() / 3;
        el.set_scroll_top(top.max(0));
    };

    let open_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        file_error.set(None);
        let name = file.name();
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(v) => {
                    let body = v.as_string().unwrap_or_default();
                    if let Some(el) = area.get_untracked() {
                        el.set_value(&body);
                    }
                    text.set(body);
                    let name = slug_from_filename(&name);
                    if let Some(el) = slug_input.get_untracked() {
                        el.set_value(&name);
                    }
                    slug.set(name);
                    save_now();
                }
                Err(_) => file_error.set(Some(format!(
                    "Couldn’t read {name}. Is it a text file? Try opening it again, or paste its text."
                ))),
            }
        });
    };

    let download = move |_| {
        let name = checked
            .get_untracked()
            .map(|c| logic::download_filename(&c.slug))
            .unwrap_or_else(|| logic::download_filename(&slug.get_untracked()));
        if let Err(e) = download_text(&name, &text.get_untracked()) {
            leptos::logging::warn!("preview: download failed: {e:?}");
        }
    };

    let status_line = move || {
        match status.get() {
        SaveStatus::Saved => view! { <p class="preview-editor__status" role="status">"Saved in this browser."</p> }.into_any(),
        SaveStatus::Pending => view! { <p class="preview-editor__status" role="status">"Saving…"</p> }.into_any(),
        SaveStatus::Failed(StorageProblem::Unavailable) => view! {
            <p class="preview-editor__status preview-editor__status--bad" role="alert">
                "This browser isn’t letting the preview save your work (private browsing, or storage \
                 is blocked), so a reload would lose it: use “Download .md” before you leave. The \
                 three frames below also need that storage to follow your typing."
            </p>
        }
        .into_any(),
        SaveStatus::Failed(StorageProblem::WriteFailed) => view! {
            <p class="preview-editor__status preview-editor__status--bad" role="alert">
                "Saving in this browser failed (its storage may be full), so a reload could lose your \
                 latest changes: use “Download .md” to keep them."
            </p>
        }
        .into_any(),
    }
    };

    let problems = move || match known.get() {
        None => {
            view! { <p role="status">"Loading the contributors and topics to check against…"</p> }
                .into_any()
        }
        Some(Err(e)) => {
            view! { <ContentErrorView error=e on_retry=move |_| known.refetch()/> }.into_any()
        }
        Some(Ok(_)) => {
            let Some(Checked { diagnostics, .. }) = checked.get() else {
                return ().into_any();
            };
            if diagnostics.is_empty() {
                return view! { <p class="preview-problems__none">"No problems: `press build --drafts` accepts this draft."</p> }.into_any();
            }
            let items = diagnostics
                .into_iter()
                .map(|d| {
                    let line = d.line;
                    let class = if d.is_error() { "preview-problem preview-problem--error" } else { "preview-problem" };
                    let hint = (!d.hint.is_empty()).then(|| view! { <p class="preview-problem__hint">{d.hint.clone()}</p> });
                    view! {
                        <li class=class>
                            <button type="button" class="preview-problem__go" on:click=move |_| go_to_line(line)>
                                {problem_label(&d)}
                            </button>
                            {hint}
                        </li>
                    }
                })
                .collect_view();
            view! { <ol class="preview-problems__list">{items}</ol> }.into_any()
        }
    };

    view! {
        <Title text="Editor"/>
        <PreviewBanner/>
        <h1 class="preview__title">"Staff preview"</h1>
        <p class="preview__intro">
            "Type or paste an article (front matter and Markdown, as in content/drafts/), or open a .md file. \
             It is checked as `press build --drafts` checks it and shown below as readers will see it. \
             Your work is saved in this browser as you type."
        </p>
        <div class="preview-editor">
            <div class="preview-editor__source">
                <div class="preview-editor__field">
                    <label for="preview-slug">"File name (slug)"</label>
                    <input id="preview-slug" node_ref=slug_input type="text" spellcheck="false" autocomplete="off"
                        placeholder="from the title"
                        prop:value=start.slug
                        on:input=move |ev| { slug.set(event_target_value(&ev)); edited(); }/>
                </div>
                <label for="preview-text">"Article source (front matter and Markdown)"</label>
                <textarea id="preview-text" node_ref=area class="preview-editor__text" spellcheck="true"
                    rows="24"
                    prop:value=start.text
                    on:input=move |ev| { text.set(event_target_value(&ev)); edited(); }></textarea>
                <div class="preview-editor__actions">
                    <input id="preview-file" class="visually-hidden preview-editor__file" type="file"
                        accept=".md,.markdown,text/markdown,text/plain" on:change=open_file/>
                    <label for="preview-file" class="button button--quiet">"Open .md file"</label>
                    <button type="button" class="button" on:click=download>"Download .md"</button>
                </div>
                {status_line}
                {move || file_error.get().map(|m| view! { <p class="preview-editor__status preview-editor__status--bad" role="alert">{m}</p> })}
            </div>
            <section class="preview-problems" aria-labelledby="problems-heading">
                <h2 id="problems-heading">"Problems"</h2>
                {problems}
            </section>
        </div>
        <SideBySide target=Target::Live/>
    }
}

/// Hands `text` to the browser as a download called `name`.
fn download_text(name: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/markdown;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    // `download` also keeps the router from treating the click as navigation.
    a.set_download(name);
    a.click();
    // The browser has taken the file by the next turn; free the URL then.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(1),
    );
    Ok(())
}

/// `/preview/?frame=live`: the editor's saved work as its article page, following each save.
#[component]
fn LiveFrame() -> impl IntoView {
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
fn SideBySide(target: Target) -> impl IntoView {
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
