//! `cargo xtask csp`: the production Content-Security-Policy and cache headers, computed
//! from the built `dist/` (every inline script's hash exists only after `trunk build`) and
//! written as `dist/_headers` (Netlify/Cloudflare Pages format) and `dist/csp.json`.
//!
//! The pure part ([`policies`], [`headers_file`] and the HTML scanners) takes texts and
//! returns texts, so it is tested here without a build; [`write`] does the file work.
//! docs/security.md explains each directive.

use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Where outside the page's own origin the app may connect, load images and media from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources {
    /// The bucket's origin when `<meta name="content-base">` points at another host.
    pub bucket: Option<String>,
    /// The subscribe provider's origin (from the bucket's `site.json`), when not same-origin.
    pub subscribe: Option<String>,
    /// Further `connect-src` sources given on the command line (e.g. a test recorder).
    pub extra_connect: Vec<String>,
}

/// The two policies: reader pages (framed only by the site itself, for the staff preview)
/// and the embed (framed by any partner page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policies {
    /// For every path except `/embed/*`.
    pub reader: String,
    /// For `/embed/*`.
    pub embed: String,
    /// The `'sha256-…'` sources allowed in `script-src`, one per distinct inline script.
    pub script_hashes: Vec<String>,
}

/// What in the built HTML a strict policy cannot allow without `'unsafe-inline'`/`'unsafe-hashes'`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The HTML file (path under dist/).
    pub file: String,
    /// What was found.
    pub what: String,
}

/// The texts of every inline `<script>` (no `src`) in `html`, exactly as the browser hashes
/// them: the HTML parser turns CRLF and lone CR into LF before anything else, so a file
/// checked out with Windows line endings hashes the same as the one Trunk wrote.
pub fn inline_scripts(html: &str) -> Vec<String> {
    elements(html, "script")
        .into_iter()
        .filter(|(attrs, _)| attr(attrs, "src").is_none() && is_executable(attrs))
        .map(|(_, body)| body.replace("\r\n", "\n").replace('\r', "\n"))
        .collect()
}

/// Whether a `<script>` with these attributes runs: no type, a JavaScript type or a module.
/// Data blocks (JSON-LD, a page's JSON) never run, so `script-src` does not apply to them.
pub fn is_executable(attrs: &str) -> bool {
    match attr(attrs, "type") {
        None => true,
        Some(t) => {
            let t = t.trim().to_ascii_lowercase();
            t.is_empty() || t == "module" || t == "text/javascript" || t == "application/javascript"
        }
    }
}

/// The `'sha256-…'` CSP source for one inline script's text.
pub fn hash_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The `content` of `<meta name="content-base">`, if the page has one.
pub fn content_base(html: &str) -> Option<String> {
    tags(html, "meta")
        .into_iter()
        .find(|attrs| attr(attrs, "name").as_deref() == Some("content-base"))
        .and_then(|attrs| attr(&attrs, "content"))
}

/// The origin (`scheme://host[:port]`) of an absolute http(s) URL; None for a path.
pub fn origin(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest_at = if lower.starts_with("https://") {
        8
    } else if lower.starts_with("http://") {
        7
    } else {
        return None;
    };
    let host_end = url[rest_at..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| rest_at + i);
    let host = &url[rest_at..host_end];
    // A host with a quote, space, semicolon or comma would break out of the policy.
    if host.is_empty()
        || host
            .chars()
            .any(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']')))
    {
        return None;
    }
    Some(format!(
        "{}{}",
        lower[..rest_at].to_owned(),
        host.to_ascii_lowercase()
    ))
}

/// The subscribe provider's origin from a `site.json` text (`endpoint` or `base_url`).
pub fn subscribe_origin(site_json: &str) -> Result<Option<String>, String> {
    let site: serde_json::Value =
        serde_json::from_str(site_json).map_err(|e| format!("site.json is not JSON: {e}"))?;
    let provider = &site["subscribe"]["provider"];
    let url = provider["endpoint"]
        .as_str()
        .or_else(|| provider["base_url"].as_str());
    Ok(url.and_then(origin))
}

