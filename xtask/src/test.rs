//! `cargo xtask test`: every layer in order, one summary line each, non-zero on any failure.

use crate::bootstrap;
use crate::run::{self, CommandExt};
use std::process::Command;
use std::time::Instant;

struct Layer {
    name: &'static str,
    command: fn() -> Command,
    /// A further step of the same layer, run after the command succeeds.
    then: Option<fn() -> Result<(), String>>,
}

/// Where the end-to-end tests find a generated archive (for paging across many pages).
pub const GEN_BUCKET: &str = "target/bucket/gen";
/// Articles in that archive: enough for three home pages and a contributor with two.
const GEN_ARTICLES: u32 = 45;

/// The model crate's library for wasm32 (its dev-dependencies, e.g. proptest, are host-only).
fn clippy_model_wasm() -> Result<(), String> {
    cargo_with(&[
        "clippy",
        "-p",
        "convergence-model",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
    ])
    .args(["--", "-D", "warnings"])
    .status_ok("clippy (wasm32, model)")
}

/// The app's crate, linted in both its builds: the browser's (`csr`, the default) and the
/// build-time renderer's (`prerender`).
fn clippy_app_host() -> Result<(), String> {
    cargo_with(&["clippy", "-p", "convergence-web", "--all-targets"])
        .args(["--", "-D", "warnings"])
        .status_ok("clippy (host, app)")?;
    cargo_with(&[
        "clippy",
        "-p",
        "convergence-web",
        "--no-default-features",
        "--features",
        "prerender",
        "--lib",
        "--bins",
    ])
    .args(["--", "-D", "warnings"])
    .status_ok("clippy (host, build-time renderer)")
}

/// The app's native tests in both builds; the renderer's in its own profile, so they share
/// the compiled dependencies of the renderer `cargo xtask build` runs.
fn app_native_tests() -> Result<(), String> {
    cargo_with(&["test", "-p", "convergence-web", "--lib", "--bins"])
        .status_ok("native tests (app)")?;
    cargo_with(&["test"])
        .args(run::RENDERER_BUILD)
        .arg("--lib")
        .status_ok("native tests (build-time renderer)")
}

/// Writes a small deterministic synthetic archive and builds it into [`GEN_BUCKET`].
fn generated_bucket() -> Result<(), String> {
    let content = run::root().join("target/gen-archive-e2e");
    if content.exists() {
        std::fs::remove_dir_all(&content)
            .map_err(|e| format!("cannot clear {}: {e}", content.display()))?;
    }
    cargo_with(&[
        "run",
        "--quiet",
        "-p",
        "press",
        "--",
        "gen-archive",
        "--out",
    ])
    .arg(&content)
    .arg(GEN_ARTICLES.to_string())
    .status_ok("press gen-archive")?;
    cargo_with(&["run", "--quiet", "-p", "press", "--", "build", "--out"])
        .arg(run::root().join(GEN_BUCKET))
        .arg(&content)
        .status_ok("press build (generated archive)")
}

/// Writes dist/_headers and dist/csp.json after every trunk build into dist/ (the e2e server
/// applies them, so every spec runs under the real CSP). The subscribe spec's recorders run
/// on free local ports, hence the extra `connect-src`.
fn write_headers() -> Result<(), String> {
    let dist = run::root().join("dist");
    let site = run::root().join("target/bucket/content/site.json");
    let summary = crate::csp::write(&dist, Some(&site), &["http://127.0.0.1:*".to_owned()])?;
    println!(
        "==> dist/_headers: {} pages, {} inline script hashes",
        summary.pages,
        summary.policies.script_hashes.len()
    );
    Ok(())
}

fn cargo_with(args: &[&str]) -> Command {
    let mut c = run::cargo();
    c.args(args);
    c
}

