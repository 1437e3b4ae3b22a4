//! What the `<head>` of a page says: a typed description of the page ([`PageMeta`]) and the
//! plain functions that turn it into the document title, the canonical URL, the meta tags and
//! the JSON-LD. The app writes them in the browser; a build-time renderer can write the same
//! head from the same description.

use crate::ids::Date;
use crate::route::AppRoute;
use crate::types::{Article, ArticleKind, Image, Site};
use crate::url::UrlKind;

/// An image for link previews: where it is, how big, and what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareImage {
    /// URL (absolute, a site path, or relative to the bucket root like `images/x.jpg`).
    pub src: String,
    /// Intrinsic width in pixels.
    pub width: u32,
    /// Intrinsic height in pixels.
    pub height: u32,
    /// What the image shows.
    pub alt: String,
}

impl From<&Image> for ShareImage {
    fn from(image: &Image) -> Self {
        ShareImage {
            src: image.src.clone(),
            width: image.width,
            height: image.height,
            alt: image.alt.clone(),
        }
    }
}

/// A byline on an article's head: the name and the contributor page's site path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadAuthor {
    /// Display name.
    pub name: String,
    /// Site path of their contributor page, e.g. `/contributors/alexa-horwart`.
    pub path: String,
}

/// What kind of page this is, with what that kind adds to the head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageKind {
    /// The home page: the site itself (`WebSite` JSON-LD).
    Home,
    /// Any other page (listings, static pages, search): no JSON-LD.
    Website,
    /// One article (`NewsArticle` JSON-LD).
    Article {
        /// Publication date.
        published: Date,
        /// Last substantive update, if any.
        modified: Option<Date>,
        /// Bylines, in order.
        authors: Vec<HeadAuthor>,
        /// Topic names; the first is the section.
        topics: Vec<String>,
        /// Article, podcast episode or video: episodes offer no oEmbed (audio policy).
        article_kind: ArticleKind,
    },
    /// One contributor (`Person` JSON-LD).
    Profile {
        /// The person's name.
        name: String,
        /// Their own pages elsewhere (absolute http(s) URLs), for `sameAs`.
        same_as: Vec<String>,
    },
}

/// A typed description of one page's head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageMeta {
    /// The page's own title ("Subscribe", a headline); empty means the site's name alone.
    pub title: String,
    /// The meta description; empty means the site's description.
    pub description: String,
    /// Site path (`/about`) or absolute http(s) URL; `None` for pages that are not to be
    /// indexed (the 404 page), which also get `robots: noindex`.
    pub canonical: Option<String>,
    /// The preview image; `None` uses the site's default image, if it has one.
    pub image: Option<ShareImage>,
    /// What kind of page it is.
    pub kind: PageKind,
}

/// The site-wide facts every head needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteHead {
    /// The magazine's name, for `og:site_name`, titles and the publisher.
    pub name: String,
    /// The canonical origin, e.g. `https://convergencemag.com`.
    pub url: String,
    /// The site's description, for pages without their own.
    pub description: String,
    /// Where bucket-relative image paths live (`/content/` or an absolute URL).
    pub bucket: String,
    /// The preview image for pages without one.
    pub default_image: Option<ShareImage>,
}

impl SiteHead {
    /// The head facts from `site.json` and the bucket's base URL.
    pub fn new(site: &Site, bucket: &str) -> SiteHead {
        SiteHead {
            name: site.title.clone(),
            url: site.url.clone(),
            description: site.description.clone(),
            bucket: bucket.to_owned(),
            default_image: site.default_image.as_ref().map(ShareImage::from),
        }
    }
}

/// Whether a meta tag is keyed by `name` or by `property` (Open Graph uses `property`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaKey {
    /// `<meta name="…">`.
    Name(&'static str),
    /// `<meta property="…">`.
    Property(&'static str),
}

/// One `<meta>` tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaTag {
    /// Its key.
    pub key: MetaKey,
    /// Its `content`.
    pub content: String,
}

/// Everything the head of one page contains, ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// The document `<title>`.
    pub title: String,
    /// `<link rel="canonical">`, absolute.
    pub canonical: Option<String>,
    /// The meta tags, in order.
    pub meta: Vec<MetaTag>,
    /// The JSON-LD object, safe to put inside `<script type="application/ld+json">`.
    pub json_ld: Option<String>,
}