/// Inline styles, `style` attributes and `on*` handler attributes in `html`: each needs
/// `'unsafe-inline'` (or hashes) that the strict policy does not give.
pub fn problems(file: &str, html: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    for (_, body) in elements(html, "style") {
        out.push(Problem {
            file: file.to_owned(),
            what: format!("an inline <style> element ({} bytes)", body.len()),
        });
    }
    for (name, attrs) in all_tags(html) {
        for (key, _) in parse_attrs(&attrs) {
            if key == "style" || (key.starts_with("on") && key.len() > 2) {
                out.push(Problem {
                    file: file.to_owned(),
                    what: format!("a `{key}` attribute on <{name}>"),
                });
            }
        }
    }
    out
}

/// Both policies for the built pages `htmls` and the outside `sources`.
pub fn policies(htmls: &[&str], sources: &Sources) -> Policies {
    let mut script_hashes: Vec<String> = htmls
        .iter()
        .flat_map(|h| inline_scripts(h))
        .map(|s| hash_source(&s))
        .collect();
    script_hashes.sort();
    script_hashes.dedup();

    let mut connect = vec!["'self'".to_owned()];
    connect.extend(sources.bucket.clone());
    connect.extend(sources.subscribe.clone());
    connect.extend(sources.extra_connect.iter().cloned());
    dedup_keep_order(&mut connect);
    // Images and audio: the bucket, or any https host an article names (resolve_asset refuses
    // other schemes); an http bucket (local development) is named explicitly.
    let mut media = vec!["'self'".to_owned(), "https:".to_owned()];
    media.extend(sources.bucket.clone().filter(|b| b.starts_with("http://")));

    let mut script = vec!["'self'".to_owned(), "'wasm-unsafe-eval'".to_owned()];
    script.extend(script_hashes.iter().cloned());

    let base = [
        ("default-src", "'self'".to_owned()),
        ("script-src", script.join(" ")),
        ("style-src", "'self'".to_owned()),
        ("img-src", media.join(" ")),
        ("media-src", media.join(" ")),
        ("connect-src", connect.join(" ")),
        ("object-src", "'none'".to_owned()),
        ("base-uri", "'none'".to_owned()),
        ("form-action", "'self'".to_owned()),
    ];
    let with_ancestors = |ancestors: &str| {
        base.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .chain(std::iter::once(format!("frame-ancestors {ancestors}")))
            .collect::<Vec<_>>()
            .join("; ")
    };
    Policies {
        reader: with_ancestors("'self'"),
        embed: with_ancestors("*"),
        script_hashes,
    }
}

/// Cache-Control for files whose names change with their contents.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache-Control for HTML (and every SPA fallback answer): revalidate on every load.
pub const REVALIDATE: &str = "no-cache";
/// Cache-Control for the bucket's JSON: a minute fresh, then served stale while refreshed.
pub const BUCKET_JSON: &str = "public, max-age=60, stale-while-revalidate=600";

