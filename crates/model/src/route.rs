//! The site's URL scheme, in one place: every reader URL as a typed [`AppRoute`] that prints
//! itself ([`AppRoute::href`], [`AppRoute::absolute`]) and parses back ([`AppRoute::parse`]).
//! The app's route table, the builder's sitemap, feed and oEmbed, the link checker and the
//! slugs a static page may not take all follow it.

use crate::ids::Slug;
use crate::paths;

const ARTICLES: &str = "articles";
const CONTRIBUTORS: &str = "contributors";
const TOPICS: &str = "topics";
const ARCHIVE: &str = "archive";
const SEARCH: &str = "search";
const SUBSCRIBE: &str = "subscribe";
const SAVED: &str = "saved";
const PODCASTS: &str = "podcasts";
const EMBED: &str = "embed";

/// First path segments the routes below take for themselves.
pub const ROUTE_SEGMENTS: &[&str] = &[
    ARTICLES,
    CONTRIBUTORS,
    TOPICS,
    ARCHIVE,
    SEARCH,
    SUBSCRIBE,
    SAVED,
    PODCASTS,
    EMBED,
];

/// Top-level names that are not reader routes but share the site's origin: the staff preview
/// entry, and the bucket's own folders and files for hosts that serve it at the root
/// (`content` where it is served as the app's default `content-base`).
pub const SHARED_SEGMENTS: &[&str] = &[
    "content",
    "drafts",
    "feed.xml",
    "images",
    "index",
    "oembed",
    "pages",
    "preview",
    "sitemap.xml",
];

/// Every pattern of the app's route table, in the order the router tries them (the
/// catch-all static page last); `src/app.rs` declares exactly these plus `/preview`.
pub const PATTERNS: &[&str] = &[
    "/",
    "/articles/:slug",
    "/embed/articles/:slug",
    "/contributors",
    "/contributors/:slug",
    "/topics",
    "/topics/:slug",
    "/archive",
    "/archive/:year",
    "/search",
    "/subscribe",
    "/saved",
    "/podcasts",
    "/podcasts/:slug",
    "/:slug",
];

/// Whether a first path segment is taken, so no static page may use it as its slug.
pub fn is_reserved(segment: &str) -> bool {
    ROUTE_SEGMENTS.contains(&segment) || SHARED_SEGMENTS.contains(&segment)
}

/// A place in the site a reader (or a link) can go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppRoute {
    /// `/`, or `/?page=n` for older articles.
    Home {
        /// Listing page, from 1.
        page: u32,
    },
    /// `/articles/:slug`.
    Article(Slug),
    /// `/contributors`: the masthead.
    Contributors,
    /// `/contributors/:slug`, paged with `?page=n`.
    Contributor {
        /// The contributor.
        slug: Slug,
        /// Page of their articles, from 1.
        page: u32,
    },
    /// `/topics`: every topic.
    Topics,
    /// `/topics/:slug`, paged with `?page=n`.
    Topic {
        /// The topic.
        slug: Slug,
        /// Listing page, from 1.
        page: u32,
    },
    /// `/archive`: every year.
    Archive,
    /// `/archive/:year`, paged with `?page=n`.
    ArchiveYear {
        /// The year.
        year: u16,
        /// Listing page, from 1.
        page: u32,
    },
    /// `/search?q=`.
    Search(String),
    /// `/subscribe`.
    Subscribe,
    /// `/saved`: the articles saved on this device for offline reading.
    Saved,
    /// `/podcasts`: every show.
    Podcasts,
    /// `/podcasts/:slug`: one show and its episodes, paged with `?page=n`.
    Show {
        /// The show.
        slug: Slug,
        /// Page of its episodes, from 1.
        page: u32,
    },
    /// A static page at the top level, e.g. `/about`.
    Page(Slug),
    /// `/embed/articles/:slug`: the card embed the build renders; the app hands a missing one to
    /// the embed entry.
    EmbedArticle(Slug),
}

impl AppRoute {
    /// The routes every site has, whatever its content: home, the indexes, search, subscribe.
    pub fn fixed() -> Vec<AppRoute> {
        vec![
            AppRoute::Home { page: 1 },
            AppRoute::Contributors,
            AppRoute::Topics,
            AppRoute::Archive,
            AppRoute::Search(String::new()),
            AppRoute::Subscribe,
            AppRoute::Saved,
            AppRoute::Podcasts,
        ]
    }

