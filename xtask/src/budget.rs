//! Byte budgets for what a reader downloads, enforced after the release build: the app
//! (the wasm and the JS that index.html loads), the document (index.html and its CSS), a
//! partner embed (the largest rendered embed document with everything it loads), the embed
//! entry for articles rendered since (everything dist/embed/index.html loads), the staff
//! preview's code (the wasm and JS of dist/preview/) and the reader app's split-out pages (the
//! wasm modules its split loader fetches when a page is first shown), all measured as brotli at
//! quality 11, the way a CDN serves precompressed assets.
//! Only bytes are gated (they are deterministic); times are reported by the bench, never asserted.

use crate::run;
use serde::Deserialize;
use std::io::Write;
use std::path::Path;

/// The file with the budgets (at the workspace root).
pub const BUDGETS_FILE: &str = "budgets.toml";
/// Bytes in the "KB" of budgets.toml and of every report (SI, the stricter reading).
pub const KB: f64 = 1000.0;

/// One group's budget: the goal and the ceiling enforced today.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// Where the project wants to be, in KB brotli.
    pub target_kb: f64,
    /// What CI enforces now, in KB brotli: growth past it fails `cargo xtask test`.
    pub ceiling_kb: f64,
}

/// The contents of budgets.toml.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Budgets {
    /// The wasm and the JS that index.html loads.
    pub app: Budget,
    /// index.html and the CSS it links.
    pub document: Budget,
    /// A partner embed: the largest rendered embed (dist/embed/articles/…/index.html) with the
    /// CSS and JS it loads.
    pub embed: Budget,
    /// The embed entry (dist/embed/index.html with its wasm, JS and CSS), which draws an
    /// article published since the last render.
    pub embed_entry: Budget,
    /// The staff preview's code: the wasm and JS dist/preview/index.html loads.
    pub preview: Budget,
    /// The reader app's split-out pages: every wasm module its split loader can fetch.
    pub pages: Budget,
}

impl Budgets {
    /// Every group with its name, in report order.
    fn groups(&self) -> [(&'static str, Budget); 6] {
        [
            ("app", self.app),
            ("document", self.document),
            ("embed", self.embed),
            ("embed_entry", self.embed_entry),
            ("preview", self.preview),
            ("pages", self.pages),
        ]
    }
}

/// Raw, gzip (level 9) and brotli (quality 11) sizes of some bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Sizes {
    /// Bytes as built.
    pub raw: u64,
    /// Bytes after gzip -9.
    pub gzip: u64,
    /// Bytes after brotli -q 11.
    pub brotli: u64,
}

impl std::ops::Add for Sizes {
    type Output = Sizes;
    fn add(self, o: Sizes) -> Sizes {
        Sizes {
            raw: self.raw + o.raw,
            gzip: self.gzip + o.gzip,
            brotli: self.brotli + o.brotli,
        }
    }
}

/// The brotli size of `bytes` at quality 11 with a 4 MB window (what precompressing CDNs use).
pub fn brotli_len(bytes: &[u8]) -> u64 {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        w.write_all(bytes).expect("writing to memory cannot fail");
    }
    out.len() as u64
}

/// The gzip size of `bytes` at level 9.
pub fn gzip_len(bytes: &[u8]) -> u64 {
    let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    w.write_all(bytes).expect("writing to memory cannot fail");
    w.finish().expect("writing to memory cannot fail").len() as u64
}

/// Raw, gzip and brotli sizes of `bytes`.
pub fn sizes(bytes: &[u8]) -> Sizes {
    Sizes {
        raw: bytes.len() as u64,
        gzip: gzip_len(bytes),
        brotli: brotli_len(bytes),
    }
}

/// The local files index.html loads, by kind (paths relative to dist/, deduplicated, in order).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Assets {
    /// `.wasm` files.
    pub wasm: Vec<String>,
    /// `.js` files (the wasm-bindgen glue, offline.js; the entries' boot.js).
    pub js: Vec<String>,
    /// `.css` files.
    pub css: Vec<String>,
}

