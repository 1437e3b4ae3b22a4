//! Every in-app path, built in one place; the route table in `app.rs` matches these.

use model::Slug;

/// A place in the app a link can point to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppRoute {
    /// `/`, or `/?page=n` for older articles.
    Home {
        /// Listing page, from 1.
        page: u32,
    },
    /// `/articles/:slug`.
    Article(Slug),
    /// `/contributors`.
    Contributors,
    /// `/contributors/:slug`.
    Contributor(Slug),
    /// `/topics/:slug`.
    Topic(Slug),
    /// `/archive/:year`.
    Archive(u16),
    /// `/search?q=`.
    Search(String),
    /// `/subscribe`.
    Subscribe,
    /// A static page at the top level, e.g. `/about`.
    Page(Slug),
}

impl AppRoute {
    /// The path (and query) for links.
    pub fn href(&self) -> String {
        match self {
            AppRoute::Home { page } if *page <= 1 => "/".into(),
            AppRoute::Home { page } => format!("/?page={page}"),
            AppRoute::Article(s) => format!("/articles/{s}"),
            AppRoute::Contributors => "/contributors".into(),
            AppRoute::Contributor(s) => format!("/contributors/{s}"),
            AppRoute::Topic(s) => format!("/topics/{s}"),
            AppRoute::Archive(y) => format!("/archive/{y}"),
            AppRoute::Search(q) if q.is_empty() => "/search".into(),
            AppRoute::Search(q) => format!("/search?q={}", form_urlencode(q)),
            AppRoute::Subscribe => "/subscribe".into(),
            AppRoute::Page(s) => format!("/{s}"),
        }
    }
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

    #[test]
    fn hrefs() {
        assert_eq!(AppRoute::Home { page: 1 }.href(), "/");
        assert_eq!(AppRoute::Home { page: 3 }.href(), "/?page=3");
        assert_eq!(
            AppRoute::Article(slug("broad-front-panel")).href(),
            "/articles/broad-front-panel"
        );
        assert_eq!(
            AppRoute::Contributor(slug("marcy-rein")).href(),
            "/contributors/marcy-rein"
        );
        assert_eq!(AppRoute::Archive(2012).href(), "/archive/2012");
        assert_eq!(
            AppRoute::Search("block & build".into()).href(),
            "/search?q=block+%26+build"
        );
        assert_eq!(AppRoute::Page(slug("about")).href(), "/about");
    }

    #[test]
    fn listing_pages() {
        assert_eq!(page_href("/topics/strategy", 1), "/topics/strategy");
        assert_eq!(page_href("/topics/strategy", 2), "/topics/strategy?page=2");
        assert_eq!(page_href("/", 3), "/?page=3");
    }

    #[test]
    fn pages_parse_forgivingly() {
        assert_eq!(parse_page(None), 1);
        assert_eq!(parse_page(Some("0")), 1);
        assert_eq!(parse_page(Some("x")), 1);
        assert_eq!(parse_page(Some("4")), 4);
    }
}
