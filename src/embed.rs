//! The partner embed: an article as a card or in full, without the site's header, navigation,
//! footer or router, for a sandboxed iframe on another site. The build renders [`EmbedView`]
//! for every article (`crate::prerender::embed`), so partners get a plain document; the embed
//! entry (`/embed/?article=slug&variant=card|full&theme=…&accent=…`, `entries/embed.html`,
//! `src/bin/embed.rs`) draws the same view in the browser for an article published since the
//! last render, without the whole magazine app. It reports its
//! height to the parent page (`public/embed.js` resizes the frame) and works where storage
//! throws (see docs/embedding.md).

use crate::api::{self, ContentError};
use crate::components::suspense::Suspense;
use crate::components::{
    content_error::ContentErrorView, image::BucketImage, loading::Loading,
    text_size::TextSizeControl,
};
use crate::format;
use crate::hooks::use_content::use_content;
use crate::hooks::use_text_size::provide_text_size;
use leptos::prelude::*;
use model::embed::{requested_slug, requested_variant, Variant};
use model::{Article, Slug};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// The `type` of the height message posted to the parent page.
pub const HEIGHT_MESSAGE: &str = "convergence-embed:height";
/// The attribute on `<html>` that switches the stylesheet to embed layout.
pub const ROOT_ATTRIBUTE: &str = "data-embed";

/// What the embed page's address asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedRequest {
    /// The article (None: the address names none).
    pub slug: Option<String>,
    /// Card or full.
    pub variant: Variant,
    /// Light, dark or auto.
    pub theme: Theme,
    /// A validated `#rgb`/`#rrggbb` accent colour.
    pub accent: Option<String>,
}

impl EmbedRequest {
    /// Reads the request from the page's path and query string (`?a=b&…`).
    pub fn from_address(path: &str, search: &str) -> EmbedRequest {
        let query: Vec<(String, String)> = form_urldecode_pairs(search.trim_start_matches('?'));
        let get = |k: &str| {
            query
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        EmbedRequest {
            slug: requested_slug(path, get("article")).map(str::to_owned),
            variant: requested_variant(path, get("variant")),
            theme: Theme::parse(get("theme")),
            accent: parse_accent(get("accent")),
        }
    }
}

/// Splits `a=b&c=d` into decoded pairs (`+` is a space; bad `%` escapes are kept as typed).
fn form_urldecode_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hi = bytes.get(i + 1).copied().and_then(hex);
        let lo = bytes.get(i + 2).copied().and_then(hex);
        match (bytes[i], hi, lo) {
            (b'+', ..) => out.push(b' '),
            (b'%', Some(hi), Some(lo)) => {
                out.push(hi << 4 | lo);
                i += 2;
            }
            (b, ..) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The colour scheme a partner asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Always light.
    Light,
    /// Always dark.
    Dark,
    /// Follow the reader's system setting.
    #[default]
    Auto,
}

impl Theme {
    /// Parses `?theme=`; anything unknown is `auto`.
    pub fn parse(raw: Option<&str>) -> Theme {
        match raw.map(str::trim) {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    /// The `data-theme` value to set on `<html>` (None: remove it and follow the system).
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
            Theme::Auto => None,
        }
    }
}

/// `?accent=` if it is a CSS hex colour `#rgb` or `#rrggbb` (lower-cased); anything else is ignored.
pub fn parse_accent(raw: Option<&str>) -> Option<String> {
    let raw = raw?.trim();
    let hex = raw.strip_prefix('#')?;
    let ok = matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit());
    ok.then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// A link target inside an embed: site-relative paths become absolute on the magazine's origin.
pub fn absolute_href(origin: &str, href: &str) -> String {
    if href.starts_with('/') && !href.starts_with("//") {
        format!("{origin}{href}")
    } else {
        href.to_owned()
    }
}

fn root() -> Option<web_sys::Element> {
    crate::browser::window()?.document()?.document_element()
}

/// Applies the partner's theme and accent colour to `<html>`.
fn apply_look(theme: Theme, accent: Option<&str>) {
    let Some(r) = root() else { return };
    let _ = r.set_attribute(ROOT_ATTRIBUTE, "");
    match theme.attribute() {
        Some(t) => {
            let _ = r.set_attribute("data-theme", t);
        }
        None => {
            let _ = r.remove_attribute("data-theme");
        }
    }
    if let (Some(a), Ok(el)) = (accent, r.dyn_into::<web_sys::HtmlElement>()) {
        let _ = el.style().set_property("--accent", a);
    }
}

/// How often the height is re-checked as a fallback: browsers pause `ResizeObserver` in
/// off-screen cross-origin frames, but still run (throttled) timers there.
const HEIGHT_POLL_MS: i32 = 1_000;

thread_local! {
    /// The last height posted, so unchanged heights are not posted again.
    static LAST_HEIGHT: std::cell::Cell<i32> = const { std::cell::Cell::new(-1) };
}

/// Posts the document's height to the parent page, if there is one and it changed.
fn post_height() {
    let Some(w) = crate::browser::window() else {
        return;
    };
    let Ok(Some(parent)) = w.parent() else { return };
    if js_sys::Object::is(&parent, &w) {
        return;
    }
    let Some(el) = root().and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    // Reading offsetHeight lays the page out now, even where rendering is throttled.
    let height = el.offset_height().max(0);
    if LAST_HEIGHT.with(|last| last.replace(height)) == height {
        return;
    }
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(height));
    let _ = parent.post_message(&msg, "*");
}