/// Finds the `.wasm`, `.js` and `.css` files an index.html loads: `src`/`href` attributes and
/// the module script's `import … from '…'` (Trunk writes both). Absolute URLs are not ours.
pub fn assets_of(html: &str) -> Assets {
    let mut assets = Assets::default();
    for (i, _) in html.match_indices(['"', '\'']) {
        let quote = &html[i..=i];
        let rest = &html[i + 1..];
        let Some(end) = rest.find(quote) else { break };
        let value = &rest[..end];
        if value.contains("://") || value.starts_with("//") || value.contains(char::is_whitespace) {
            continue;
        }
        let path = value.trim_start_matches("./").trim_start_matches('/');
        let list = if path.ends_with(".wasm") {
            &mut assets.wasm
        } else if path.ends_with(".js") {
            &mut assets.js
        } else if path.ends_with(".css") {
            &mut assets.css
        } else {
            continue;
        };
        if !path.is_empty() && !list.iter().any(|p| p == path) {
            list.push(path.to_owned());
        }
    }
    assets
}

/// What the reader downloads from a dist/ folder, measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct DistSizes {
    /// The wasm files index.html loads.
    pub wasm: Sizes,
    /// The JS files index.html loads.
    pub js: Sizes,
    /// The CSS files index.html links.
    pub css: Sizes,
    /// index.html itself.
    pub html: Sizes,
}

impl DistSizes {
    /// The app group of the budgets: wasm + JS.
    pub fn app(&self) -> Sizes {
        self.wasm + self.js
    }

    /// The document group of the budgets: index.html + CSS.
    pub fn document(&self) -> Sizes {
        self.html + self.css
    }

    /// Everything the page loads: html, CSS, JS and wasm.
    pub fn whole(&self) -> Sizes {
        self.app() + self.document()
    }
}

/// The reader app and the entries the budgets cover, measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SiteSizes {
    /// dist/index.html and what it loads.
    pub app: DistSizes,
    /// The largest rendered embed and what it loads.
    pub embed: DistSizes,
    /// dist/embed/index.html and what it loads.
    pub embed_entry: DistSizes,
    /// dist/preview/index.html and what it loads.
    pub preview: DistSizes,
    /// The modules the reader app's split loader fetches, all together.
    pub pages: Sizes,
}

impl SiteSizes {
    /// Each group's brotli bytes, in the order of [`Budgets::groups`].
    fn group_bytes(&self) -> [u64; 6] {
        [
            self.app.app().brotli,
            self.app.document().brotli,
            self.embed.whole().brotli,
            self.embed_entry.whole().brotli,
            self.preview.app().brotli,
            self.pages.brotli,
        ]
    }
}

/// Measures the reader app (dist/), the rendered embeds, and the embed and preview entries
/// (dist/embed/, dist/preview/).
pub fn measure_site(dist: &Path) -> Result<SiteSizes, String> {
    Ok(SiteSizes {
        app: measure(dist)?,
        embed: largest_embed(dist)?,
        embed_entry: measure_page(dist, "embed/index.html")?,
        preview: measure_page(dist, "preview/index.html")?,
        pages: split_pages(dist)?,
    })
}

/// The wasm modules a script fetches relative to itself (`new URL("./….wasm",
/// import.meta.url)`): the split loader's page modules and the chunks they share.
pub fn fetched_modules(js: &str) -> Vec<String> {
    let mut out = Vec::new();
    let marker = "new URL(\"./";
    let mut rest = js;
    while let Some(at) = rest.find(marker) {
        rest = &rest[at + marker.len()..];
        let Some(end) = rest.find('"') else { break };
        let name = &rest[..end];
        if name.ends_with(".wasm") && !out.iter().any(|n| n == name) {
            out.push(name.to_owned());
        }
        rest = &rest[end..];
    }
    out
}