fn layers() -> Vec<Layer> {
    vec![
        Layer {
            name: "fmt",
            then: None,
            command: || cargo_with(&["fmt", "--all", "--", "--check"]),
        },
        Layer {
            name: "clippy (host; the app as the browser and as the build-time renderer build it)",
            then: Some(clippy_app_host),
            command: || {
                // The app's crate has two exclusive builds (`csr`, `prerender`): not --all-features.
                cargo_with(&[
                    "clippy",
                    "--workspace",
                    "--exclude",
                    "convergence-web",
                    "--all-targets",
                    "--all-features",
                    "--",
                    "-D",
                    "warnings",
                ])
            },
        },
        Layer {
            name: "clippy (wasm32)",
            then: Some(clippy_model_wasm),
            command: || {
                cargo_with(&[
                    "clippy",
                    "-p",
                    "convergence-web",
                    "--all-targets",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--",
                    "-D",
                    "warnings",
                ])
            },
        },
        Layer {
            name: "native tests",
            then: Some(app_native_tests),
            command: || {
                let mut c = cargo_with(&[
                    "test",
                    "--workspace",
                    "--exclude",
                    "convergence-web",
                    "--all-features",
                ]);
                // The CommonMark conformance test must not skip itself in CI.
                c.env("CONVERGENCE_REQUIRE_SPEC", "1");
                c
            },
        },
        Layer {
            name: "wasm-bindgen tests (headless Chromium)",
            then: None,
            command: || {
                let mut c = cargo_with(&[
                    "test",
                    "-p",
                    "convergence-web",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--test",
                    "browser",
                ]);
                c.env(
                    "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                    "wasm-bindgen-test-runner",
                )
                .env("CHROMEDRIVER", "/usr/bin/chromedriver")
                // West of UTC, so a date shown as a local day would visibly shift (tests/browser.rs).
                .env("TZ", "America/Los_Angeles")
                .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
                c
            },
        },
        Layer {
            name: "sample bucket (press build content) and a generated archive",
            then: Some(generated_bucket),
            command: || {
                // --drafts: the preview e2e tests open content/drafts/ from the bucket.
                let mut c = cargo_with(&[
                    "run", "--quiet", "-p", "press", "--", "build", "content", "--drafts", "--out",
                ]);
                c.arg(run::root().join("target/bucket/content"));
                c
            },
        },
        Layer {
            name: "release build (cargo xtask build: app, then entries/*.html), byte budgets, dist/_headers (CSP)",
            then: Some(|| {
                // The byte budgets (budgets.toml) of what that build ships, then the headers.
                crate::budget::gate()?;
                write_headers()
            }),
            command: || cargo_with(&["xtask", "build"]),
        },
        Layer {
            name: "end-to-end (Playwright, headless Chromium)",
            then: None,
            command: || {
                let mut c = run::cmd("npx");
                c.args([
                    "playwright",
                    "test",
                    "-c",
                    "tests/e2e/playwright.config.mjs",
                ]);
                c
            },
        },
    ]
}

/// Runs the bootstrap, then each layer; stops at the first failure (later layers depend on earlier ones).
pub fn run_all() -> Result<(), String> {
    let start = Instant::now();
    bootstrap::all(bootstrap::Needs::everything())?;
    let mut summary = Vec::new();
    let mut failed = None;
    for layer in layers() {
        if failed.is_some() {
            summary.push(format!("SKIP  {}", layer.name));
            continue;
        }
        println!("\n==> {}", layer.name);
        let t = Instant::now();
        let mut result = (layer.command)().status_ok(layer.name);
        if let (Ok(()), Some(then)) = (&result, layer.then) {
            result = then();
        }
        let secs = t.elapsed().as_secs_f32();
        match result {
            Ok(()) => summary.push(format!("PASS  {} ({secs:.1} s)", layer.name)),
            Err(e) => {
                summary.push(format!("FAIL  {} ({secs:.1} s)", layer.name));
                failed = Some(e);
            }
        }
    }
    println!("\n── cargo xtask test ──");
    for line in &summary {
        println!("{line}");
    }
    println!("total {:.1} s", start.elapsed().as_secs_f32());
    match failed {
        Some(e) => Err(e),
        None => Ok(()),
    }
}