/// The document title: "{title} — {site}", or the site's name alone.
pub fn document_title(site_name: &str, title: &str) -> String {
    if title.trim().is_empty() {
        site_name.to_owned()
    } else {
        format!("{title} — {site_name}")
    }
}

/// The site's origin if it is http(s), without a trailing slash; any other scheme (a
/// compromised bucket) gives no absolute URLs at all.
fn origin(site_url: &str) -> Option<&str> {
    let url = site_url.trim();
    (is_web_url(url) && !url.contains(char::is_whitespace)).then(|| url.trim_end_matches('/'))
}

/// An http(s) URL the one URL policy (`crate::url`) accepts.
fn is_web_url(url: &str) -> bool {
    crate::url::classify(url) == UrlKind::External
}

/// An absolute URL for a site path or an absolute http(s) URL; `None` for anything else
/// (other schemes, `//host`, bare relative paths) or when the site URL is not http(s).
pub fn absolute_url(site_url: &str, path_or_url: &str) -> Option<String> {
    let target = crate::url::safe_url(path_or_url)?;
    if target.contains(char::is_whitespace) {
        return None;
    }
    match crate::url::classify(target) {
        UrlKind::External => Some(target.to_owned()),
        UrlKind::Relative if target.starts_with('/') && !target.contains('\\') => {
            Some(format!("{}{target}", origin(site_url)?))
        }
        _ => None,
    }
}

/// An absolute URL for an image `src`: bucket-relative paths resolve under `bucket`, which
/// itself may be a site path.
pub fn absolute_image_url(site: &SiteHead, src: &str) -> Option<String> {
    absolute_asset_url(&site.url, &site.bucket, src)
}

/// An absolute URL for a bucket file's `src` (an image, an episode's audio): bucket-relative
/// paths resolve under `bucket` (with or without its trailing slash, itself possibly a site
/// path), site paths on `site_url`; `None` for what the URL policy refuses.
pub fn absolute_asset_url(site_url: &str, bucket: &str, src: &str) -> Option<String> {
    let src = src.trim();
    if src.is_empty() {
        return None;
    }
    let bucket = bucket.trim();
    let slash = if bucket.ends_with('/') { "" } else { "/" };
    // The app's own rule for image sources, then made absolute on the site.
    let resolved = crate::url::resolve_asset(src, &format!("{bucket}{slash}"))?;
    absolute_url(site_url, &resolved)
}

/// The `og:type` for a kind of page.
fn og_type(kind: &PageKind) -> &'static str {
    match kind {
        PageKind::Home | PageKind::Website => "website",
        PageKind::Article { .. } => "article",
        PageKind::Profile { .. } => "profile",
    }
}

/// The image a page shows in previews, made absolute: its own, else the site's default.
fn preview_image(meta: &PageMeta, site: &SiteHead) -> Option<(String, ShareImage)> {
    let image = meta.image.as_ref().or(site.default_image.as_ref())?;
    Some((absolute_image_url(site, &image.src)?, image.clone()))
}

/// The title previews show: the page's own, else the site's name.
fn share_title<'a>(meta: &'a PageMeta, site: &'a SiteHead) -> &'a str {
    if meta.title.trim().is_empty() {
        &site.name
    } else {
        &meta.title
    }
}

/// The description to use: the page's own, else the site's.
fn description<'a>(meta: &'a PageMeta, site: &'a SiteHead) -> &'a str {
    if meta.description.trim().is_empty() {
        &site.description
    } else {
        &meta.description
    }
}

/// The canonical URL of a page, absolute.
pub fn canonical_url(meta: &PageMeta, site: &SiteHead) -> Option<String> {
    absolute_url(&site.url, meta.canonical.as_deref()?)
}