/// Whether a dist path is a Trunk-hashed asset (`name-<hex>.js`, `…_bg.wasm`, `.css`). Trunk
/// prints its 64-bit hash without leading zeros, so a hash may be shorter than 16 digits.
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    if !matches!(ext, "js" | "wasm" | "css") {
        return false;
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (8..=16).contains(&hash.len())
            && hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// The `_headers` file: rules apply top to bottom, every matching rule applies, and
/// `! Name` detaches a header an earlier rule set (Cloudflare Pages semantics; the e2e
/// server implements the same). `assets` are dist paths (`/x-<hash>.js`).
pub fn headers_file(p: &Policies, assets: &[String]) -> String {
    let mut out = String::from(
        "# Generated by `cargo xtask csp` from the built dist/: do not edit (docs/security.md).\n\
         # Every matching rule applies, top to bottom; `! Name` removes what an earlier rule set.\n",
    );
    let mut rule = |path: &str, lines: &[String]| {
        out.push_str(path);
        out.push('\n');
        for l in lines {
            out.push_str("  ");
            out.push_str(l);
            out.push('\n');
        }
    };
    rule(
        "/*",
        &[
            format!("Content-Security-Policy: {}", p.reader),
            "X-Content-Type-Options: nosniff".into(),
            "Referrer-Policy: strict-origin-when-cross-origin".into(),
            format!("Cache-Control: {REVALIDATE}"),
        ],
    );
    rule(
        "/embed/*",
        &[
            "! Content-Security-Policy".into(),
            format!("Content-Security-Policy: {}", p.embed),
        ],
    );
    let short = |value: &str| {
        vec![
            "! Cache-Control".to_owned(),
            format!("Cache-Control: {value}"),
        ]
    };
    rule("/embed.js", &short("public, max-age=300"));
    // The site icon (public/favicon.svg) keeps its name: a day, like the bucket's images.
    rule("/favicon.svg", &short("public, max-age=86400"));
    // The installable app's icons (drawn by the build from the site icon) likewise. sw.js
    // keeps `/*`'s no-cache: browsers must see a new deploy's worker (docs/offline.md).
    rule("/icons/*", &short("public, max-age=86400"));
    rule("/content/*", &short(BUCKET_JSON));
    rule("/content/feed.xml", &short("public, max-age=300"));
    rule("/content/sitemap.xml", &short("public, max-age=300"));
    rule("/content/images/*", &short("public, max-age=86400"));
    let mut hashed: Vec<&String> = assets.iter().filter(|a| is_hashed_asset(a)).collect();
    hashed.sort();
    for a in hashed {
        rule(a, &short(IMMUTABLE));
    }
    out
}

/// `dist/csp.json`: the policies and hashes, for tests and for hosts configured by hand.
pub fn csp_json(p: &Policies) -> String {
    serde_json::to_string_pretty(&serde_json::json!({
        "reader": p.reader,
        "embed": p.embed,
        "script_hashes": p.script_hashes,
    }))
    .expect("strings serialise")
}

/// What [`write`] did.
#[derive(Debug)]
pub struct Summary {
    /// HTML files hashed.
    pub pages: usize,
    /// The policies written.
    pub policies: Policies,
}

/// Reads every `dist/**/*.html`, computes the policies and writes `dist/_headers` and
/// `dist/csp.json`. Call it once after ALL trunk builds into `dist` (the app and every
/// entry under dist/<name>/), since each build changes the hashes. `site_json` is the
/// bucket's `site.json` (for the subscribe origin); `extra_connect` adds `connect-src` sources.
pub fn write(
    dist: &Path,
    site_json: Option<&Path>,
    extra_connect: &[String],
) -> Result<Summary, String> {
    let mut files = Vec::new();
    walk(dist, &mut files).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    let rel = |f: &PathBuf| {
        format!(
            "/{}",
            f.strip_prefix(dist)
                .unwrap_or(f)
                .to_string_lossy()
                .replace('\\', "/")
        )
    };
    let mut pages = Vec::new();
    for f in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "html"))
    {
        // The bucket (dist/content) never holds HTML the app serves; skip it anyway.
        if rel(f).starts_with("/content/") {
            continue;
        }
        let text =
            std::fs::read_to_string(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
        pages.push((rel(f), text));
    }
    if pages.is_empty() {
        return Err(format!(
            "no HTML in {}: run `trunk build --release` first",
            dist.display()
        ));
    }
    let found: Vec<Problem> = pages.iter().flat_map(|(f, h)| problems(f, h)).collect();
    if !found.is_empty() {
        let list: Vec<String> = found
            .iter()
            .map(|p| format!("{}: {}", p.file, p.what))
            .collect();
        return Err(format!(
            "the strict CSP would block these (move them into a file or CSSOM):\n  {}",
            list.join("\n  ")
        ));
    }
    let mut sources = Sources {
        extra_connect: extra_connect.to_vec(),
        ..Sources::default()
    };
    let bases: Vec<String> = pages.iter().filter_map(|(_, h)| content_base(h)).collect();
    sources.bucket = bases.iter().find_map(|b| origin(b));
    if let Some(path) = site_json {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        sources.subscribe = subscribe_origin(&text)?;
    }
    let texts: Vec<&str> = pages.iter().map(|(_, h)| h.as_str()).collect();
    let policies = policies(&texts, &sources);
    let assets: Vec<String> = files.iter().map(rel).collect();
    let write = |name: &str, text: String| {
        std::fs::write(dist.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))
    };
    write("_headers", headers_file(&policies, &assets))?;
    write("csp.json", csp_json(&policies))?;
    Ok(Summary {
        pages: pages.len(),
        policies,
    })
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn dedup_keep_order(v: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    v.retain(|s| seen.insert(s.clone()));
}

