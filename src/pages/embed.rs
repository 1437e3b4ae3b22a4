//! Partner embeds (`/embed/articles/:slug?variant=card|full&theme=…&accent=…`): an article
//! as a card or in full, without the site's header, navigation or footer, for an iframe on
//! another site. It reports its height to the parent page (`public/embed.js` resizes the
//! frame) and works in a sandboxed frame where storage throws (see docs/embedding.md).

use crate::api;
use crate::components::{
    card::srcset, content_error::ContentErrorView, loading::Loading, text_size::TextSizeControl,
};
use crate::format;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::{use_location, use_query_map};
use model::{Article, AuthorRef};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// The `type` of the height message posted to the parent page.
pub const HEIGHT_MESSAGE: &str = "convergence-embed:height";
/// The attribute on `<html>` that switches the stylesheet to embed layout.
pub const ROOT_ATTRIBUTE: &str = "data-embed";

/// Which embed to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Variant {
    /// Image, topic, title, dek, byline, excerpt and a link to the article.
    #[default]
    Card,
    /// The whole article with the required credit.
    Full,
}

impl Variant {
    /// Parses `?variant=`; anything unknown is the card.
    pub fn parse(raw: Option<&str>) -> Variant {
        match raw.map(str::trim) {
            Some("full") => Variant::Full,
            _ => Variant::Card,
        }
    }

    /// The query value: "card" or "full".
    pub fn as_str(self) -> &'static str {
        match self {
            Variant::Card => "card",
            Variant::Full => "full",
        }
    }
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

/// Whether a path is an embed route (rendered without the site's header and footer).
pub fn is_embed_path(path: &str) -> bool {
    path == "/embed" || path.starts_with("/embed/")
}

/// The origin (`https://host`) of an absolute URL, or None for anything else.
pub fn origin_of(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    (host_len > 0).then(|| &url[..url.len() - rest.len() + host_len])
}

/// A link target inside an embed: site-relative paths become absolute on the magazine's origin.
pub fn absolute_href(origin: &str, href: &str) -> String {
    if href.starts_with('/') && !href.starts_with("//") {
        format!("{origin}{href}")
    } else {
        href.to_owned()
    }
}

/// Renders its children everywhere but the embed routes, which have no site chrome.
#[component]
pub fn SiteChrome(children: ChildrenFn) -> impl IntoView {
    let location = use_location();
    let embed = Memo::new(move |_| is_embed_path(&location.pathname.get()));
    move || (!embed.get()).then(|| children())
}

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
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
    let Some(w) = web_sys::window() else { return };
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
    let Some(w) = web_sys::window() else { return };
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

/// The embed page: loads the article and shows the asked-for variant.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let query = use_query_map();
    let variant = Memo::new(move |_| Variant::parse(query.read().get("variant").as_deref()));
    Effect::new(move |_| {
        let q = query.read();
        let accent = parse_accent(q.get("accent").as_deref());
        apply_look(Theme::parse(q.get("theme").as_deref()), accent.as_deref());
    });
    Effect::new(move |_| watch_height());
    let article = crate::pages::article::use_article_from_route();
    view! {
        <Meta name="robots" content="noindex"/>
        <Suspense fallback=|| view! { <Loading lines=8/> }>
            {move || Suspend::new(async move {
                match article.await {
                    Ok(a) => view! { <EmbedView article=a variant=variant.get_untracked()/> }.into_any(),
                    Err(e) if e.is_not_found() => view! {
                        <div class="embed"><h1 class="embed__title">"Article not found"</h1>
                        <p>"This article is not available for embedding. It may have moved."</p></div>
                    }.into_any(),
                    Err(e) => view! { <ContentErrorView error=e on_retry=move |_| article.refetch()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Names joined as in a byline, as plain text (an embed has no in-frame links to follow).
fn names(authors: &[AuthorRef]) -> String {
    format::byline_text(authors)
}

/// One article as an embed card or in full.
#[component]
pub fn EmbedView(article: Article, variant: Variant) -> impl IntoView {
    let Article {
        slug,
        title,
        dek,
        published_at,
        authors,
        topics,
        feature_image,
        markdown,
        excerpt,
        canonical_url,
        ..
    } = article;
    // A canonical URL with another scheme (a compromised bucket) falls back to the article's path.
    let canonical_url = crate::pages::article::safe_canonical(&canonical_url, slug.as_str());
    let origin = origin_of(&canonical_url).unwrap_or_default().to_owned();
    let byline = names(&authors);
    let topic = topics.first().map(|t| t.name.clone());
    let date = format::date_local(published_at);
    let image = feature_image.and_then(|img| {
        let src = api::asset_url(&img.src)?;
        let set = srcset(&img);
        Some(view! {
            <img class="embed__image" src=src srcset=(!set.is_empty()).then_some(set)
                sizes="(min-width: 40rem) 40rem, 100vw" alt=img.alt.clone()
                width=img.width height=img.height decoding="async"/>
        })
    });
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
        <Title text=title.clone()/>
        <Link rel="canonical" href=canonical_url.clone()/>
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
    fn variants_and_themes_fall_back() {
        assert_eq!(Variant::parse(Some("full")), Variant::Full);
        assert_eq!(Variant::parse(Some("card")), Variant::Card);
        assert_eq!(Variant::parse(Some("poster")), Variant::Card);
        assert_eq!(Variant::parse(None), Variant::Card);
        assert_eq!(Variant::Full.as_str(), "full");
        assert_eq!(Theme::parse(Some("dark")).attribute(), Some("dark"));
        assert_eq!(Theme::parse(Some("light")).attribute(), Some("light"));
        assert_eq!(Theme::parse(Some("auto")), Theme::Auto);
        assert_eq!(Theme::parse(Some("neon")).attribute(), None);
    }

    #[test]
    fn embed_paths() {
        assert!(is_embed_path("/embed/articles/x"));
        assert!(!is_embed_path("/embedding"));
        assert!(!is_embed_path("/articles/x"));
    }

    #[test]
    fn links_point_at_the_magazine() {
        let canonical = "https://convergencemag.com/articles/a?x=1";
        assert_eq!(origin_of(canonical), Some("https://convergencemag.com"));
        assert_eq!(
            origin_of("http://127.0.0.1:8181"),
            Some("http://127.0.0.1:8181")
        );
        assert_eq!(origin_of("/articles/a"), None);
        assert_eq!(origin_of("https:///x"), None);
        let o = "https://convergencemag.com";
        assert_eq!(absolute_href(o, "/topics/x"), format!("{o}/topics/x"));
        assert_eq!(absolute_href(o, "https://e.org/"), "https://e.org/");
        assert_eq!(absolute_href(o, "//e.org/"), "//e.org/");
    }
}
