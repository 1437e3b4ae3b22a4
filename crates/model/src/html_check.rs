//! An allow-list checker for the HTML that [`crate::markdown`] writes: the oracle the
//! renderer's property tests and the fuzz targets share. It is deliberately independent
//! of the renderer (its own URL rules, its own tag parser), so a bug in one is caught by
//! the other.
//!
//! Built for tests and for the `html-check` feature (the fuzz crate); the app never
//! links it.

/// The tags the renderer writes; anything else in the output came from content.
pub const TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "blockquote",
    "figure",
    "figcaption",
    "ul",
    "ol",
    "li",
    "img",
    "br",
    "hr",
    "div",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "sub",
    "section",
    "dl",
    "dt",
    "dd",
];

/// The attributes the renderer writes; in particular no `on*` handler and no `style`.
pub const ATTRIBUTES: &[&str] = &[
    "id",
    "class",
    "href",
    "title",
    "rel",
    "src",
    "alt",
    "loading",
    "decoding",
    "start",
    "scope",
    "tabindex",
    "role",
    "aria-label",
];

/// Checks rendered HTML against the allow-lists and the URL rule (http, https, mailto
/// or relative only), with no U+0000 anywhere. The renderer escapes every `<` and `>`
/// in text and every `"` in attribute values, so this simple tag parser is exact for
/// its output; anything it cannot parse is itself a failure.
pub fn check(html: &str) -> Result<(), String> {
    if html.contains('\0') {
        return Err(format!("NUL in {html:?}"));
    }
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>').map(|c| open + c) else {
            return Err(format!("unclosed tag in {html:?}"));
        };
        let tag = rest[open + 1..close].trim_end_matches('/').trim_end();
        // Text between tags must not hold a stray `>` either (it would be escaped).
        if rest[..open].contains('>') {
            return Err(format!("raw > in text of {html:?}"));
        }
        rest = &rest[close + 1..];
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let (name, mut attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        if !TAGS.contains(&name) {
            return Err(format!("unexpected tag <{name}> in {html:?}"));
        }
        while !attrs.trim_start().is_empty() {
            attrs = attrs.trim_start();
            let Some((attr, after)) = attrs.split_once("=\"") else {
                return Err(format!("bad attribute {attrs:?} in {html:?}"));
            };
            let Some((value, after)) = after.split_once('"') else {
                return Err(format!("unquoted {attr} in {html:?}"));
            };
            attrs = after;
            if !ATTRIBUTES.contains(&attr) {
                return Err(format!("unexpected attribute {attr} in {html:?}"));
            }
            if value.contains('<') || value.contains('>') {
                return Err(format!("< or > in {attr} of {html:?}"));
            }
            if (attr == "href" || attr == "src") && !url_allowed(&decode_entities(value)) {
                return Err(format!(
                    "{attr}={value:?} is not an allowed URL in {html:?}"
                ));
            }
        }
    }
    if rest.contains('>') {
        return Err(format!("raw > in text of {html:?}"));
    }
    Ok(())
}

/// Whether a URL, as the browser would read it, is http, https, mailto or relative
/// (a path, query or fragment on this site; not `//host`).
pub fn url_allowed(url: &str) -> bool {
    // The URL parser strips leading/trailing C0 controls and spaces and deletes
    // tabs and newlines anywhere.
    let url: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("//") || lower.starts_with("\\\\") || lower.starts_with("/\\") {
        return false;
    }
    match lower.find(':') {
        None => true,
        Some(colon) => {
            let scheme = &lower[..colon];
            // The URL parser reads a scheme only if it is an ASCII letter followed by
            // letters, digits, `+`, `-` or `.`; anything else before the colon (a slash,
            // `%5C`, `?`…) makes the whole URL a path on this site.
            let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
            !is_scheme || matches!(scheme, "http" | "https" | "mailto")
        }
    }
}

/// Decodes the character references an attribute value may hold, as the HTML
/// tokenizer would (named ones only for the few that matter to a scheme).
pub fn decode_entities(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|e| *e <= 12);
        let decoded = end.and_then(|e| {
            let body = &rest[1..e];
            let c = match body {
                "amp" => Some('&'),
                "quot" => Some('"'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "colon" => Some(':'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                _ => body
                    .strip_prefix("#x")
                    .or_else(|| body.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| body.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_the_renderer_writes() {
        check(r#"<p>a &amp; b <a href="https://x.org/?a=1&amp;b=2" rel="noopener">x</a></p>"#)
            .unwrap();
        check(r##"<a href="#fn-1" class="c">1</a><img src="/i.png" alt="x" loading="lazy">"##)
            .unwrap();
        check("<a href=\"mailto:a@b.c\">m</a>").unwrap();
        // An unknown scheme is refused even when it looks like a path.
        check("<a href=\"a:b/../c\">x</a>").unwrap_err();
    }

    #[test]
    fn refuses_tags_attributes_and_urls_from_content() {
        for bad in [
            "<script>x</script>",
            "<p onclick=\"x\">",
            "<p style=\"x\">",
            "<a href=\"javascript:x\">",
            "<a href=\"&#106;avascript:x\">",
            "<a href=\"java&#x09;script:x\">",
            "<a href=\" JAVASCRIPT:x\">",
            "<img src=\"data:image/svg+xml,x\">",
            "<a href=\"//evil.example\">",
            "<a href=\"vbscript:x\">",
            "<p>a > b</p>",
            "<p",
            "<p>\0</p>",
            "<svg>",
        ] {
            assert!(check(bad).is_err(), "{bad} passed");
        }
    }

    #[test]
    fn url_rule() {
        for ok in [
            "/a",
            "a/b:c",
            "?q=a:b",
            "#x:y",
            "https://x",
            "HTTP://x",
            "mailto:a@b",
            // The renderer's escaped `\\x:y` (found by the markdown fuzz target): no
            // scheme starts with `%`, so browsers resolve it as a path on this site.
            "%5Cx:y",
            "1x:y",
        ] {
            assert!(url_allowed(ok), "{ok}");
        }
        for bad in [
            "javascript:x",
            "\u{1}javascript:x",
            "ja\nvascript:x",
            "x+y.z-1:w",
            "data:x",
            "//x",
            "/\\x",
            "x:y",
        ] {
            assert!(!url_allowed(bad), "{bad}");
        }
    }
}