/// `(attributes text, body)` of every `<name …>…</name>` element (raw-text elements only:
/// script and style bodies never contain their own end tag).
fn elements(html: &str, name: &str) -> Vec<(String, String)> {
    let html = &blank_comments(html);
    let lower = html.to_ascii_lowercase();
    let open = format!("<{name}");
    let close = format!("</{name}");
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = lower[at..].find(&open).map(|i| at + i) {
        let after = i + open.len();
        // `<scripts>` or `<style-x>` are other tags.
        if !lower[after..].starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/') {
            at = after;
            continue;
        }
        let Some(gt) = tag_end(html, after) else {
            break;
        };
        let attrs = html[after..gt].to_owned();
        let body_start = gt + 1;
        let Some(end) = lower[body_start..].find(&close).map(|e| body_start + e) else {
            break;
        };
        out.push((attrs, html[body_start..end].to_owned()));
        at = end + close.len();
    }
    out
}

/// `html` with every comment's bytes turned into spaces (offsets unchanged), so a
/// commented-out tag is not taken for a real one.
fn blank_comments(html: &str) -> String {
    let mut bytes = html.as_bytes().to_vec();
    let mut at = 0;
    while let Some(i) = html[at..].find("<!--").map(|i| at + i) {
        let end = html[i..].find("-->").map_or(html.len(), |e| i + e + 3);
        bytes[i..end].fill(b' ');
        at = end;
    }
    String::from_utf8(bytes).expect("only whole comments were blanked")
}

/// The attribute text of every start tag named `name` (void or not).
fn tags(html: &str, name: &str) -> Vec<String> {
    all_tags(html)
        .into_iter()
        .filter(|(n, _)| n == name)
        .map(|(_, a)| a)
        .collect()
}

/// `(lowercase name, attribute text)` of every start tag, skipping comments and the
/// bodies of script/style (whose text is not markup).
pub(crate) fn all_tags(html: &str) -> Vec<(String, String)> {
    let lower = html.to_ascii_lowercase();
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = html[at..].find('<').map(|i| at + i) {
        if lower[i..].starts_with("<!--") {
            at = lower[i..].find("-->").map_or(html.len(), |e| i + e + 3);
            continue;
        }
        let name_len = bytes[i + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[i + 1].is_ascii_alphabetic() {
            at = i + 1;
            continue;
        }
        let name = lower[i + 1..i + 1 + name_len].to_owned();
        let Some(gt) = tag_end(html, i + 1 + name_len) else {
            break;
        };
        out.push((name.clone(), html[i + 1 + name_len..gt].to_owned()));
        at = gt + 1;
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            at = lower[at..].find(&close).map_or(html.len(), |e| at + e);
        }
    }
    out
}

/// The index of the `>` that ends a tag whose attributes start at `from` (quotes respected).
fn tag_end(html: &str, from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, c) in html[from..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(from + i),
            _ => {}
        }
    }
    None
}

/// `(lowercase name, value)` pairs of an attribute text.
fn parse_attrs(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && (chars[i].is_whitespace() || chars[i] == '/') {
            i += 1;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && !matches!(chars[i], '=' | '/' | '>') {
            i += 1;
        }
        if start == i {
            i += 1;
            continue;
        }
        let name: String = chars[start..i]
            .iter()
            .collect::<String>()
            .to_ascii_lowercase();
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < chars.len() && chars[i] == '=' {
            i += 1;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            if i < chars.len() && (chars[i] == '"' || chars[i] == '\'') {
                let q = chars[i];
                i += 1;
                while i < chars.len() && chars[i] != q {
                    value.push(chars[i]);
                    i += 1;
                }
                i += 1;
            } else {
                while i < chars.len() && !chars[i].is_whitespace() {
                    value.push(chars[i]);
                    i += 1;
                }
            }
        }
        out.push((name, value));
    }
    out
}

