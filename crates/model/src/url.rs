//! The one URL safety policy: which bucket URLs may become a link, an image, a canonical
//! URL or an embed origin. The Markdown renderer, the app, the embed and the builder all ask
//! here, so a URL refused in one place is refused everywhere.

/// What a URL would do if a browser followed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlKind {
    /// A path, `?query` or `#fragment` on this site.
    Relative,
    /// http or https: another site, so the page must not hand it `window.opener`.
    External,
    /// mailto.
    Mail,
    /// Anything else: dropped.
    Blocked,
}

/// Browsers strip leading and trailing C0 controls and spaces before parsing a URL.
fn trim(url: &str) -> &str {
    url.trim_matches(|c: char| c.is_whitespace() || c.is_control())
}

/// Allow-lists a link or image URL as the browser would resolve it.
/// pulldown-cmark has already decoded entities and backslash escapes, so
/// `&#106;avascript:` and `javascript&colon;` arrive here as `javascript:`.
pub fn classify(url: &str) -> UrlKind {
    let url = trim(url);
    // Browsers delete tabs and newlines anywhere in a URL, which turns
    // `java\tscript:` into a live scheme; no honest URL contains a control.
    if url.chars().any(char::is_control) {
        return UrlKind::Blocked;
    }
    let bytes = url.as_bytes();
    // Protocol-relative (`//host`, and `\\host` or `/\host`, which browsers
    // treat the same) leaves this site without naming a scheme.
    if bytes.len() >= 2 && matches!(bytes[0], b'/' | b'\\') && matches!(bytes[1], b'/' | b'\\') {
        return UrlKind::Blocked;
    }
    let scheme_end = url.find([':', '/', '?', '#', '\\']).unwrap_or(url.len());
    if !url[scheme_end..].starts_with(':') {
        return UrlKind::Relative;
    }
    // A colon before any path separator means a scheme (or something a browser
    // might read as one): only these three pass.
    let scheme = &url[..scheme_end];
    if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
        UrlKind::External
    } else if scheme.eq_ignore_ascii_case("mailto") {
        UrlKind::Mail
    } else {
        UrlKind::Blocked
    }
}

/// A URL from the bucket that is safe to put in an `href` (http, https, mailto, or a path on
/// this site), trimmed; None for any other scheme, for a protocol-relative `//host` URL, and
/// for URLs with control characters inside. Used for every link that does not go through
/// Markdown: navigation and footer links, media, profile links, the support link, canonicals.
pub fn safe_url(url: &str) -> Option<&str> {
    let trimmed = trim(url);
    (!trimmed.is_empty() && classify(trimmed) != UrlKind::Blocked).then_some(trimmed)
}

/// Resolves a bucket image URL against the bucket's base URL: http(s) URLs and site paths
/// as they are, bucket-relative paths (`images/x.jpg`) under the bucket; anything the link
/// policy refuses, and mailto (not an image), is None.
pub fn resolve_asset(src: &str, base: &str) -> Option<String> {
    let src = trim(src);
    if src.is_empty() {
        return None;
    }
    match classify(src) {
        UrlKind::External => Some(src.to_owned()),
        UrlKind::Relative if src.starts_with('/') => Some(src.to_owned()),
        // `?x` or `#x` alone names no image.
        UrlKind::Relative if src.starts_with(['?', '#']) => None,
        UrlKind::Relative => Some(format!("{base}{}", src.trim_start_matches("./"))),
        UrlKind::Mail | UrlKind::Blocked => None,
    }
}

/// The origin (`https://host`) of an absolute http(s) URL the policy accepts, or None.
pub fn origin_of(url: &str) -> Option<&str> {
    if classify(url) != UrlKind::External || url != trim(url) {
        return None;
    }
    let scheme_len = url.find("://")? + 3;
    let rest = &url[scheme_len..];
    let host_len = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    (host_len > 0).then(|| &url[..scheme_len + host_len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_url_keeps_web_mail_and_site_urls_only() {
        for (url, kept) in [
            ("https://example.org/a", Some("https://example.org/a")),
            ("  HTTP://x.org ", Some("HTTP://x.org")),
            ("mailto:a@b.c", Some("mailto:a@b.c")),
            ("/about", Some("/about")),
            ("#top", Some("#top")),
            ("javascript:alert(1)", None),
            (" \u{1}JavaScript:alert(1)", None),
            ("java\tscript:alert(1)", None),
            ("data:text/html,x", None),
            ("vbscript:x", None),
            ("//evil.example", None),
            ("/\\evil.example", None),
            ("", None),
        ] {
            assert_eq!(safe_url(url), kept, "{url:?}");
        }
    }

    #[test]
    fn classify_cases() {
        assert_eq!(classify(""), UrlKind::Relative);
        assert_eq!(classify("https://x"), UrlKind::External);
        assert_eq!(classify("MailTo:x@y"), UrlKind::Mail);
        assert_eq!(classify("  javascript:x"), UrlKind::Blocked);
        assert_eq!(classify("java\u{0}script:x"), UrlKind::Blocked);
        assert_eq!(classify("/a\tb"), UrlKind::Blocked);
        assert_eq!(classify("/\\evil"), UrlKind::Blocked);
        assert_eq!(classify("javascript%3Aalert(1)"), UrlKind::Relative);
    }

    #[test]
    fn assets_resolve_against_the_bucket_and_refuse_what_links_refuse() {
        let base = "/content/";
        assert_eq!(
            resolve_asset("images/p.svg", base).as_deref(),
            Some("/content/images/p.svg")
        );
        assert_eq!(
            resolve_asset("./images/p.svg", "https://c.example.org/").as_deref(),
            Some("https://c.example.org/images/p.svg")
        );
        assert_eq!(
            resolve_asset("/images/p.svg", base).as_deref(),
            Some("/images/p.svg")
        );
        assert_eq!(
            resolve_asset("https://cdn.example.org/p.jpg", base).as_deref(),
            Some("https://cdn.example.org/p.jpg")
        );
        for bad in [
            "javascript:alert(1)",
            " JavaScript:x",
            "data:image/png;base64,AA",
            "//evil.example/x.png",
            "/\\evil.example/x.png",
            "\\\\evil.example/x.png",
            "java\tscript:x",
            "mailto:a@b.c",
            "#x",
            "",
            "vbscript:x",
        ] {
            assert_eq!(resolve_asset(bad, base), None, "{bad:?}");
        }
    }

    #[test]
    fn every_asset_the_policy_accepts_is_a_safe_url() {
        for src in [
            "images/a.png",
            "/a.png",
            "https://x.org/a.png",
            "a:b/c",
            "a/b:c",
        ] {
            if let Some(resolved) = resolve_asset(src, "/content/") {
                assert!(safe_url(&resolved).is_some(), "{src:?} -> {resolved:?}");
            }
        }
    }

    #[test]
    fn origins_of_web_urls_only() {
        let canonical = "https://convergencemag.com/articles/a?x=1";
        assert_eq!(origin_of(canonical), Some("https://convergencemag.com"));
        assert_eq!(
            origin_of("http://127.0.0.1:8181"),
            Some("http://127.0.0.1:8181")
        );
        assert_eq!(origin_of("HTTPS://x.org#a"), Some("HTTPS://x.org"));
        assert_eq!(origin_of("/articles/a"), None);
        assert_eq!(origin_of("https:///x"), None);
        assert_eq!(origin_of("javascript://x.org"), None);
        assert_eq!(origin_of(" https://x.org"), None);
    }
}