/// Measures every module the scripts of dist/index.html fetch when a page is first shown.
pub fn split_pages(dist: &Path) -> Result<Sizes, String> {
    let html = read(&dist.join("index.html"))?;
    let mut total = Sizes::default();
    for js in assets_of(&String::from_utf8_lossy(&html)).js {
        let text = read(&dist.join(&js))?;
        for module in fetched_modules(&String::from_utf8_lossy(&text)) {
            total = total + sizes(&read(&dist.join(&module))?);
        }
    }
    Ok(total)
}

/// The folder of the rendered embeds, inside dist/.
const RENDERED_EMBEDS: &str = "embed/articles";

/// The rendered embed whose whole download is largest (a partner may embed any article).
pub fn largest_embed(dist: &Path) -> Result<DistSizes, String> {
    let mut pages = Vec::new();
    let mut dirs = vec![dist.join(RENDERED_EMBEDS)];
    while let Some(dir) = dirs.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| {
            format!(
                "cannot list {}: {e} (the build renders the embeds: `cargo xtask build`)",
                dir.display()
            )
        })?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.file_name().is_some_and(|n| n == "index.html") {
                let page = path.strip_prefix(dist).map_err(|e| e.to_string())?;
                pages.push(page.to_string_lossy().into_owned());
            }
        }
    }
    let mut largest: Option<DistSizes> = None;
    for page in pages {
        let sizes = measure_document(dist, &page)?;
        if largest.is_none_or(|l| sizes.whole().brotli > l.whole().brotli) {
            largest = Some(sizes);
        }
    }
    largest.ok_or_else(|| {
        format!(
            "{} holds no rendered embed",
            dist.join(RENDERED_EMBEDS).display()
        )
    })
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Measures `dist/index.html` and every wasm, JS and CSS file it loads.
pub fn measure(dist: &Path) -> Result<DistSizes, String> {
    measure_page(dist, "index.html")
}

/// Measures the page at `page` (relative to `dist`) and every wasm, JS and CSS file it loads;
/// asset paths are site paths, so they resolve against `dist`.
pub fn measure_page(dist: &Path, page: &str) -> Result<DistSizes, String> {
    let sizes = measure_document(dist, page)?;
    if sizes.wasm.raw == 0 {
        return Err(format!(
            "{} loads no .wasm file: is it a Trunk release build?",
            dist.join(page).display()
        ));
    }
    Ok(sizes)
}

/// Measures a page and every wasm, JS and CSS file it loads, whether or not it loads wasm.
pub fn measure_document(dist: &Path, page: &str) -> Result<DistSizes, String> {
    let index = dist.join(page);
    let html = read(&index)?;
    let assets = assets_of(&String::from_utf8_lossy(&html));
    let total = |files: &[String]| -> Result<Sizes, String> {
        files.iter().try_fold(Sizes::default(), |acc, f| {
            Ok(acc + sizes(&read(&dist.join(f))?))
        })
    };
    Ok(DistSizes {
        wasm: total(&assets.wasm)?,
        js: total(&assets.js)?,
        css: total(&assets.css)?,
        html: sizes(&html),
    })
}

/// Reads and checks budgets.toml.
pub fn load(path: &Path) -> Result<Budgets, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Parses budgets.toml; every figure must be a positive number of KB.
pub fn parse(text: &str) -> Result<Budgets, String> {
    let b: Budgets = toml::from_str(text).map_err(|e| e.to_string())?;
    for (name, g) in b.groups() {
        if !(g.target_kb > 0.0 && g.ceiling_kb > 0.0) {
            return Err(format!(
                "[{name}] needs a positive target_kb and ceiling_kb (got target {} KB, ceiling {} KB)",
                g.target_kb, g.ceiling_kb
            ));
        }
    }
    Ok(b)
}

