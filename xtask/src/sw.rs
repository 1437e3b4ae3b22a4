//! The service worker of a release build (docs/offline.md): `public/sw.js` with this deploy
//! filled in, written to `dist/sw.js`. What the worker precaches is read from the shell page
//! Trunk wrote, so it is exactly what a page of this deploy loads; the deploy's name is a hash
//! of those (content-hashed) file names, so a new build is a new worker and a new cache.

use crate::csp;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The shell page `cargo xtask build` keeps (Trunk's own index.html, no page in it), as
/// `src/prerender/site.rs` names it.
const SHELL_PAGE: &str = "shell.html";
const START: &str = "/* DEPLOY */";
const END: &str = "/* END DEPLOY */";

/// This deploy, as the worker's `DEPLOY` constant holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deploy {
    /// A name for this build (16 hex digits), part of its cache names.
    pub build: String,
    /// Site paths to precache: the shell page and every file it loads, plus `extra`.
    pub shell: Vec<String>,
    /// The bucket's base URL (`/content/`, or another origin).
    pub content: String,
}

/// What `shell_html` loads from this site (scripts, styles, preloads, icons), then `extra`.
pub fn deploy(shell_html: &str, shell_path: &str, extra: &[String]) -> Result<Deploy, String> {
    let mut shell = vec![shell_path.to_owned()];
    let mut glue = false;
    for (name, attrs) in csp::all_tags(shell_html) {
        let url = match name.as_str() {
            "script" => csp::attr(&attrs, "src"),
            "link" => csp::attr(&attrs, "href"),
            _ => None,
        };
        let Some(url) = url.filter(|u| u.starts_with('/') && !u.starts_with("//")) else {
            continue;
        };
        glue |= csp::attr(&attrs, "rel").as_deref() == Some("modulepreload");
        if !shell.contains(&url) {
            shell.push(url);
        }
    }
    if !glue {
        return Err(format!(
            "{shell_path}: no <link rel=\"modulepreload\"> naming the app's glue; is this Trunk's page?"
        ));
    }
    for e in extra {
        if !shell.contains(e) {
            shell.push(e.clone());
        }
    }
    let mut names = shell.clone();
    names.sort();
    let digest = Sha256::digest(names.join("\n").as_bytes());
    let build = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let content = csp::content_base(shell_html).unwrap_or_else(|| "/content/".to_owned());
    Ok(Deploy {
        build,
        shell,
        content,
    })
}

/// `template` (public/sw.js) with its `DEPLOY` constant replaced by `deploy`.
pub fn fill(template: &str, deploy: &Deploy) -> Result<String, String> {
    let (Some(start), Some(end)) = (template.find(START), template.find(END)) else {
        return Err(format!(
            "public/sw.js: no `{START} … {END}` around the DEPLOY constant"
        ));
    };
    let value = serde_json::json!({
        "build": deploy.build,
        "shell": deploy.shell,
        "content": deploy.content,
    });
    Ok(format!(
        "{}{}{}",
        &template[..start],
        value,
        &template[end + END.len()..]
    ))
}

/// Writes `dist/sw.js` for the release in `dist` (its `shell.html` already written), with
/// `extra` site paths precached too (the manifest and its icons). Returns the deploy.
pub fn write(dist: &Path, template: &str, extra: &[String]) -> Result<Deploy, String> {
    let shell_file = dist.join(SHELL_PAGE);
    let shell = std::fs::read_to_string(&shell_file)
        .map_err(|e| format!("cannot read {}: {e}", shell_file.display()))?;
    let deploy = deploy(&shell, &format!("/{}", SHELL_PAGE), extra)?;
    for path in &deploy.shell {
        let file = dist.join(path.trim_start_matches('/'));
        if !file.is_file() {
            return Err(format!(
                "the service worker would precache {path}, but {} does not exist",
                file.display()
            ));
        }
    }
    let out = dist.join("sw.js");
    std::fs::write(&out, fill(template, &deploy)?)
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(deploy)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = r#"<!DOCTYPE html><html><head>
<meta name="content-base" content="https://bucket.example/c/">
<script src="/boot-0123456789abcdef.js" integrity="sha384-x" crossorigin="anonymous"></script>
<link rel="stylesheet" href="/main-0123456789abcdef.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="manifest" href="/manifest.webmanifest">
<script type="module">import init from '/app-0123456789abcdef.js';</script>
<link rel="modulepreload" href="/app-0123456789abcdef.js">
<link rel="preload" href="/app-0123456789abcdef_bg.wasm" as="fetch">
<link rel="preconnect" href="https://elsewhere.example">
</head><body></body></html>"#;

    #[test]
    fn the_shell_and_everything_it_loads_are_precached() {
        let d = deploy(SHELL, "/shell.html", &["/icons/icon-192.png".into()]).unwrap();
        assert_eq!(
            d.shell,
            [
                "/shell.html",
                "/boot-0123456789abcdef.js",
                "/main-0123456789abcdef.css",
                "/favicon.svg",
                "/manifest.webmanifest",
                "/app-0123456789abcdef.js",
                "/app-0123456789abcdef_bg.wasm",
                "/icons/icon-192.png",
            ]
        );
        assert_eq!(d.content, "https://bucket.example/c/");
        assert_eq!(d.build.len(), 16);
    }

    #[test]
    fn a_new_asset_is_a_new_build() {
        let a = deploy(SHELL, "/shell.html", &[]).unwrap();
        let b = deploy(
            &SHELL.replace("main-0123456789abcdef", "main-fedcba9876543210"),
            "/shell.html",
            &[],
        )
        .unwrap();
        assert_ne!(a.build, b.build);
        assert_eq!(a.build, deploy(SHELL, "/shell.html", &[]).unwrap().build);
    }

    #[test]
    fn a_page_without_the_app_is_refused() {
        let e = deploy("<html><head></head></html>", "/shell.html", &[]).unwrap_err();
        assert!(e.contains("modulepreload"), "{e}");
    }

    #[test]
    fn the_template_gets_the_deploy() {
        let d = deploy(SHELL, "/shell.html", &[]).unwrap();
        let template = "a\nconst DEPLOY = /* DEPLOY */ { build: \"unbuilt\" } /* END DEPLOY */;\nb";
        let out = fill(template, &d).unwrap();
        assert!(out.starts_with("a\nconst DEPLOY = {\"build\":\""), "{out}");
        assert!(out.ends_with("};\nb"), "{out}");
        assert!(out.contains("\"/app-0123456789abcdef_bg.wasm\""), "{out}");
        assert!(fill("no marker", &d).unwrap_err().contains("DEPLOY"));
    }

    #[test]
    fn the_real_template_has_its_marker() {
        let template = include_str!("../../public/sw.js");
        let d = deploy(SHELL, "/shell.html", &[]).unwrap();
        let out = fill(template, &d).unwrap();
        assert!(out.contains(&d.build));
        assert!(!out.contains("unbuilt"));
    }
}
