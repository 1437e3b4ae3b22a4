//! Splitting the reader app's wasm: the pages of `src/pages/split.rs` leave the first download
//! and are fetched the first time they are shown. Trunk 0.21 builds and binds the wasm in one
//! step with no hook between, so after its release build this step starts again from the raw
//! wasm in target/ (linked with `--emit-relocs`, build.rs): `wasm_split_cli_support` (the
//! library cargo-leptos uses, matching Leptos's `wasm_split_helpers`) cuts it into a main module,
//! one module per page and the chunks they share, plus a JS loader; wasm-bindgen binds the main
//! module (keeping the exports the pages link against), wasm-opt shrinks every module, and the
//! files are named by their content and written over Trunk's glue and wasm. The page's loader
//! and preload links are rewritten to match, with the loader preloaded beside the glue.

use crate::minify;
use crate::run::{self, CommandExt};
use sha2::{Digest, Sha256};
use std::path::Path;

/// The reader app's binary (index.html's `data-bin`).
const BIN: &str = "convergence-web";
/// The names the split step gives the glue and the loader before they are hashed.
const GLUE: &str = "./convergence-web.js";
const LOADER: &str = "./__wasm_split.js";

/// What the split wrote into dist/.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Site paths of the modules fetched when a page is first shown (`/…-hash.wasm`).
    pub modules: Vec<String>,
}

/// wasm-opt as the app's other builds run it: -Oz twice (docs/performance.md), with the
/// features Rust's wasm32 target emits.
fn wasm_opt(file: &Path) -> Result<(), String> {
    let mut c = run::cmd("wasm-opt");
    c.args(["-Oz", "-Oz"])
        .args(run::WASM_FEATURES)
        .arg(file)
        .arg("-o")
        .arg(file);
    c.status_ok(&format!("wasm-opt {}", file.display()))
}

/// 16 hex digits naming `parts`' contents, as Trunk names its files.
pub fn content_hash(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The quoted text right after `marker` in `text` (`module_or_path: '…'`).
fn quoted_after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let at = text.find(marker)? + marker.len();
    let rest = &text[at..];
    let quote = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let rest = &rest[1..];
    Some(&rest[..rest.find(quote)?])
}

/// Replaces the whole `<link …href="{href}"…>` tag in `html` by `with`.
fn replace_link(html: &str, href: &str, with: &str) -> Result<String, String> {
    let at = html
        .find(&format!("href=\"{href}\""))
        .ok_or_else(|| format!("the page has no link to {href}"))?;
    let start = html[..at]
        .rfind("<link")
        .ok_or("a link's tag has no start")?;
    let end = at + html[at..].find('>').ok_or("a link's tag is not closed")? + 1;
    let mut out = html.to_owned();
    out.replace_range(start..end, with);
    Ok(out)
}