/// Every meta tag the page's head needs, in a stable order.
pub fn meta_tags(meta: &PageMeta, site: &SiteHead) -> Vec<MetaTag> {
    let mut tags = Vec::new();
    let mut add = |key: MetaKey, content: &str| {
        tags.push(MetaTag {
            key,
            content: content.to_owned(),
        })
    };
    let description = description(meta, site);
    add(MetaKey::Name("description"), description);
    if meta.canonical.is_none() {
        add(MetaKey::Name("robots"), "noindex");
    }
    add(MetaKey::Property("og:type"), og_type(&meta.kind));
    add(MetaKey::Property("og:title"), share_title(meta, site));
    add(MetaKey::Property("og:description"), description);
    if let Some(url) = canonical_url(meta, site) {
        add(MetaKey::Property("og:url"), &url);
    }
    add(MetaKey::Property("og:site_name"), &site.name);
    let image = preview_image(meta, site);
    if let Some((url, image)) = &image {
        add(MetaKey::Property("og:image"), url);
        add(
            MetaKey::Property("og:image:width"),
            &image.width.to_string(),
        );
        add(
            MetaKey::Property("og:image:height"),
            &image.height.to_string(),
        );
        add(MetaKey::Property("og:image:alt"), &image.alt);
    }
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    add(MetaKey::Name("twitter:card"), card);
    if let PageKind::Article {
        published,
        modified,
        authors,
        topics,
        ..
    } = &meta.kind
    {
        add(
            MetaKey::Property("article:published_time"),
            &published.to_string(),
        );
        if let Some(m) = modified {
            add(MetaKey::Property("article:modified_time"), &m.to_string());
        }
        for author in authors {
            if let Some(url) = absolute_url(&site.url, &author.path) {
                add(MetaKey::Property("article:author"), &url);
            }
        }
        if let Some(section) = topics.first() {
            add(MetaKey::Property("article:section"), section);
        }
        for topic in topics {
            add(MetaKey::Property("article:tag"), topic);
        }
    }
    tags
}

/// Writes `s` as a JSON string literal that is also safe inside an HTML `<script>` data
/// block: besides `"`, `\` and controls, `<`, `>` and `&` become `\u003c`, `\u003e` and
/// `\u0026`, so no text can close the element or open a comment, and U+2028/U+2029 are
/// escaped for old JavaScript parsers.
pub fn push_json_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{0}'..='\u{1f}' | '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let n = c as u32;
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(HEX[((n >> shift) & 0xf) as usize] as char);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A JSON object written field by field, every string through [`push_json_string`]; smaller
/// in the app than a serde serialiser for each schema.org shape.
struct JsonObject(String);

impl JsonObject {
    /// An object with its `@type` (and `@context` when it is the top level).
    fn typed(kind: &str, top_level: bool) -> Self {
        let object = JsonObject(String::from("{"));
        let object = if top_level {
            object.string("@context", "https://schema.org")
        } else {
            object
        };
        object.string("@type", kind)
    }

    fn key(&mut self, key: &str) {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        push_json_string(&mut self.0, key);
        self.0.push(':');
    }

    fn string(mut self, key: &str, value: &str) -> Self {
        self.key(key);
        push_json_string(&mut self.0, value);
        self
    }

    fn maybe_string(self, key: &str, value: Option<&str>) -> Self {
        match value {
            Some(v) => self.string(key, v),
            None => self,
        }
    }