    /// The first page of a show.
    pub fn show(slug: Slug) -> AppRoute {
        AppRoute::Show { slug, page: 1 }
    }

    /// The first page of a contributor's page.
    pub fn contributor(slug: Slug) -> AppRoute {
        AppRoute::Contributor { slug, page: 1 }
    }

    /// The first page of a topic.
    pub fn topic(slug: Slug) -> AppRoute {
        AppRoute::Topic { slug, page: 1 }
    }

    /// The first page of a year in the archive.
    pub fn year(year: u16) -> AppRoute {
        AppRoute::ArchiveYear { year, page: 1 }
    }

    /// The path (and query) for links.
    pub fn href(&self) -> String {
        match self {
            AppRoute::Home { page } => page_href("/", *page),
            AppRoute::Article(s) => format!("/{ARTICLES}/{s}"),
            AppRoute::Contributors => format!("/{CONTRIBUTORS}"),
            AppRoute::Contributor { slug, page } => {
                page_href(&format!("/{CONTRIBUTORS}/{slug}"), *page)
            }
            AppRoute::Topics => format!("/{TOPICS}"),
            AppRoute::Topic { slug, page } => page_href(&format!("/{TOPICS}/{slug}"), *page),
            AppRoute::Archive => format!("/{ARCHIVE}"),
            AppRoute::ArchiveYear { year, page } => page_href(&format!("/{ARCHIVE}/{year}"), *page),
            AppRoute::Search(q) if q.is_empty() => format!("/{SEARCH}"),
            AppRoute::Search(q) => format!("/{SEARCH}?q={}", form_urlencode(q)),
            AppRoute::Subscribe => format!("/{SUBSCRIBE}"),
            AppRoute::Saved => format!("/{SAVED}"),
            AppRoute::Podcasts => format!("/{PODCASTS}"),
            AppRoute::Show { slug, page } => page_href(&format!("/{PODCASTS}/{slug}"), *page),
            AppRoute::Page(s) => format!("/{s}"),
            AppRoute::EmbedArticle(s) => format!("/{EMBED}/{ARTICLES}/{s}"),
        }
    }

    /// The public URL on the site's origin (`site_url` with or without a trailing slash).
    pub fn absolute(&self, site_url: &str) -> String {
        format!("{}{}", site_url.trim_end_matches('/'), self.href())
    }