/// One group's verdict line, and whether it is within its ceiling.
pub fn verdict(name: &str, brotli_bytes: u64, budget: Budget) -> (String, bool) {
    let kb = brotli_bytes as f64 / KB;
    let ok = kb <= budget.ceiling_kb;
    let gap = kb - budget.target_kb;
    let to_target = if gap > 0.0 {
        format!("{gap:.1} KB over the target")
    } else {
        format!("{:.1} KB under the target", -gap)
    };
    let line = format!(
        "{} {name}: {kb:.1} KB brotli; ceiling {} KB, target {} KB ({to_target})",
        if ok { "PASS" } else { "FAIL" },
        budget.ceiling_kb,
        budget.target_kb,
    );
    (line, ok)
}

/// What each group holds, for the report lines.
const GROUP_LABELS: [&str; 6] = [
    "app (wasm + JS)",
    "document (index.html + CSS)",
    "embed (the largest rendered embed: document, CSS, JS)",
    "embed entry (document, CSS, JS, wasm)",
    "preview (wasm + JS)",
    "pages (the reader app's split-out page modules, all together)",
];

/// Checks measured sizes against the budgets: prints a line per group, Err naming each excess.
pub fn check(sizes: &SiteSizes, budgets: &Budgets) -> Result<(), String> {
    let mut failures = Vec::new();
    for ((name, bytes), (_, budget)) in GROUP_LABELS
        .into_iter()
        .zip(sizes.group_bytes())
        .zip(budgets.groups())
    {
        let (line, ok) = verdict(name, bytes, budget);
        println!("  budget {line}");
        if !ok {
            failures.push(format!(
                "{name} is {:.1} KB brotli, over its {} KB ceiling in {BUDGETS_FILE} (target {} KB)",
                bytes as f64 / KB,
                budget.ceiling_kb,
                budget.target_kb
            ));
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("byte budget exceeded: {}", failures.join("; ")))
    }
}

/// The CI gate: measures `dist/` of the release build against budgets.toml.
pub fn gate() -> Result<(), String> {
    gate_dist(&run::root().join("dist"))
}