/// Reports the height now, on load, whenever `<html>` changes size, and every second.
fn watch_height() {
    post_height();
    let Some(w) = crate::browser::window() else {
        return;
    };
    // The frame lives as long as this page, so the callbacks are never released.
    let on_resize = Closure::<dyn FnMut()>::new(post_height);
    if let (Ok(observer), Some(r)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        root(),
    ) {
        observer.observe(&r);
        std::mem::forget(observer);
    }
    let _ = w.add_event_listener_with_callback("load", on_resize.as_ref().unchecked_ref());
    let _ = w.set_interval_with_callback_and_timeout_and_arguments_0(
        on_resize.as_ref().unchecked_ref(),
        HEIGHT_POLL_MS,
    );
    on_resize.forget();
}

/// Opens every link in a new tab, on the magazine's origin, so nothing navigates the frame.
fn retarget_links(container: &web_sys::Element, origin: &str) {
    let Ok(links) = container.query_selector_all("a[href]") else {
        return;
    };
    for i in 0..links.length() {
        let Some(a) = links
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let href = a.get_attribute("href").unwrap_or_default();
        if href.starts_with('#') {
            continue;
        }
        let _ = a.set_attribute("href", &absolute_href(origin, &href));
        let _ = a.set_attribute("target", "_blank");
        let _ = a.set_attribute("rel", "noopener");
    }
}

/// Mounts the embed on `<body>` (the entry's `main`), with the app's panic hook.
pub fn mount() {
    crate::mount_component(EmbedApp);
}

