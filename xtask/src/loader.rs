//! The reader app's code is asked for after the first paint. Every page arrives rendered, so
//! the app is not needed to draw it; but Trunk's loader preloads the glue and the wasm from the
//! head, and a load that starts before the first paint is counted against it (Lighthouse's
//! simulated slow 4G puts the 420 KB wasm in the page's LCP: 3.3 s against the twin's 0.9 s,
//! docs/performance.md). After each release build the page's preload links move into an inert
//! `<template>` (no request, integrity hashes kept) and Trunk's inline loader waits for the
//! first contentful paint, adds them to the head, then imports the glue. The comments written
//! for whoever edits index.html are taken out too: every rendered page starts from it, and
//! readers download them with each page.
//!
//! The boot script (public/boot.js: the saved text size and theme before first paint) is
//! written into the page rather than loaded: as a file it was a render-blocking request of its
//! own, which kept the article's first paint one round trip behind the static twin's
//! (Lighthouse mobile: FCP 0.90-0.95 s, 0.75 s inlined). The CSP allows it by its hash.

use std::path::{Path, PathBuf};

/// The `id` of the template holding the app's preload links.
pub const TEMPLATE_ID: &str = "app-code";

/// What the loader awaits before asking for the code: the page's first contentful paint as the
/// browser reports it (a frame's callback can run before that frame is on screen), or a second
/// at most (a tab opened in the background paints nothing until it is shown; a browser without
/// paint timing ignores the observer). Every page carries it, so it is written small.
const AFTER_FIRST_PAINT: &str = r#"await new Promise(go=>{setTimeout(go,1e3);new PerformanceObserver(l=>l.getEntriesByName("first-contentful-paint").length&&go()).observe({type:"paint",buffered:!0})});"#;

/// How Trunk's inline loader imports the glue: `import init, * as bindings from '/….js';`.
const GLUE_IMPORT: &str = "import init, * as bindings from '";

/// Where Trunk's inline loader in `html` names the glue: the byte range of its path.
pub fn glue_import(html: &str) -> Result<std::ops::Range<usize>, String> {
    let start = html
        .find(GLUE_IMPORT)
        .map(|at| at + GLUE_IMPORT.len())
        .ok_or("no `import init, * as bindings from '…'` in the page: is this Trunk's loader?")?;
    let end = html[start..]
        .find("';")
        .map(|e| start + e)
        .ok_or("the loader's import is not closed")?;
    Ok(start..end)
}

/// Rewrites `html` (Trunk's page for the reader app): preload links into the template, the
/// loader deferred. An error names what was not as Trunk writes it.
pub fn defer_app(html: &str) -> Result<String, String> {
    if html.contains(&format!("id=\"{TEMPLATE_ID}\"")) {
        return Err("the page's app loader is already deferred".into());
    }
    let mut links = Vec::new();
    let (mut modules, mut wasms) = (0, 0);
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link") {
        let end = rest[start..]
            .find('>')
            .map(|e| start + e + 1)
            .ok_or("a <link> tag is not closed")?;
        let tag = &rest[start..end];
        let wasm = tag.contains("rel=\"preload\"") && tag.contains("type=\"application/wasm\"");
        out.push_str(&rest[..start]);
        let module = tag.contains("rel=\"modulepreload\"");
        if module || wasm {
            modules += usize::from(module);
            wasms += usize::from(wasm);
            links.push(tag.to_owned());
            // Trunk writes each link on a line of its own.
            rest = rest[end..].strip_prefix('\n').unwrap_or(&rest[end..]);
        } else {
            out.push_str(tag);
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    // The glue, and the split app's loader beside it; one wasm.
    if modules == 0 || wasms != 1 {
        return Err(format!(
            "expected the glue's modulepreload and the wasm's preload, found {modules} modulepreload and {wasms} wasm preload links"
        ));
    }
    let path = glue_import(&out)?;
    let (at, glue_end) = (path.start - GLUE_IMPORT.len(), path.end);
    let glue = out[path].to_owned();
    let loader = format!(
        "{AFTER_FIRST_PAINT}\ndocument.head.append(document.getElementById(\"{TEMPLATE_ID}\").content.cloneNode(!0));\nconst bindings=await import('{glue}'),init=bindings.default;"
    );
    out.replace_range(at..glue_end + 2, &loader);
    let template = format!(
        "<template id=\"{TEMPLATE_ID}\">{}</template>\n</head>",
        links.join("")
    );
    let head_end = out.find("</head>").ok_or("the page has no </head>")?;
    out.replace_range(head_end..head_end + "</head>".len(), &template);
    Ok(out)
}

/// `html` without its comments; script and style bodies are kept as they are.
pub fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let comment = rest.find("<!--");
        let raw = ["<script", "<style"]
            .iter()
            .filter_map(|t| rest.find(t).map(|i| (i, &t[1..])))
            .min();
        match (comment, raw) {
            (Some(c), raw) if raw.is_none_or(|(r, _)| c < r) => {
                out.push_str(&rest[..c]);
                let end = rest[c..].find("-->").map_or(rest.len(), |e| c + e + 3);
                rest = &rest[end..];
                // A comment on a line of its own takes the line with it.
                let kept = out.trim_end_matches(' ').len();
                if out[..kept].ends_with('\n') && rest.starts_with('\n') {
                    out.truncate(kept);
                    rest = &rest[1..];
                }
            }
            (_, Some((r, name))) => {
                let close = format!("</{name}");
                let end = rest[r..]
                    .find(&close)
                    .map_or(rest.len(), |e| r + e + close.len());
                out.push_str(&rest[..end]);
                rest = &rest[end..];
            }
            _ => break,
        }
    }
    out.push_str(rest);
    out
}

