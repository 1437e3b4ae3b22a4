//! The staff preview (`/preview/`, its own Trunk entry so readers never download it; see
//! docs/preview.md): a draft from the bucket as its article page, a live editor checked by the
//! builder's own code, and any draft or article at 375, 768 and 1280 px at once.

mod draft_check;
mod draft_page;
mod editor;
mod files;
mod frames;
pub mod lab;
mod mode;
mod saved;

use crate::api::{self, ContentError};
use crate::components::{footer::SiteFooter, header::SiteHeader};
use crate::hooks::use_site::provide_site;
use crate::hooks::use_text_size::provide_text_size;
use draft_check::Known;
use draft_page::DraftPage;
use editor::Editor;
use frames::{LiveFrame, SideBySide};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::Router;
use leptos_router::hooks::{use_location, use_query_map};
use mode::{is_lab_path, parse_mode, Mode, Target};

/// Mounts the preview on `<body>` (the `preview` binary's whole job), with the reader app's
/// panic hook and mount marker.
pub fn mount() {
    crate::mount_component(PreviewApp);
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
    let location = use_location();
    let mode = Memo::new(move |_| {
        if is_lab_path(&location.pathname.read()) {
            return Mode::Lab;
        }
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
        Mode::Lab => view! { <lab::LabView/> }.into_any(),
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
            if let Some(w) = crate::browser::window() {
                let _ = w.location().reload();
            }
        }
    });
}

/// Whether this page is inside a frame (the three widths).
fn in_frame() -> bool {
    crate::browser::window()
        .and_then(|w| {
            let parent = w.parent().ok().flatten()?;
            Some(!js_sys::Object::is(&parent, &w))
        })
        .unwrap_or(false)
}

/// The "Preview: not published" banner over every preview.
#[component]
pub(crate) fn PreviewBanner(#[prop(optional, into)] sizes_href: Option<String>) -> impl IntoView {
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

/// Contributors, topics and the site's URL from the bucket, for the builder's checks.
pub(crate) async fn load_known() -> Result<Known, ContentError> {
    let site = api::site().await?;
    let masthead = api::contributors().await?;
    let topics = api::topics().await?;
    Ok(Known::new(&site.url, &masthead, &topics))
}
