//! Running child processes with the project's tools first on PATH.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask has a parent")
        .to_path_buf()
}

/// The project-local tools folder (npm's binaryen lives here).
pub fn tools_bin() -> PathBuf {
    root().join("tools/node_modules/.bin")
}

/// PATH with the project-local tools and cargo's bin folder first.
pub fn path_env() -> String {
    let mut parts = vec![tools_bin().display().to_string()];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo").into_os_string()))
    {
        parts.push(Path::new(&home).join("bin").display().to_string());
    }
    parts.push(std::env::var("PATH").unwrap_or_default());
    parts.join(":")
}

/// wasm-opt's flags for the features Rust's wasm32 target emits (wasm-bindgen's output no
/// longer says which it uses).
pub const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// A command run from the workspace root with the project PATH.
pub fn cmd(program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root()).env("PATH", path_env());
    c
}

/// `cargo` as invoked by `cargo xtask` (the same toolchain).
pub fn cargo() -> Command {
    cmd(&std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// The builder (`press`) in the release profile, run with `args`: for the big generated archives.
pub fn press_release(args: &[&str]) -> Command {
    let mut c = cargo();
    c.args(["run", "--quiet", "--release", "-p", "press", "--"])
        .args(args);
    c
}

/// Status helpers that turn a failed child into a message naming it.
pub trait CommandExt {
    /// Runs the command, inheriting stdio; Err names the step when it fails.
    fn status_ok(&mut self, what: &str) -> Result<(), String>;
    /// Runs the command and returns its stdout, or None when it cannot run or fails.
    fn stdout_text(&mut self) -> Option<String>;
}

impl CommandExt for Command {
    fn status_ok(&mut self, what: &str) -> Result<(), String> {
        match self.status() {
            Ok(s) if s.success() => Ok(()),
            Ok(s) => Err(format!("{what} failed ({s})")),
            Err(e) => Err(format!("{what} could not start: {e}")),
        }
    }

    fn stdout_text(&mut self) -> Option<String> {
        let out = self.output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

/// Builds a bucket from a content folder with the `press` builder; returns the bucket dir.
pub fn build_bucket(content: &Path, drafts: bool) -> Result<PathBuf, String> {
    let out = root().join("target/bucket/content");
    println!("==> building the bucket from {}", content.display());
    let mut c = cargo();
    c.args(["run", "--quiet", "-p", "press", "--", "build"])
        .arg(content)
        .arg("--out")
        .arg(&out);
    if drafts {
        c.arg("--drafts");
    }
    c.status_ok("press build")?;
    Ok(out)
}

/// The extra Trunk entries: `entries/<name>.html`, each built into `dist/<name>/` and served
/// at `/<name>/` (the reader app never downloads their code).
pub fn entries() -> Result<Vec<String>, String> {
    let dir = root().join("entries");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".html")?.to_owned())
        })
        .collect();
    names.sort();
    Ok(names)
}

/// `trunk build` for one entry into `dist` (its own folder), with its public URL.
pub fn trunk_entry(verb: &str, name: &str, dist: &Path, release: bool) -> Command {
    let mut c = cmd("trunk");
    // The target comes first: `--release` takes an optional value and would swallow it.
    c.arg(verb).arg(format!("entries/{name}.html"));
    if release {
        c.arg("--release");
    }
    c.arg("--dist")
        .arg(dist)
        .arg("--public-url")
        .arg(format!("/{name}/"));
    c
}

/// Builds the reader app into dist/ and then every entry into dist/<name>/ (after the app,
/// whose build empties dist/).
pub fn build_site(release: bool) -> Result<(), String> {
    let mut app = cmd("trunk");
    app.arg("build");
    if release {
        app.arg("--release");
    }
    app.status_ok("trunk build (reader app)")?;
    let dist = root().join("dist");
    // Release builds split the app's wasm (build.rs sets `split_pages` there).
    let split = if release {
        let split = crate::split::write(&dist)?;
        println!(
            "==> split the reader app: {} page modules fetched when shown",
            split.modules.len()
        );
        split.modules
    } else {
        Vec::new()
    };
    let mut pages = vec![dist.join("index.html")];
    for name in entries()? {
        println!("==> trunk build entries/{name}.html -> dist/{name}/");
        trunk_entry("build", &name, &dist.join(&name), release)
            .status_ok(&format!("trunk build (entry {name})"))?;
        pages.push(dist.join(&name).join("index.html"));
    }
    if release {
        let mut saved = 0;
        for page in &pages {
            saved += crate::minify::page_scripts(&dist, page)?;
        }
        println!(
            "==> terser: the glue and boot.js of {} pages, {saved} bytes smaller",
            pages.len()
        );
        crate::loader::write(&dist, &dist.join("index.html"))?;
        println!("==> the reader app's page: boot script inline, code after the first paint");
    }
    prerender(&root().join(BUCKET), &dist, None)?;
    if release {
        service_worker(&dist, &split)?;
    }
    Ok(())
}

/// The release's service worker (`dist/sw.js`) and what makes the site installable: the web
/// app manifest and its icons, drawn from the site icon. Development builds get none, so
/// `trunk serve` never caches anything.
/// `split` are the page modules of the split app, precached with the rest for offline reading.
pub fn service_worker(dist: &Path, split: &[String]) -> Result<(), String> {
    let read = |rel: &str| {
        std::fs::read_to_string(root().join(rel)).map_err(|e| format!("cannot read {rel}: {e}"))
    };
    let site = read(&format!("{BUCKET}/site.json"))?;
    let mut extra = crate::icons::write(dist, &read("public/favicon.svg")?, &site)?;
    extra.extend(split.iter().cloned());
    let deploy = crate::sw::write(dist, &read("public/sw.js")?, &extra)?;
    println!(
        "==> service worker: build {}, {} files precached",
        deploy.build,
        deploy.shell.len()
    );
    Ok(())
}

/// Where the sample bucket is built (`press build content --out` this).
pub const BUCKET: &str = "target/bucket/content";

/// Writes every public route of `bucket` into `dist` as a page (`src/bin/prerender.rs`),
/// rendered on the host by the app's own components.
/// `base` is the bucket's public URL when it is not `/content/` (another origin).
pub fn prerender(bucket: &Path, dist: &Path, base: Option<&str>) -> Result<(), String> {
    if !bucket.join("site.json").is_file() {
        return Err(format!(
            "no bucket at {} to render pages from: run `cargo run -p press -- build content --out {}` first",
            bucket.display(),
            bucket.display()
        ));
    }
    println!("==> prerender {} -> {}", bucket.display(), dist.display());
    let mut c = cargo();
    c.args(["run", "--quiet"])
        .args(RENDERER_BUILD)
        .args(["--bin", "prerender", "--"])
        .arg("--bucket")
        .arg(bucket)
        .arg("--dist")
        .arg(dist);
    if let Some(base) = base {
        c.arg("--base").arg(base);
    }
    c.status_ok("prerender")
}

/// The app's crate as the build-time renderer builds it: for the host, with `prerender`
/// instead of `csr`, in its own profile (cargo's arguments after the subcommand).
pub const RENDERER_BUILD: &[&str] = &[
    "--profile",
    "prerender",
    "-p",
    "convergence-web",
    "--no-default-features",
    "--features",
    "prerender",
];