/// `html` with its `<script src="/boot-….js">` replaced by the script's own text, read from
/// `dist` and checked against the tag's integrity hash. Returns the page and the file inlined.
pub fn inline_boot(html: &str, dist: &Path) -> Result<(String, PathBuf), String> {
    let start = html
        .find("<script src=\"/boot-")
        .ok_or("no <script src=\"/boot-….js\"> in the page")?;
    let open_end = html[start..]
        .find('>')
        .map(|e| start + e)
        .ok_or("the boot script's tag is not closed")?;
    let close = "</script>";
    let end = html[open_end..]
        .find(close)
        .map(|e| open_end + e + close.len())
        .ok_or("the boot script has no </script>")?;
    let attrs = &html[start + "<script".len()..open_end];
    let attr = |name| crate::csp::attr(attrs, name).unwrap_or_default();
    let (file, bytes) = crate::minify::read_checked(dist, &attr("src"), &attr("integrity"))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8", file.display()))?;
    let lower = text.to_ascii_lowercase();
    if lower.contains("</script") || lower.contains("<!--") {
        return Err(format!(
            "{} cannot be written into a page as it is (it contains </script or <!--)",
            file.display()
        ));
    }
    let mut out = String::with_capacity(html.len() + text.len());
    out.push_str(&html[..start]);
    out.push_str("<script>");
    out.push_str(text.trim_end());
    out.push_str("</script>");
    out.push_str(&html[end..]);
    Ok((out, file))
}

