//! The release build's JS minification: Trunk 0.21.14's own minifier cannot parse wasm-bindgen
//! 0.2.130's glue and ships it as it is (docs/performance.md), so after each Trunk build every
//! script a page loads with an integrity hash (the glue and boot.js) goes through terser (npm,
//! package.json) and the page's `integrity` is rewritten to match.

use crate::csp;
use crate::run::{self, CommandExt};
use base64::Engine;
use sha2::{Digest, Sha384};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// One script tag's file and hash, as the page names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptRef {
    /// The URL path (`/boot-….js`).
    pub path: String,
    /// The `integrity` value (`sha384-…`).
    pub integrity: String,
    /// Loaded as a module (the glue's `modulepreload`), not a classic script.
    pub module: bool,
}

/// The same-origin `.js` files `html` loads with an integrity hash, in page order (the tags
/// read by the CSP writer's own scanner, which skips comments and script bodies).
pub fn scripts_of(html: &str) -> Vec<ScriptRef> {
    let mut out = Vec::new();
    for (name, attrs) in csp::all_tags(html) {
        let attr = |key: &str| csp::attr(&attrs, key);
        let (url, module) = match name.as_str() {
            "script" => (attr("src"), attr("type").as_deref() == Some("module")),
            "link" if attr("rel").as_deref() == Some("modulepreload") => (attr("href"), true),
            _ => continue,
        };
        let (Some(url), Some(integrity)) = (url, attr("integrity")) else {
            continue;
        };
        if url.starts_with('/') && !url.starts_with("//") && url.ends_with(".js") {
            out.push(ScriptRef {
                path: url,
                integrity,
                module,
            });
        }
    }
    out
}

/// The `integrity` value for `bytes` (SHA-384, base64), as Trunk writes it.
pub fn integrity(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

/// The file a page names at `path` (`/boot-….js`) under `dist`, read and checked against the
/// `integrity` the page gives it.
pub fn read_checked(
    dist: &Path,
    path: &str,
    integrity: &str,
) -> Result<(PathBuf, Vec<u8>), String> {
    let file = dist.join(path.trim_start_matches('/'));
    let bytes = std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    if self::integrity(&bytes) != integrity {
        return Err(format!(
            "{} does not match the integrity the page gives it: was it changed after the build?",
            file.display()
        ));
    }
    Ok((file, bytes))
}

fn terser() -> PathBuf {
    run::root().join("node_modules/.bin/terser")
}

/// Minifies the scripts `page` (an `index.html` under `dist`) loads and rewrites their hashes.
/// Returns the bytes saved (raw, before compression).
pub fn page_scripts(dist: &Path, page: &Path) -> Result<u64, String> {
    let html = std::fs::read_to_string(page)
        .map_err(|e| format!("cannot read {}: {e}", page.display()))?;
    let mut out = html.clone();
    let mut saved = 0u64;
    let mut done = BTreeSet::new();
    for script in scripts_of(&html) {
        if !done.insert(script.path.clone()) {
            continue;
        }
        let (file, before) = read_checked(dist, &script.path, &script.integrity)
            .map_err(|e| format!("{}: {e}", page.display()))?;
        let mut c = run::cmd(terser().to_str().unwrap_or("terser"));
        c.arg(&file)
            .args(["--compress", "--mangle", "--output"])
            .arg(&file);
        if script.module {
            c.arg("--module");
        }
        c.status_ok(&format!("terser {}", script.path))?;
        let after =
            std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        saved += (before.len() as u64).saturating_sub(after.len() as u64);
        out = out.replace(&script.integrity, &integrity(&after));
    }
    if out != html {
        std::fs::write(page, out).map_err(|e| format!("cannot write {}: {e}", page.display()))?;
    }
    Ok(saved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_scripts_a_page_loads_with_a_hash() {
        let html = r#"<head>
<script src="/boot-1.js" crossorigin="anonymous" integrity="sha384-AAA"></script>
<link rel="stylesheet" href="/main-1.css" integrity="sha384-CSS">
<link rel="modulepreload" href="/preview/app-2.js" crossorigin="anonymous" integrity="sha384-BBB">
<script type="module">import init from '/app-2.js';</script>
<script src="https://elsewhere.example/x.js" integrity="sha384-CCC"></script>
<script src="/no-hash.js"></script>
</head>"#;
        assert_eq!(
            scripts_of(html),
            [
                ScriptRef {
                    path: "/boot-1.js".into(),
                    integrity: "sha384-AAA".into(),
                    module: false
                },
                ScriptRef {
                    path: "/preview/app-2.js".into(),
                    integrity: "sha384-BBB".into(),
                    module: true
                },
            ]
        );
    }

    #[test]
    fn integrity_is_trunks_sha384_in_base64() {
        // `printf abc | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            integrity(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }
}