    /// The route table pattern this route is served by (one of [`PATTERNS`]).
    pub fn pattern(&self) -> &'static str {
        match self {
            AppRoute::Home { .. } => "/",
            AppRoute::Article(_) => "/articles/:slug",
            AppRoute::Contributors => "/contributors",
            AppRoute::Contributor { .. } => "/contributors/:slug",
            AppRoute::Topics => "/topics",
            AppRoute::Topic { .. } => "/topics/:slug",
            AppRoute::Archive => "/archive",
            AppRoute::ArchiveYear { .. } => "/archive/:year",
            AppRoute::Search(_) => "/search",
            AppRoute::Subscribe => "/subscribe",
            AppRoute::Saved => "/saved",
            AppRoute::Podcasts => "/podcasts",
            AppRoute::Show { .. } => "/podcasts/:slug",
            AppRoute::Page(_) => "/:slug",
            AppRoute::EmbedArticle(_) => "/embed/articles/:slug",
        }
    }

    /// The bucket file whose presence makes this route a real page (the one its page loads
    /// first); `None` for search and subscribe, which show a page whatever the bucket holds.
    pub fn bucket_file(&self) -> Option<String> {
        Some(match self {
            AppRoute::Home { page } => paths::home_page(*page),
            AppRoute::Article(s) | AppRoute::EmbedArticle(s) => paths::article(s),
            AppRoute::Contributors => paths::contributors(),
            AppRoute::Contributor { slug, page: 1 } => paths::contributor(slug),
            AppRoute::Contributor { slug, page } => paths::contributor_articles(slug, *page),
            AppRoute::Topics => paths::topics(),
            AppRoute::Topic { slug, page } => paths::topic_page(slug, *page),
            AppRoute::Archive => paths::archive_years(),
            AppRoute::ArchiveYear { year, page } => paths::archive_page(*year, *page),
            AppRoute::Podcasts => paths::podcasts(),
            AppRoute::Show { slug, page } => paths::show_page(slug, *page),
            AppRoute::Page(s) => paths::page(s),
            AppRoute::Search(_) | AppRoute::Subscribe | AppRoute::Saved => return None,
        })
    }

    /// Reads a path and its query string (with or without the `?`), as the router would:
    /// one trailing slash is allowed, unknown query parameters are ignored, and a missing or
    /// bad `?page=` is page 1. `None` for anything the site does not serve.
    pub fn parse(path: &str, query: &str) -> Option<AppRoute> {
        let path = path.strip_prefix('/').filter(|p| !p.starts_with('/'))?;
        let path = path.strip_suffix('/').unwrap_or(path);
        let param = |name: &str| query_param(query, name);
        let page = || parse_page(param("page").as_deref());
        let slug = |s: &str| Slug::parse(s).ok();
        let segments: Vec<&str> = if path.is_empty() {
            Vec::new()
        } else {
            path.split('/').collect()
        };
        Some(match segments.as_slice() {
            [] => AppRoute::Home { page: page() },
            [ARTICLES, s] => AppRoute::Article(slug(s)?),
            [CONTRIBUTORS] => AppRoute::Contributors,
            [CONTRIBUTORS, s] => AppRoute::Contributor {
                slug: slug(s)?,
                page: page(),
            },
            [TOPICS] => AppRoute::Topics,
            [TOPICS, s] => AppRoute::Topic {
                slug: slug(s)?,
                page: page(),
            },
            [ARCHIVE] => AppRoute::Archive,
            [ARCHIVE, y] => AppRoute::ArchiveYear {
                year: parse_year(y)?,
                page: page(),
            },
            [SEARCH] => AppRoute::Search(param("q").unwrap_or_default()),
            [SUBSCRIBE] => AppRoute::Subscribe,
            [SAVED] => AppRoute::Saved,
            [PODCASTS] => AppRoute::Podcasts,
            [PODCASTS, s] => AppRoute::Show {
                slug: slug(s)?,
                page: page(),
            },
            [EMBED, ARTICLES, s] => AppRoute::EmbedArticle(slug(s)?),
            [s] if !is_reserved(s) => AppRoute::Page(slug(s)?),
            _ => return None,
        })
    }

    /// Reads a site-relative link (`/path?query#fragment`).
    pub fn parse_href(href: &str) -> Option<AppRoute> {
        let href = href.split('#').next().unwrap_or_default();
        let (path, query) = href.split_once('?').unwrap_or((href, ""));
        AppRoute::parse(path, query)
    }

    /// Reads an absolute URL on the site's origin (`site_url`); `None` when the URL is
    /// elsewhere or the site does not serve it.
    pub fn parse_url(site_url: &str, url: &str) -> Option<AppRoute> {
        let rest = url.strip_prefix(site_url.trim_end_matches('/'))?;
        if rest.is_empty() {
            return Some(AppRoute::Home { page: 1 });
        }
        if !rest.starts_with(['/', '?', '#']) {
            return None;
        }
        let rest = if rest.starts_with('/') {
            rest.to_owned()
        } else {
            format!("/{rest}")
        };
        AppRoute::parse_href(&rest)
    }
}

/// A year from a URL: four digits, 1900 on (the dates the model accepts).
pub fn parse_year(raw: &str) -> Option<u16> {
    (raw.len() == 4 && raw.bytes().all(|b| b.is_ascii_digit()))
        .then(|| raw.parse::<u16>().ok())
        .flatten()
        .filter(|y| *y >= 1900)
}

/// Encodes a value the way HTML forms do (`application/x-www-form-urlencoded`, WHATWG):
/// the query strings of our own links and the bodies of form-encoded subscribe requests.
pub fn form_urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes a form-encoded value (`+` is a space, `%XX` a byte); bytes that are not UTF-8
/// become U+FFFD, as browsers do.
pub fn form_urldecode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (
                    bytes.get(i + 1).copied().and_then(hex),
                    bytes.get(i + 2).copied().and_then(hex),
                ) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The first value of a query parameter, decoded (`query` with or without its `?`).
pub fn query_param(query: &str, name: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (form_urldecode(k) == name).then(|| form_urldecode(v))
        })
        .next()
}