/// Writes the boot script into `page` (dist/index.html, the template every rendered page
/// starts from), takes its comments out and defers the app's loader; the boot script's file,
/// which no page loads any more, is removed (the entries have their own copies).
pub fn write(dist: &Path, page: &Path) -> Result<(), String> {
    let html = std::fs::read_to_string(page)
        .map_err(|e| format!("cannot read {}: {e}", page.display()))?;
    let (html, boot) = inline_boot(&html, dist).map_err(|e| format!("{}: {e}", page.display()))?;
    let out =
        defer_app(&without_comments(&html)).map_err(|e| format!("{}: {e}", page.display()))?;
    std::fs::write(page, out).map_err(|e| format!("cannot write {}: {e}", page.display()))?;
    std::fs::remove_file(&boot).map_err(|e| format!("cannot remove {}: {e}", boot.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = r#"<html><head>
<link rel="stylesheet" href="/main-1.css" integrity="sha384-C">
<script type="module">
import init, * as bindings from '/app-0123456789abcdef.js';
const wasm = await init({ module_or_path: '/app-0123456789abcdef_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>
  <link rel="modulepreload" href="/app-0123456789abcdef.js" crossorigin="anonymous" integrity="sha384-J">
<link rel="preload" href="/app-0123456789abcdef_bg.wasm" crossorigin="anonymous" integrity="sha384-W" as="fetch" type="application/wasm">
</head><body></body></html>"#;

    #[test]
    fn the_preloads_wait_in_a_template_and_the_loader_after_the_first_frame() {
        let out = defer_app(TRUNK).unwrap();
        let head = out.split("</head>").next().unwrap();
        let (before, template) = head.split_once("<template id=\"app-code\">").unwrap();
        // Nothing outside the template asks for the code.
        assert!(!before.contains("modulepreload") && !before.contains("_bg.wasm\" crossorigin"));
        assert!(before.contains("rel=\"stylesheet\""));
        assert!(template.contains("integrity=\"sha384-J\"") && template.contains("sha384-W"));
        let script = before.split("<script type=\"module\">").nth(1).unwrap();
        let wait = script.find("first-contentful-paint").unwrap();
        let append = script.find("getElementById(\"app-code\")").unwrap();
        let import = script
            .find("await import('/app-0123456789abcdef.js')")
            .unwrap();
        assert!(wait < append && append < import);
        assert!(!script.contains("import init"));
        assert!(script.contains("await init({ module_or_path: '/app-0123456789abcdef_bg.wasm' })"));
        assert!(script.contains("TrunkApplicationStarted"));
    }

    #[test]
    fn comments_go_and_scripts_stay_whole() {
        let html = "<head>\n    <!-- why the next line -->\n    <meta a>\n<script>if (a<!--b) x(\"<!-- kept -->\")</script><style>/* <!-- */</style><!-- end --><p>1</p>\n</head>";
        assert_eq!(
            without_comments(html),
            "<head>\n    <meta a>\n<script>if (a<!--b) x(\"<!-- kept -->\")</script><style>/* <!-- */</style><p>1</p>\n</head>"
        );
        assert_eq!(without_comments("<p>a</p>"), "<p>a</p>");
    }

    #[test]
    fn the_boot_script_is_written_into_the_page_if_it_is_the_one_named() {
        let dist = std::env::temp_dir().join(format!("loader-boot-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        let script = "(function(){document.documentElement.classList.add(\"js\")})();\n";
        std::fs::write(dist.join("boot-1.js"), script).unwrap();
        let tag = |hash: &str| {
            format!("<head><script src=\"/boot-1.js\" crossorigin=\"anonymous\" integrity=\"{hash}\"></script><link rel=\"stylesheet\"></head>")
        };
        let good = crate::minify::integrity(script.as_bytes());
        let (out, file) = inline_boot(&tag(&good), &dist).unwrap();
        assert_eq!(
            out,
            "<head><script>(function(){document.documentElement.classList.add(\"js\")})();</script><link rel=\"stylesheet\"></head>"
        );
        assert_eq!(file, dist.join("boot-1.js"));
        let e = inline_boot(&tag("sha384-other"), &dist).unwrap_err();
        assert!(e.contains("does not match"), "{e}");
        std::fs::write(dist.join("boot-1.js"), "x('</script>')").unwrap();
        let hash = crate::minify::integrity(b"x('</script>')");
        assert!(inline_boot(&tag(&hash), &dist)
            .unwrap_err()
            .contains("cannot be written"));
        assert!(inline_boot("<head></head>", &dist)
            .unwrap_err()
            .contains("no <script"));
        std::fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn a_page_not_as_trunk_writes_it_is_refused() {
        let e = defer_app("<html><head></head></html>").unwrap_err();
        assert!(e.contains("found 0"), "{e}");
        let twice = defer_app(&defer_app(TRUNK).unwrap()).unwrap_err();
        assert!(twice.contains("already deferred"), "{twice}");
        let no_import = TRUNK.replace("import init, * as bindings", "import init");
        assert!(defer_app(&no_import)
            .unwrap_err()
            .contains("Trunk's loader"));
    }
}