    /// An array of strings; left out when empty.
    fn strings<S: AsRef<str>>(mut self, key: &str, values: &[S]) -> Self {
        if values.is_empty() {
            return self;
        }
        self.key(key);
        self.0.push('[');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            push_json_string(&mut self.0, v.as_ref());
        }
        self.0.push(']');
        self
    }

    /// A value that is already JSON (an object or an array of objects).
    fn raw(mut self, key: &str, json: &str) -> Self {
        self.key(key);
        self.0.push_str(json);
        self
    }

    fn finish(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

/// The schema.org JSON-LD for the page, if its kind has one, safe inside
/// `<script type="application/ld+json">`.
pub fn json_ld(meta: &PageMeta, site: &SiteHead) -> Option<String> {
    let canonical = canonical_url(meta, site);
    let description = description(meta, site);
    let home = absolute_url(&site.url, "/");
    let object = match &meta.kind {
        PageKind::Website => return None,
        PageKind::Home => JsonObject::typed("WebSite", true)
            .string("name", &site.name)
            .string("description", description)
            .maybe_string("url", home.as_deref()),
        PageKind::Article {
            published,
            modified,
            authors,
            topics,
            ..
        } => {
            let authors: Vec<String> = authors
                .iter()
                .map(|a| {
                    JsonObject::typed("Person", false)
                        .string("name", &a.name)
                        .maybe_string("url", absolute_url(&site.url, &a.path).as_deref())
                        .finish()
                })
                .collect();
            let publisher = JsonObject::typed("Organization", false)
                .string("name", &site.name)
                .maybe_string("url", home.as_deref())
                .finish();
            let image: Vec<String> = preview_image(meta, site)
                .map(|(url, _)| url)
                .into_iter()
                .collect();
            JsonObject::typed("NewsArticle", true)
                .string("headline", &meta.title)
                .string("description", description)
                .string("datePublished", &published.to_string())
                .string("dateModified", &modified.unwrap_or(*published).to_string())
                .raw("author", &format!("[{}]", authors.join(",")))
                .raw("publisher", &publisher)
                .maybe_string("articleSection", topics.first().map(String::as_str))
                .maybe_string("mainEntityOfPage", canonical.as_deref())
                .strings("image", &image)
                .maybe_string("url", canonical.as_deref())
        }
        PageKind::Profile { name, same_as } => {
            // Only the person's own image: the site's default would not be them.
            let image = meta
                .image
                .as_ref()
                .and_then(|i| absolute_image_url(site, &i.src));
            let same_as: Vec<String> = same_as
                .iter()
                .filter(|u| is_web_url(u))
                .filter_map(|u| absolute_url(&site.url, u))
                .collect();
            JsonObject::typed("Person", true)
                .string("name", name)
                .string("description", description)
                .maybe_string("image", image.as_deref())
                .strings("sameAs", &same_as)
                .maybe_string("url", canonical.as_deref())
        }
    };
    Some(object.finish())
}

/// The whole head of a page.
pub fn head(meta: &PageMeta, site: &SiteHead) -> Head {
    Head {
        title: document_title(&site.name, &meta.title),
        canonical: canonical_url(meta, site),
        meta: meta_tags(meta, site),
        json_ld: json_ld(meta, site),
    }
}

impl PageMeta {
    /// A plain page (listing, static page, search) at a site path.
    pub fn page(title: impl Into<String>, description: impl Into<String>, path: String) -> Self {
        PageMeta {
            title: title.into(),
            description: description.into(),
            canonical: Some(path),
            image: None,
            kind: PageKind::Website,
        }
    }

    /// The home page: the site's tagline as title and its description.
    pub fn home(site: &Site) -> Self {
        PageMeta {
            title: site.tagline.clone(),
            description: site.description.clone(),
            canonical: Some("/".into()),
            image: None,
            kind: PageKind::Home,
        }
    }

    /// An article at its route, its bylines linking to their contributor pages. Its own
    /// canonical URL wins when it is http(s) (an article first published elsewhere); anything
    /// else (a compromised bucket) falls back to its route.
    pub fn article(article: &Article) -> Self {
        let path = AppRoute::Article(article.slug.clone()).href();
        let own = article.canonical_url.trim();
        let canonical = if is_web_url(own) {
            own.to_owned()
        } else {
            path
        };
        PageMeta {
            title: article.title.clone(),
            description: article.excerpt.clone(),
            canonical: Some(canonical),
            image: article.feature_image.as_ref().map(ShareImage::from),
            kind: PageKind::Article {
                published: article.published_at,
                modified: article.updated_at,
                authors: article
                    .authors
                    .iter()
                    .map(|a| HeadAuthor {
                        name: a.name.clone(),
                        path: AppRoute::contributor(a.slug.clone()).href(),
                    })
                    .collect(),
                topics: article.topics.iter().map(|t| t.name.clone()).collect(),
                article_kind: article.kind,
            },
        }
    }

    /// The 404 page: not indexed, no canonical link.
    pub fn not_found() -> Self {
        PageMeta {
            title: "Page not found".into(),
            description: String::new(),
            canonical: None,
            image: None,
            kind: PageKind::Website,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn json_ld_value(meta: &PageMeta, site: &SiteHead) -> Option<Value> {
        json_ld(meta, site).map(|t| serde_json::from_str(&t).unwrap())
    }

    fn site() -> SiteHead {
        SiteHead {
            name: "Convergence".into(),
            url: "https://convergencemag.com".into(),
            description: "A magazine for radical insights.".into(),
            bucket: "/content/".into(),
            default_image: None,
        }
    }

    fn image(src: &str) -> ShareImage {
        ShareImage {
            src: src.into(),
            width: 1200,
            height: 630,
            alt: "A crowd at a march".into(),
        }
    }

    fn article_meta() -> PageMeta {
        PageMeta {
            title: "Building a Broad Front".into(),
            description: "A panel on strategy.".into(),
            canonical: Some("/articles/broad-front-panel".into()),
            image: None,
            kind: PageKind::Article {
                published: Date::parse("2023-03-01").unwrap(),
                modified: None,
                authors: vec![
                    HeadAuthor {
                        name: "Alexa Horwart".into(),
                        path: "/contributors/alexa-horwart".into(),
                    },
                    HeadAuthor {
                        name: "Bad Path".into(),
                        path: "javascript:alert(1)".into(),
                    },
                ],
                topics: vec!["Strategy".into(), "Elections".into()],
                article_kind: ArticleKind::Article,
            },
        }
    }

    fn get(tags: &[MetaTag], key: MetaKey) -> Vec<&str> {
        tags.iter()
            .filter(|t| t.key == key)
            .map(|t| t.content.as_str())
            .collect()
    }

    #[test]
    fn absolute_urls_only_for_site_paths_and_http() {
        let s = "https://convergencemag.com/";
        assert_eq!(
            absolute_url(s, "/about").as_deref(),
            Some("https://convergencemag.com/about")
        );
        assert_eq!(
            absolute_url(s, "/").as_deref(),
            Some("https://convergencemag.com/")
        );
        assert_eq!(
            absolute_url(s, "https://other.example/a").as_deref(),
            Some("https://other.example/a")
        );
        for bad in [
            "//evil.example/x",
            "javascript:alert(1)",
            "about",
            "/\\evil",
            "",
        ] {
            assert_eq!(absolute_url(s, bad), None, "{bad}");
        }
        assert_eq!(absolute_url("javascript:x", "/about"), None);
    }

    #[test]
    fn image_urls_resolve_under_the_bucket() {
        let mut s = site();
        assert_eq!(
            absolute_image_url(&s, "images/x.jpg").as_deref(),
            Some("https://convergencemag.com/content/images/x.jpg")
        );
        assert_eq!(
            absolute_image_url(&s, "/static/x.jpg").as_deref(),
            Some("https://convergencemag.com/static/x.jpg")
        );
        assert_eq!(
            absolute_image_url(&s, "https://cdn.example/x.jpg").as_deref(),
            Some("https://cdn.example/x.jpg")
        );
        assert_eq!(absolute_image_url(&s, "data:image/png;base64,AA"), None);
        assert_eq!(absolute_image_url(&s, "//evil.example/x.jpg"), None);
        s.bucket = "https://bucket.example/content".into();
        assert_eq!(
            absolute_image_url(&s, "./images/x.jpg").as_deref(),
            Some("https://bucket.example/content/images/x.jpg")
        );
    }

    #[test]
    fn titles() {
        assert_eq!(document_title("Convergence", ""), "Convergence");
        assert_eq!(
            document_title("Convergence", "Subscribe"),
            "Subscribe — Convergence"
        );
    }

    #[test]
    fn article_tags() {
        let tags = meta_tags(&article_meta(), &site());
        let one = |key| get(&tags, key);
        assert_eq!(one(MetaKey::Name("description")), ["A panel on strategy."]);
        assert_eq!(one(MetaKey::Property("og:type")), ["article"]);
        assert_eq!(
            one(MetaKey::Property("og:title")),
            ["Building a Broad Front"]
        );
        assert_eq!(
            one(MetaKey::Property("og:url")),
            ["https://convergencemag.com/articles/broad-front-panel"]
        );
        assert_eq!(one(MetaKey::Property("og:site_name")), ["Convergence"]);
        assert_eq!(one(MetaKey::Name("twitter:card")), ["summary"]);
        assert!(one(MetaKey::Property("og:image")).is_empty());
        assert_eq!(
            one(MetaKey::Property("article:published_time")),
            ["2023-03-01"]
        );
        assert!(one(MetaKey::Property("article:modified_time")).is_empty());
        // The unsafe author path gives no tag rather than a broken one.
        assert_eq!(
            one(MetaKey::Property("article:author")),
            ["https://convergencemag.com/contributors/alexa-horwart"]
        );
        assert_eq!(one(MetaKey::Property("article:section")), ["Strategy"]);
        assert_eq!(
            one(MetaKey::Property("article:tag")),
            ["Strategy", "Elections"]
        );
        assert!(one(MetaKey::Name("robots")).is_empty());
    }

    #[test]
    fn images_and_the_site_default() {
        let mut s = site();
        let mut meta = article_meta();
        s.default_image = Some(image("images/default.jpg"));
        let tags = meta_tags(&meta, &s);
        assert_eq!(
            get(&tags, MetaKey::Property("og:image")),
            ["https://convergencemag.com/content/images/default.jpg"]
        );
        assert_eq!(get(&tags, MetaKey::Property("og:image:width")), ["1200"]);
        assert_eq!(get(&tags, MetaKey::Property("og:image:height")), ["630"]);
        assert_eq!(
            get(&tags, MetaKey::Property("og:image:alt")),
            ["A crowd at a march"]
        );
        assert_eq!(
            get(&tags, MetaKey::Name("twitter:card")),
            ["summary_large_image"]
        );
        meta.image = Some(image("https://cdn.example/own.jpg"));
        let tags = meta_tags(&meta, &s);
        assert_eq!(
            get(&tags, MetaKey::Property("og:image")),
            ["https://cdn.example/own.jpg"]
        );
        // An image that cannot be made safe is left out, and the card is the small one.
        meta.image = Some(image("javascript:alert(1)"));
        s.default_image = None;
        let tags = meta_tags(&meta, &s);
        assert!(get(&tags, MetaKey::Property("og:image")).is_empty());
        assert_eq!(get(&tags, MetaKey::Name("twitter:card")), ["summary"]);
    }

    #[test]
    fn pages_without_their_own_fall_back_to_the_site() {
        let meta = PageMeta::page("", "", "/".into());
        let tags = meta_tags(&meta, &site());
        assert_eq!(
            get(&tags, MetaKey::Name("description")),
            ["A magazine for radical insights."]
        );
        assert_eq!(get(&tags, MetaKey::Property("og:title")), ["Convergence"]);
        assert_eq!(get(&tags, MetaKey::Property("og:type")), ["website"]);
        assert_eq!(json_ld(&meta, &site()), None);
    }

    #[test]
    fn not_found_is_not_indexed_and_has_no_canonical() {
        let h = head(&PageMeta::not_found(), &site());
        assert_eq!(h.canonical, None);
        assert_eq!(get(&h.meta, MetaKey::Name("robots")), ["noindex"]);
        assert!(get(&h.meta, MetaKey::Property("og:url")).is_empty());
        assert_eq!(h.title, "Page not found — Convergence");
    }

    #[test]
    fn news_article_json_ld() {
        let mut meta = article_meta();
        if let PageKind::Article { modified, .. } = &mut meta.kind {
            *modified = Some(Date::parse("2023-04-02").unwrap());
        }
        let v = json_ld_value(&meta, &site()).unwrap();
        assert_eq!(v["@context"], "https://schema.org");
        assert_eq!(v["@type"], "NewsArticle");
        assert_eq!(v["headline"], "Building a Broad Front");
        assert_eq!(v["description"], "A panel on strategy.");
        assert_eq!(v["datePublished"], "2023-03-01");
        assert_eq!(v["dateModified"], "2023-04-02");
        assert_eq!(v["author"][0]["@type"], "Person");
        assert_eq!(v["author"][0]["name"], "Alexa Horwart");
        assert_eq!(
            v["author"][0]["url"],
            "https://convergencemag.com/contributors/alexa-horwart"
        );
        assert_eq!(v["author"][1]["name"], "Bad Path");
        assert!(v["author"][1].get("url").is_none());
        assert_eq!(v["publisher"]["@type"], "Organization");
        assert_eq!(v["publisher"]["name"], "Convergence");
        assert_eq!(
            v["mainEntityOfPage"],
            "https://convergencemag.com/articles/broad-front-panel"
        );
        assert_eq!(v["articleSection"], "Strategy");
    }

    #[test]
    fn unmodified_articles_are_modified_when_published() {
        let v = json_ld_value(&article_meta(), &site()).unwrap();
        assert_eq!(v["dateModified"], "2023-03-01");
    }

    #[test]
    fn home_and_profile_json_ld() {
        let mut meta = PageMeta::page("A magazine for radical insights", "", "/".into());
        meta.kind = PageKind::Home;
        let v = json_ld_value(&meta, &site()).unwrap();
        assert_eq!(v["@type"], "WebSite");
        assert_eq!(v["name"], "Convergence");
        assert_eq!(v["url"], "https://convergencemag.com/");
        assert_eq!(v["description"], "A magazine for radical insights.");

        let mut meta = PageMeta::page(
            "Alexa Horwart",
            "Alexa Horwart: biography.",
            "/contributors/alexa-horwart".into(),
        );
        meta.kind = PageKind::Profile {
            name: "Alexa Horwart".into(),
            same_as: vec![
                "https://example.org/alexa".into(),
                "mailto:a@example.org".into(),
                "javascript:alert(1)".into(),
            ],
        };
        let mut s = site();
        s.default_image = Some(image("images/default.jpg"));
        let v = json_ld_value(&meta, &s).unwrap();
        assert_eq!(v["@type"], "Person");
        assert_eq!(v["name"], "Alexa Horwart");
        assert_eq!(
            v["url"],
            "https://convergencemag.com/contributors/alexa-horwart"
        );
        assert_eq!(v["sameAs"], json!(["https://example.org/alexa"]));
        assert!(v.get("image").is_none());
    }

    #[test]
    fn json_ld_cannot_close_its_script_element() {
        let mut meta = article_meta();
        meta.title = "</script><script>alert(1)</script> & <!-- \u{2028}".into();
        let text = json_ld(&meta, &site()).unwrap();
        for bad in ["<", ">", "&", "\u{2028}"] {
            assert!(!text.contains(bad), "{bad} in {text}");
        }
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["headline"], meta.title.as_str());
    }

    fn json_string(s: &str) -> String {
        let mut out = String::new();
        push_json_string(&mut out, s);
        out
    }

    #[test]
    fn json_strings_escape_what_json_and_html_need() {
        assert_eq!(json_string("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(
            json_string("</x>&\n\u{1}"),
            r#""\u003c/x\u003e\u0026\u000a\u0001""#
        );
        assert_eq!(json_string("\u{2028}\u{2029}é🫶"), "\"\\u2028\\u2029é🫶\"");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, failure_persistence: None, ..Default::default() })]

        #[test]
        fn any_text_round_trips_and_cannot_leave_a_script(s in "\\PC{0,40}|[\\x00-\\x1f\"\\\\<>&\u{2028}\u{2029}a]{0,20}") {
            let out = json_string(&s);
            proptest::prop_assert_eq!(serde_json::from_str::<String>(&out).unwrap(), s);
            let unsafe_chars = ['<', '>', '&', '\u{2028}', '\u{2029}'];
            proptest::prop_assert!(!out.contains(unsafe_chars), "unescaped in {}", out);
        }
    }

    #[test]
    fn articles_keep_an_http_canonical_and_refuse_others() {
        use crate::types::{ArticleKind, AuthorRef, ReadingTime, SchemaVersion};
        let mut a = Article {
            schema_version: SchemaVersion::default(),
            slug: crate::Slug::parse("a").unwrap(),
            title: "A".into(),
            dek: String::new(),
            kind: ArticleKind::Article,
            published_at: Date::parse("2020-01-02").unwrap(),
            updated_at: None,
            authors: vec![AuthorRef {
                slug: crate::Slug::parse("x").unwrap(),
                name: "X".into(),
            }],
            topics: vec![],
            feature_image: None,
            media: None,
            episode: None,
            markdown: String::new(),
            reading_time: ReadingTime(1),
            excerpt: "E".into(),
            canonical_url: "https://elsewhere.example/a".into(),
            originally_published: None,
            related: vec![],
        };
        let meta = PageMeta::article(&a);
        assert_eq!(
            meta.canonical.as_deref(),
            Some("https://elsewhere.example/a")
        );
        a.canonical_url = "javascript:alert(1)".into();
        let meta = PageMeta::article(&a);
        assert_eq!(meta.canonical.as_deref(), Some("/articles/a"));
        match meta.kind {
            PageKind::Article { authors, .. } => assert_eq!(authors[0].path, "/contributors/x"),
            other => panic!("{other:?}"),
        }
    }
}