/// [`gate`] for any dist folder.
pub fn gate_dist(dist: &Path) -> Result<(), String> {
    let budgets = load(&run::root().join(BUDGETS_FILE))?;
    println!("==> byte budgets ({BUDGETS_FILE}) for {}", dist.display());
    check(&measure_site(dist)?, &budgets)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_INDEX: &str = r#"<html><head>
<link rel="stylesheet" href="/main-0123456789abcdef.css" integrity="sha384-x" crossorigin="anonymous"/>
<script src="/boot-0123456789abcdef.js" crossorigin="anonymous"></script>
<link rel="modulepreload" href="/convergence-web-0123456789abcdef.js" crossorigin="anonymous">
<link rel="preload" href="/convergence-web-0123456789abcdef_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">
<link rel="preconnect" href="https://fonts.example.org/x.css">
</head><body><script type="module">
import init, * as bindings from '/convergence-web-0123456789abcdef.js';
const wasm = await init({ module_or_path: '/convergence-web-0123456789abcdef_bg.wasm' });
</script></body></html>"#;

    #[test]
    fn finds_what_index_html_loads_once_each() {
        let a = assets_of(TRUNK_INDEX);
        assert_eq!(a.wasm, ["convergence-web-0123456789abcdef_bg.wasm"]);
        assert_eq!(
            a.js,
            [
                "boot-0123456789abcdef.js",
                "convergence-web-0123456789abcdef.js"
            ]
        );
        assert_eq!(a.css, ["main-0123456789abcdef.css"]);
    }

    #[test]
    fn finds_the_modules_a_split_loader_fetches() {
        let js = r#"const a = makeLoad(() => { const src = fetch(new URL("./chunk_1-ab.wasm", import.meta.url), { integrity: "x" }); });
export const b = wrapAsyncCb(makeLoad(() => { const src = fetch(new URL("./split_topics-cd.wasm", import.meta.url)); }, [a]));
const again = new URL("./chunk_1-ab.wasm", import.meta.url); const other = new URL("./x.js", import.meta.url);"#;
        assert_eq!(
            fetched_modules(js),
            ["chunk_1-ab.wasm", "split_topics-cd.wasm"]
        );
        assert!(fetched_modules("import init from './glue.js';").is_empty());
    }

    #[test]
    fn compression_sizes_are_deterministic_and_shrink_text() {
        let text = "the same sentence again and again. ".repeat(200);
        let s = sizes(text.as_bytes());
        assert_eq!(s.raw, text.len() as u64);
        assert!(s.brotli < s.gzip && s.gzip < s.raw / 10, "{s:?}");
        assert_eq!(s, sizes(text.as_bytes()));
    }

    #[test]
    fn a_group_over_its_ceiling_fails_with_both_figures() {
        let budget = Budget {
            target_kb: 100.0,
            ceiling_kb: 300.0,
        };
        let (line, ok) = verdict("app", 299_000, budget);
        assert!(ok, "{line}");
        assert!(line.contains("199.0 KB over the target"), "{line}");
        let (line, ok) = verdict("app", 300_100, budget);
        assert!(!ok);
        assert!(
            line.starts_with("FAIL app: 300.1 KB brotli; ceiling 300 KB"),
            "{line}"
        );
        let brotli = |brotli| Sizes {
            raw: 1,
            gzip: 1,
            brotli,
        };
        let app = DistSizes {
            wasm: brotli(300_000),
            js: brotli(1_000),
            css: Sizes::default(),
            html: Sizes::default(),
        };
        let small = DistSizes {
            wasm: brotli(10_000),
            js: brotli(1_000),
            css: brotli(2_000),
            html: brotli(1_000),
        };
        let ten = Budget {
            target_kb: 10.0,
            ceiling_kb: 20.0,
        };
        let budgets = Budgets {
            app: budget,
            document: ten,
            embed: ten,
            embed_entry: ten,
            preview: ten,
            pages: ten,
        };
        let within = SiteSizes {
            app,
            embed: small,
            embed_entry: small,
            preview: small,
            pages: brotli(5_000),
        };
        let err = check(&within, &budgets).unwrap_err();
        assert!(
            err.contains("301.0 KB brotli, over its 300 KB ceiling"),
            "{err}"
        );
        assert!(!err.contains("document") && !err.contains("embed"), "{err}");
        // The embed counts everything it loads: 14 KB here, over a 12 KB ceiling.
        let tight = Budgets {
            app: Budget {
                target_kb: 100.0,
                ceiling_kb: 400.0,
            },
            embed: Budget {
                target_kb: 10.0,
                ceiling_kb: 12.0,
            },
            ..budgets
        };
        let err = check(&within, &tight).unwrap_err();
        assert!(err.starts_with("byte budget exceeded: embed"), "{err}");
        assert!(
            err.contains("14.0 KB brotli, over its 12 KB ceiling"),
            "{err}"
        );
    }

    #[test]
    fn the_budgets_file_parses_and_nonsense_figures_are_refused() {
        let b = load(&run::root().join(BUDGETS_FILE)).unwrap();
        assert_eq!(b.document.target_kb, 14.0);
        let group = |name: &str, target: u32, ceiling: u32| {
            format!("[{name}]\ntarget_kb = {target}\nceiling_kb = {ceiling}\n")
        };
        let ok = [
            "app",
            "document",
            "embed",
            "embed_entry",
            "preview",
            "pages",
        ]
        .map(|g| group(g, 10, 20))
        .concat();
        assert!(parse(&ok).is_ok());
        let bad = [
            group("app", 10, 20),
            group("document", 10, 20),
            group("embed", 40, 0),
            group("embed_entry", 10, 20),
            group("preview", 10, 20),
            group("pages", 10, 20),
        ]
        .concat();
        let err = parse(&bad).unwrap_err();
        assert!(err.contains("[embed]"), "{err}");
    }
}