/// Splits the reader app Trunk built into `dist` and rewrites `dist/index.html` to load it.
pub fn write(dist: &Path) -> Result<Split, String> {
    let page = dist.join("index.html");
    let html = std::fs::read_to_string(&page)
        .map_err(|e| format!("cannot read {}: {e}", page.display()))?;
    let old_glue = html[crate::loader::glue_import(&html)?].to_owned();
    let old_wasm = quoted_after(&html, "module_or_path: ")
        .ok_or("no `module_or_path: '…'` in the page's loader: is this Trunk's loader?")?
        .to_owned();

    let raw_path = run::root().join(format!("target/wasm32-unknown-unknown/release/{BIN}.wasm"));
    let raw = std::fs::read(&raw_path)
        .map_err(|e| format!("cannot read the raw wasm {}: {e}", raw_path.display()))?;
    let work = run::root().join("target/split");
    let _ = std::fs::remove_dir_all(&work);
    let bound = work.join("bound");
    std::fs::create_dir_all(&bound)
        .map_err(|e| format!("cannot create {}: {e}", bound.display()))?;
    let main_wasm = work.join("main.wasm");
    let mut opts = wasm_split_cli_support::Options::new(&raw);
    opts.output_dir = &bound;
    opts.main_out_path = &main_wasm;
    opts.link_name = LOADER;
    opts.main_module = GLUE;
    let split = wasm_split_cli_support::transform(opts).map_err(|e| {
        format!(
            "splitting {}: {e:#} (was it linked with --emit-relocs? see build.rs)",
            raw_path.display()
        )
    })?;
    if split.split_modules.is_empty() {
        return Err("the raw wasm has no split points: is `split_pages` set (build.rs)?".into());
    }

    run::cmd("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--keep-lld-exports",
            "--no-demangle",
        ])
        .args(["--out-name", BIN, "--out-dir"])
        .arg(&bound)
        .arg(&main_wasm)
        .status_ok("wasm-bindgen (split main module)")?;
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let write = |p: &Path, bytes: &[u8]| {
        std::fs::write(p, bytes).map_err(|e| format!("cannot write {}: {e}", p.display()))
    };

    // The page modules: optimised, then named by content; the loader fetches them by name
    // and checks each against its hash.
    let mut loader_js = String::from_utf8(read(&bound.join(LOADER))?)
        .map_err(|_| "the split loader is not UTF-8")?;
    let mut modules = Vec::new();
    for module in &split.split_modules {
        wasm_opt(module)?;
        let bytes = read(module)?;
        let stem = module
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or("a split module has no name")?;
        let name = format!("{stem}-{}.wasm", content_hash(&[&bytes]));
        let fetch = format!("fetch(new URL(\"./{stem}.wasm\", import.meta.url))");
        if !loader_js.contains(&fetch) {
            return Err(format!(
                "the split loader does not fetch {stem}.wasm as expected"
            ));
        }
        // The loader awaits the shared chunks before it reads this response: a failed fetch
        // would meanwhile count as an unhandled rejection. It is marked handled here and still
        // fails the load, which the page shows with its retry.
        loader_js = loader_js.replace(
            &fetch,
            &format!(
                "(p => (p.catch(() => {{}}), p))(fetch(new URL(\"./{name}\", import.meta.url), {{ integrity: \"{}\" }}))",
                minify::integrity(&bytes)
            ),
        );
        write(&dist.join(&name), &bytes)?;
        modules.push(format!("/{name}"));
    }

    // The main module and its glue.
    let main_bg = bound.join(format!("{BIN}_bg.wasm"));
    wasm_opt(&main_bg)?;
    let wasm_bytes = read(&main_bg)?;
    let wasm_name = format!("{BIN}-{}_bg.wasm", content_hash(&[&wasm_bytes]));
    let glue_js = String::from_utf8(read(&bound.join(format!("{BIN}.js")))?)
        .map_err(|_| "the glue is not UTF-8")?;
    let glue_import = format!("from \"{LOADER}\"");
    if !glue_js.contains(&glue_import) {
        return Err(format!(
            "the glue does not import the split loader ({LOADER})"
        ));
    }
    let loader_import = format!("from \"{GLUE}\"");
    if !loader_js.contains(&loader_import) {
        return Err(format!(
            "the split loader does not import the glue ({GLUE})"
        ));
    }
    // The glue and the loader import each other, so one hash of both names both.
    let pair = content_hash(&[glue_js.as_bytes(), loader_js.as_bytes()]);
    let glue_name = format!("{BIN}-{pair}.js");
    let loader_name = format!("{BIN}-split-{pair}.js");
    let glue_js = glue_js.replace(&glue_import, &format!("from \"./{loader_name}\""));
    let loader_js = loader_js.replace(&loader_import, &format!("from \"./{glue_name}\""));
    write(&dist.join(&glue_name), glue_js.as_bytes())?;
    write(&dist.join(&loader_name), loader_js.as_bytes())?;
    write(&dist.join(&wasm_name), &wasm_bytes)?;
    for old in [&old_glue, &old_wasm] {
        let file = dist.join(old.trim_start_matches('/'));
        std::fs::remove_file(&file)
            .map_err(|e| format!("cannot remove {}: {e}", file.display()))?;
    }

    // The page: the new names and hashes, and the loader preloaded beside the glue.
    let module_link = |href: &str, bytes: &[u8]| {
        format!(
            "<link rel=\"modulepreload\" href=\"{href}\" crossorigin=\"anonymous\" integrity=\"{}\">",
            minify::integrity(bytes)
        )
    };
    let mut html = replace_link(
        &html,
        &old_glue,
        &format!(
            "{}\n{}",
            module_link(&format!("/{glue_name}"), glue_js.as_bytes()),
            module_link(&format!("/{loader_name}"), loader_js.as_bytes())
        ),
    )?;
    html = replace_link(
        &html,
        &old_wasm,
        &format!(
            "<link rel=\"preload\" href=\"/{wasm_name}\" crossorigin=\"anonymous\" integrity=\"{}\" as=\"fetch\" type=\"application/wasm\">",
            minify::integrity(&wasm_bytes)
        ),
    )?;
    html = html
        .replace(&format!("'{old_glue}'"), &format!("'/{glue_name}'"))
        .replace(&format!("'{old_wasm}'"), &format!("'/{wasm_name}'"));
    write(&page, html.as_bytes())?;
    Ok(Split { modules })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_trunks_loader() {
        let js = "import init, * as bindings from '/a-1.js';\nconst wasm = await init({ module_or_path: '/a-1_bg.wasm' });";
        assert_eq!(&js[crate::loader::glue_import(js).unwrap()], "/a-1.js");
        assert_eq!(quoted_after(js, "module_or_path: "), Some("/a-1_bg.wasm"));
        assert_eq!(quoted_after(js, "nothing"), None);
    }

    #[test]
    fn replaces_a_whole_link() {
        let html = "<head>\n<link rel=\"modulepreload\" href=\"/a.js\" integrity=\"x\">\n</head>";
        assert_eq!(
            replace_link(html, "/a.js", "<link href=\"/b.js\">").unwrap(),
            "<head>\n<link href=\"/b.js\">\n</head>"
        );
        assert!(replace_link(html, "/c.js", "").is_err());
    }

    #[test]
    fn a_hash_names_its_parts_in_order() {
        assert_eq!(content_hash(&[b"ab"]).len(), 16);
        assert_ne!(content_hash(&[b"a", b"b"]), content_hash(&[b"ab"]));
        assert_ne!(content_hash(&[b"a", b"b"]), content_hash(&[b"b", b"a"]));
    }
}