/// One attribute's value (entities other than `&amp;` left as written: our own HTML has none).
pub(crate) fn attr(attrs: &str, name: &str) -> Option<String> {
    parse_attrs(attrs)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.replace("&amp;", "&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape Trunk 0.21 writes: an inline module loader, SRI links and a src script.
    const TRUNK_HTML: &str = r#"<!DOCTYPE html><html><head>
<meta name="content-base" content="/content/">
<script src="/boot-0123456789abcdef.js" integrity="sha384-x" crossorigin="anonymous"></script>
<link rel="modulepreload" href="/app-0123456789abcdef.js" crossorigin="anonymous" integrity="sha384-y">
<script type="module">
import init, * as bindings from '/app-0123456789abcdef.js';
const wasm = await init({ module_or_path: '/app-0123456789abcdef_bg.wasm' });
</script>
<!-- <script>not a script: a comment</script> -->
</head><body><div id="fatal-error" role="alert" hidden></div></body></html>"#;

    #[test]
    fn data_blocks_need_no_hash() {
        let html = r#"<script type="application/ld+json">{"a":1}</script><script type="module">go()</script><script>x()</script>"#;
        assert_eq!(inline_scripts(html), ["go()", "x()"]);
    }

    #[test]
    fn hashes_only_inline_scripts_exactly_as_written() {
        let scripts = inline_scripts(TRUNK_HTML);
        assert_eq!(scripts.len(), 1, "{scripts:?}"); // the commented-out one is not a script
        assert!(scripts[0].starts_with("\nimport init"));
        assert!(scripts[0].ends_with("_bg.wasm' });\n"));
        let p = policies(&[TRUNK_HTML], &Sources::default());
        assert!(p.reader.contains(&hash_source(&scripts[0])), "{}", p.reader);
    }

    #[test]
    fn line_endings_are_normalised_as_the_html_parser_does() {
        let crlf = TRUNK_HTML.replace('\n', "\r\n");
        assert_eq!(inline_scripts(&crlf), inline_scripts(TRUNK_HTML));
        assert_eq!(inline_scripts("<script>a\rb</script>"), ["a\nb"]);
    }

    #[test]
    fn hash_matches_the_browser_algorithm() {
        // sha256("alert(1)") in base64, as CSP Level 3 §8.4 computes it.
        assert_eq!(
            hash_source("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }

    #[test]
    fn policies_are_strict_and_differ_only_in_frame_ancestors() {
        let p = policies(&[TRUNK_HTML], &Sources::default());
        for policy in [&p.reader, &p.embed] {
            assert!(!policy.contains("unsafe-inline"), "{policy}");
            assert!(!policy.contains("'unsafe-eval'"), "{policy}");
            assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
            assert!(policy.contains("object-src 'none'"));
            assert!(policy.contains("base-uri 'none'"));
            assert!(policy.contains("style-src 'self';"));
            // The site icon, /favicon.svg, is same-origin.
            assert!(policy.contains("img-src 'self' "));
        }
        assert!(p.reader.ends_with("frame-ancestors 'self'"));
        assert!(p.embed.ends_with("frame-ancestors *"));
        assert_eq!(
            p.reader.replace("frame-ancestors 'self'", ""),
            p.embed.replace("frame-ancestors *", "")
        );
    }

    #[test]
    fn another_origin_bucket_and_subscribe_provider_are_connectable() {
        let html = TRUNK_HTML.replace("/content/", "https://content.example.org/magazine/");
        let bucket = content_base(&html).and_then(|b| origin(&b));
        assert_eq!(bucket.as_deref(), Some("https://content.example.org"));
        let subscribe = subscribe_origin(
            r#"{"subscribe":{"provider":{"kind":"generic_json","endpoint":"https://Subs.Example.org:8443/s"}}}"#,
        )
        .unwrap();
        assert_eq!(subscribe.as_deref(), Some("https://subs.example.org:8443"));
        let p = policies(
            &[&html],
            &Sources {
                bucket,
                subscribe,
                extra_connect: vec!["http://127.0.0.1:*".into()],
            },
        );
        assert!(
            p.reader.contains(
                "connect-src 'self' https://content.example.org https://subs.example.org:8443 http://127.0.0.1:*;"
            ),
            "{}",
            p.reader
        );
        // A same-origin bucket adds nothing.
        assert_eq!(content_base(TRUNK_HTML).and_then(|b| origin(&b)), None);
        // Ghost/listmonk name a base URL instead of an endpoint.
        assert_eq!(
            subscribe_origin(
                r#"{"subscribe":{"provider":{"kind":"ghost","base_url":"https://g.example.org/"}}}"#
            )
            .unwrap()
            .as_deref(),
            Some("https://g.example.org")
        );
    }

    #[test]
    fn origins_refuse_what_would_break_the_header() {
        assert_eq!(
            origin("https://a.example.org"),
            Some("https://a.example.org".into())
        );
        assert_eq!(
            origin("http://127.0.0.1:8090/subscribe"),
            Some("http://127.0.0.1:8090".into())
        );
        assert_eq!(origin("/content/"), None);
        assert_eq!(origin("javascript:alert(1)"), None);
        assert_eq!(origin("https://a.example.org;script-src *"), None);
        assert_eq!(origin("https://a b/"), None);
        assert_eq!(origin("https://"), None);
    }

    #[test]
    fn inline_styles_and_handlers_are_reported() {
        let html = r#"<div style="color:red"><button onclick="x()">b</button></div><style>p{}</style>
<script>var s = "<div style='x'>";</script><p data-onion="1">"#;
        let found: Vec<String> = problems("index.html", html)
            .into_iter()
            .map(|p| p.what)
            .collect();
        assert_eq!(
            found,
            [
                "an inline <style> element (3 bytes)",
                "a `style` attribute on <div>",
                "a `onclick` attribute on <button>",
            ]
        );
        assert!(problems("index.html", TRUNK_HTML).is_empty());
    }

    #[test]
    fn hashed_assets_are_recognised() {
        assert!(is_hashed_asset("/convergence-web-0123456789abcdef.js"));
        assert!(is_hashed_asset("/convergence-web-0123456789abcdef_bg.wasm"));
        assert!(is_hashed_asset("/embed/main-0123456789abcdef.css"));
        // Seen in a real build: a hash with a leading zero dropped.
        assert!(is_hashed_asset("/convergence-web-a8e0beebee3444d.js"));
        assert!(!is_hashed_asset("/styles-abc.css"));
        assert!(!is_hashed_asset("/embed.js"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/snippets/x/inline0.js"));
        assert!(!is_hashed_asset("/a-0123456789ABCDEF.js"));
    }

    #[test]
    fn headers_file_sets_the_embed_policy_and_cache_rules() {
        let p = policies(&[TRUNK_HTML], &Sources::default());
        let text = headers_file(
            &p,
            &[
                "/index.html".into(),
                "/app-0123456789abcdef_bg.wasm".into(),
                "/embed.js".into(),
            ],
        );
        assert!(text.contains(&format!("/*\n  Content-Security-Policy: {}\n", p.reader)));
        assert!(text.contains(&format!(
            "/embed/*\n  ! Content-Security-Policy\n  Content-Security-Policy: {}\n",
            p.embed
        )));
        assert!(text.contains(&format!(
            "/app-0123456789abcdef_bg.wasm\n  ! Cache-Control\n  Cache-Control: {IMMUTABLE}\n"
        )));
        assert!(
            text.contains("/embed.js\n  ! Cache-Control\n  Cache-Control: public, max-age=300\n")
        );
        assert!(text
            .contains("/favicon.svg\n  ! Cache-Control\n  Cache-Control: public, max-age=86400\n"));
        assert!(text.contains(&format!(
            "/content/*\n  ! Cache-Control\n  Cache-Control: {BUCKET_JSON}\n"
        )));
        assert!(
            !text.contains("/index.html\n"),
            "html keeps the /* no-cache"
        );
    }
}