/// The embed entry's root: reads the address once (the frame never navigates) and shows the
/// article, a "not found" note, or the content error with a retry.
#[component]
pub fn EmbedApp() -> impl IntoView {
    provide_text_size();
    let (path, search) = crate::browser::window()
        .map(|w| {
            let l = w.location();
            (
                l.pathname().unwrap_or_default(),
                l.search().unwrap_or_default(),
            )
        })
        .unwrap_or_default();
    let request = EmbedRequest::from_address(&path, &search);
    apply_look(request.theme, request.accent.as_deref());
    watch_height();
    let variant = request.variant;
    let raw = request.slug.unwrap_or_default();
    let article = use_content(move || {
        let raw = raw.clone();
        async move {
            match Slug::parse(&raw) {
                Ok(slug) => api::article(slug).await,
                Err(_) => Err(ContentError::NotFound { file: raw }),
            }
        }
    });
    view! {
        <main id="main">
            <Suspense fallback=|| view! { <Loading lines=8/> }>
                {move || Suspend::new(async move {
                    match article.await {
                        Ok(a) if !a.kind.may_republish() => view! {
                            <div class="embed"><div class="embed__body">
                                <h1 class="embed__title">"This episode can’t be embedded"</h1>
                                <p>{crate::components::episode::AUDIO_POLICY}</p>
                            </div></div>
                        }.into_any(),
                        Ok(a) => view! { <EmbedView article=a variant=variant/> }.into_any(),
                        Err(e) if e.is_not_found() => view! {
                            <div class="embed"><div class="embed__body">
                                <h1 class="embed__title">"Article not found"</h1>
                                <p>"This article is not available for embedding. It may have moved."</p>
                            </div></div>
                        }.into_any(),
                        Err(e) => view! { <ContentErrorView error=e on_retry=move |_| article.refetch()/> }.into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}

/// An embed's document title and canonical URL (the article's own page), for the entry to
/// set and the build to write.
pub fn document_head(article: &Article) -> (String, String) {
    (
        model::head::document_title("Convergence", &article.title),
        crate::pages::article::safe_canonical(&article.canonical_url, &article.slug),
    )
}

/// Sets the document title and the canonical link (no leptos_meta: the entry stays small).
fn set_document_head(title: &str, canonical_url: &str) {
    let Some(doc) = crate::browser::window().and_then(|w| w.document()) else {
        return;
    };
    doc.set_title(title);
    if let Some(head) = doc.head() {
        if let Ok(link) = doc.create_element("link") {
            let _ = link.set_attribute("rel", "canonical");
            let _ = link.set_attribute("href", canonical_url);
            let _ = head.append_child(&link);
        }
    }
}

/// One article as an embed card or in full.
#[component]
pub fn EmbedView(article: Article, variant: Variant) -> impl IntoView {
    let (document_title, canonical_url) = document_head(&article);
    let Article {
        title,
        dek,
        published_at,
        authors,
        topics,
        feature_image,
        markdown,
        excerpt,
        ..
    } = article;
    let origin = model::url::origin_of(&canonical_url)
        .unwrap_or_default()
        .to_owned();
    let byline = model::text::byline(&authors);
    let topic = topics.first().map(|t| t.name.clone());
    let date = format::date_local(published_at);
    let image = feature_image.map(|img| {
        view! { <BucketImage image=img class="embed__image" sizes="(min-width: 40rem) 40rem, 100vw"/> }
    });
    set_document_head(&document_title, &canonical_url);
    let container = NodeRef::<leptos::html::Article>::new();
    Effect::new(move |_| {
        if let Some(el) = container.get() {
            retarget_links(&el, &origin);
            // The article is in the page now: report its height at once.
            post_height();
        }
    });
    let header = view! {
        {topic.map(|t| view! { <p class="embed__topic">{t}</p> })}
        <h1 class="embed__title">
            <a href=canonical_url.clone() target="_blank" rel="noopener">{title.clone()}</a>
        </h1>
        <p class="embed__dek">{dek}</p>
        <p class="embed__meta">
            {(!byline.is_empty()).then(|| format!("By {byline}"))}
            <span aria-hidden="true">" · "</span>
            <time datetime=published_at.to_string()>{date}</time>
        </p>
    };
    let body = match variant {
        Variant::Card => view! {
            <p class="embed__excerpt">{excerpt}</p>
            <p class="embed__read">
                <a class="button" href=canonical_url.clone() target="_blank" rel="noopener">"Read at Convergence"</a>
            </p>
        }
        .into_any(),
        Variant::Full => {
            let html = model::markdown::render(&markdown).html;
            view! {
                <TextSizeControl id="embed-text-size"/>
                <div class="prose" inner_html=html></div>
                <p class="embed__credit">
                    {(!byline.is_empty()).then(|| format!("By {byline}. "))}
                    "This article originally appeared in Convergence Magazine: "
                    <a href=canonical_url.clone() target="_blank" rel="noopener">{title.clone()}</a>
                    "."
                </p>
            }
            .into_any()
        }
    };
    view! {
                <article class="embed" class:embed--card=variant == Variant::Card
            class:embed--full=variant == Variant::Full node_ref=container>
            {image}
            <div class="embed__body">{header}{body}</div>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_are_hex_colours_only() {
        assert_eq!(parse_accent(Some("#A4262C")).as_deref(), Some("#a4262c"));
        assert_eq!(parse_accent(Some("#0f0")).as_deref(), Some("#0f0"));
        for bad in [
            "a4262c",
            "#12",
            "#1234",
            "#12345",
            "#1234567",
            "#ggg",
            "red",
            "",
            "#fff;background:url(x)",
            "#fff)",
            "# fff",
            "#ff\u{660}",
        ] {
            assert_eq!(parse_accent(Some(bad)), None, "{bad}");
        }
        assert_eq!(parse_accent(None), None);
    }

    #[test]
    fn queries_decode_like_forms() {
        assert_eq!(
            form_urldecode_pairs("a=%23a4262c&b=x+y&c=%zz&d=%E2%80%94&e"),
            vec![
                ("a".into(), "#a4262c".into()),
                ("b".into(), "x y".into()),
                ("c".into(), "%zz".into()),
                ("d".into(), "\u{2014}".into()),
                ("e".into(), String::new()),
            ]
        );
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("é%2"), "é%2");
    }

    #[test]
    fn themes_fall_back_to_auto() {
        assert_eq!(Theme::parse(Some("dark")).attribute(), Some("dark"));
        assert_eq!(Theme::parse(Some("light")).attribute(), Some("light"));
        assert_eq!(Theme::parse(Some("auto")), Theme::Auto);
        assert_eq!(Theme::parse(Some("neon")).attribute(), None);
    }

    #[test]
    fn requests_come_from_the_address() {
        let r = EmbedRequest::from_address(
            "/embed/",
            "?article=a-b&variant=full&theme=dark&accent=%23ABC",
        );
        assert_eq!(r.slug.as_deref(), Some("a-b"));
        assert_eq!(r.variant, Variant::Full);
        assert_eq!(r.theme, Theme::Dark);
        assert_eq!(r.accent.as_deref(), Some("#abc"));
        let old = EmbedRequest::from_address("/embed/articles/x-y", "?variant=card");
        assert_eq!(old.slug.as_deref(), Some("x-y"));
        assert_eq!(old.variant, Variant::Card);
        let bare = EmbedRequest::from_address("/embed/", "");
        assert_eq!(bare.slug, None);
        assert_eq!(
            (bare.variant, bare.theme, bare.accent),
            (Variant::Card, Theme::Auto, None)
        );
    }

    #[test]
    fn links_point_at_the_magazine() {
        let o = "https://convergencemag.com";
        assert_eq!(absolute_href(o, "/topics/x"), format!("{o}/topics/x"));
        assert_eq!(absolute_href(o, "https://e.org/"), "https://e.org/");
        assert_eq!(absolute_href(o, "//e.org/"), "//e.org/");
    }
}