/// A listing page's link: `base` for page 1, `base?page=n` after it.
pub fn page_href(base: &str, page: u32) -> String {
    if page <= 1 {
        base.to_owned()
    } else {
        format!("{base}?page={page}")
    }
}

/// Parses a `?page=` value: anything missing, zero or garbage is page 1.
pub fn parse_page(raw: Option<&str>) -> u32 {
    raw.and_then(|p| p.trim().parse::<u32>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(s: &str) -> Slug {
        Slug::parse(s).unwrap()
    }

    /// One route of every variant, with every optional part set and unset.
    fn samples() -> Vec<AppRoute> {
        vec![
            AppRoute::Home { page: 1 },
            AppRoute::Home { page: 3 },
            AppRoute::Article(slug("broad-front-panel")),
            AppRoute::Contributors,
            AppRoute::contributor(slug("marcy-rein")),
            AppRoute::Contributor {
                slug: slug("marcy-rein"),
                page: 2,
            },
            AppRoute::Topics,
            AppRoute::topic(slug("strategy")),
            AppRoute::Topic {
                slug: slug("strategy"),
                page: 4,
            },
            AppRoute::Archive,
            AppRoute::year(2012),
            AppRoute::ArchiveYear {
                year: 2012,
                page: 2,
            },
            AppRoute::Search(String::new()),
            AppRoute::Search("block & build".into()),
            AppRoute::Search("100% «élan» a+b=c?".into()),
            AppRoute::Subscribe,
            AppRoute::Saved,
            AppRoute::Podcasts,
            AppRoute::show(slug("black-work-talk")),
            AppRoute::Show {
                slug: slug("black-work-talk"),
                page: 2,
            },
            AppRoute::Page(slug("about")),
            AppRoute::EmbedArticle(slug("broad-front-panel")),
        ]
    }

    #[test]
    fn every_route_round_trips() {
        for route in samples() {
            let href = route.href();
            assert_eq!(AppRoute::parse_href(&href), Some(route.clone()), "{href}");
            let url = route.absolute("https://convergencemag.com/");
            assert_eq!(
                AppRoute::parse_url("https://convergencemag.com", &url),
                Some(route.clone()),
                "{url}"
            );
            assert!(PATTERNS.contains(&route.pattern()), "{href}");
        }
    }

    #[test]
    fn each_page_names_the_file_it_loads() {
        let file = |r: AppRoute| r.bucket_file();
        assert_eq!(
            file(AppRoute::Home { page: 2 }).as_deref(),
            Some("index/2.json")
        );
        assert_eq!(
            file(AppRoute::EmbedArticle(slug("a"))).as_deref(),
            Some("articles/a.json")
        );
        assert_eq!(
            file(AppRoute::contributor(slug("a"))).as_deref(),
            Some("contributors/a.json")
        );
        assert_eq!(
            file(AppRoute::Contributor {
                slug: slug("a"),
                page: 3
            })
            .as_deref(),
            Some("contributors/a/3.json")
        );
        assert_eq!(
            file(AppRoute::year(2012)).as_deref(),
            Some("archive/2012/1.json")
        );
        assert_eq!(file(AppRoute::Topics).as_deref(), Some("topics.json"));
        assert_eq!(file(AppRoute::Archive).as_deref(), Some("archive.json"));
        assert_eq!(file(AppRoute::Search("x".into())), None);
    }

    #[test]
    fn hrefs_are_the_published_scheme() {
        assert_eq!(AppRoute::Home { page: 1 }.href(), "/");
        assert_eq!(AppRoute::Home { page: 3 }.href(), "/?page=3");
        assert_eq!(
            AppRoute::Article(slug("broad-front-panel")).href(),
            "/articles/broad-front-panel"
        );
        assert_eq!(
            AppRoute::contributor(slug("marcy-rein")).href(),
            "/contributors/marcy-rein"
        );
        assert_eq!(AppRoute::Topics.href(), "/topics");
        assert_eq!(
            AppRoute::Topic {
                slug: slug("strategy"),
                page: 2
            }
            .href(),
            "/topics/strategy?page=2"
        );
        assert_eq!(AppRoute::Archive.href(), "/archive");
        assert_eq!(AppRoute::year(2012).href(), "/archive/2012");
        assert_eq!(
            AppRoute::Search("block & build".into()).href(),
            "/search?q=block+%26+build"
        );
        assert_eq!(AppRoute::Page(slug("about")).href(), "/about");
        assert_eq!(
            AppRoute::EmbedArticle(slug("a")).absolute("https://convergencemag.com/"),
            "https://convergencemag.com/embed/articles/a"
        );
    }

    #[test]
    fn every_pattern_has_a_route() {
        let mut seen: Vec<&str> = samples().iter().map(AppRoute::pattern).collect();
        seen.sort_unstable();
        seen.dedup();
        let mut all = PATTERNS.to_vec();
        all.sort_unstable();
        assert_eq!(seen, all);
        assert_eq!(PATTERNS.last(), Some(&"/:slug"));
    }

    #[test]
    fn reserved_segments_are_the_routes_first_segments() {
        for route in samples() {
            let href = route.href();
            let first = href
                .trim_start_matches('/')
                .split(['/', '?'])
                .next()
                .unwrap();
            match route {
                AppRoute::Home { .. } => assert_eq!(first, ""),
                AppRoute::Page(_) => assert!(!is_reserved(first), "{href}"),
                _ => assert!(ROUTE_SEGMENTS.contains(&first), "{href}"),
            }
        }
        for s in ROUTE_SEGMENTS.iter().chain(SHARED_SEGMENTS) {
            assert!(
                !matches!(
                    AppRoute::parse(&format!("/{s}"), ""),
                    Some(AppRoute::Page(_))
                ),
                "{s}"
            );
        }
    }

    #[test]
    fn the_router_forgives_what_it_forgives() {
        let a = Some(AppRoute::Article(slug("a")));
        assert_eq!(AppRoute::parse("/articles/a/", ""), a);
        assert_eq!(AppRoute::parse_href("/articles/a?utm_source=x#top"), a);
        assert_eq!(
            AppRoute::parse("/", "?page=0"),
            Some(AppRoute::Home { page: 1 })
        );
        assert_eq!(
            AppRoute::parse("/topics/strategy", "page=x&page=5"),
            Some(AppRoute::topic(slug("strategy")))
        );
        assert_eq!(
            AppRoute::parse("/search", "q=a%2Bb+c"),
            Some(AppRoute::Search("a+b c".into()))
        );
        assert_eq!(
            AppRoute::parse_url("https://convergencemag.com", "https://convergencemag.com"),
            Some(AppRoute::Home { page: 1 })
        );
    }

    #[test]
    fn garbage_is_not_a_route() {
        for bad in [
            "",
            "articles/a",
            "//",
            "/articles",
            "/articles/",
            "/articles/Bad_Slug",
            "/articles/a/b",
            "/contributors/a/b",
            "/topics/a--b",
            "/archive/12",
            "/archive/0999",
            "/archive/20x2",
            "/embed",
            "/embed/articles",
            "/preview",
            "/feed.xml",
            "/content",
            "/about//",
            "/a/b/c",
            "/ABOUT",
            "/%61bout",
        ] {
            assert_eq!(AppRoute::parse_href(bad), None, "{bad:?}");
        }
        for url in [
            "https://convergencemag.com.evil.org/about",
            "https://example.org/about",
            "https://convergencemag.comabout",
        ] {
            assert_eq!(
                AppRoute::parse_url("https://convergencemag.com", url),
                None,
                "{url}"
            );
        }
    }

    #[test]
    fn years_pages_and_query_values() {
        assert_eq!(parse_year("2012"), Some(2012));
        for bad in ["12", "20121", "abcd", "0999", "-201", "+201", ""] {
            assert_eq!(parse_year(bad), None, "{bad}");
        }
        assert_eq!(page_href("/topics/strategy", 1), "/topics/strategy");
        assert_eq!(page_href("/", 3), "/?page=3");
        assert_eq!(parse_page(None), 1);
        assert_eq!(parse_page(Some("0")), 1);
        assert_eq!(parse_page(Some("x")), 1);
        assert_eq!(parse_page(Some("4")), 4);
        assert_eq!(form_urldecode("a%zz%4"), "a%zz%4");
        assert_eq!(form_urldecode("%C3%A9+%FF"), "é \u{fffd}");
        assert_eq!(query_param("?x=1&q=a+b", "q").as_deref(), Some("a b"));
        assert_eq!(query_param("q", "q").as_deref(), Some(""));
        assert_eq!(query_param("x=1", "q"), None);
    }
}
