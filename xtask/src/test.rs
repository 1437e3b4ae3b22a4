//! `cargo xtask test`: every layer in order, one summary line each, non-zero on any failure.

use crate::bootstrap;
use crate::run::{self, CommandExt};
use std::process::Command;
use std::time::Instant;

struct Layer {
    name: &'static str,
    command: fn() -> Command,
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
            command: || cargo_with(&["fmt", "--all", "--", "--check"]),
        },
        Layer {
            name: "clippy (host)",
            command: || {
                cargo_with(&[
                    "clippy",
                    "--workspace",
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
            command: || {
                cargo_with(&[
                    "clippy",
                    "-p",
                    "convergence-web",
                    "-p",
                    "convergence-model",
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
            command: || {
                let mut c = cargo_with(&["test", "--workspace", "--all-features"]);
                // The CommonMark conformance test must not skip itself in CI.
                c.env("CONVERGENCE_REQUIRE_SPEC", "1");
                c
            },
        },
        Layer {
            name: "wasm-bindgen tests (headless Chromium)",
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
                .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
                c
            },
        },
        Layer {
            name: "sample bucket (press build content)",
            command: || {
                let mut c = cargo_with(&[
                    "run", "--quiet", "-p", "press", "--", "build", "content", "--out",
                ]);
                c.arg(run::root().join("target/bucket/content"));
                c
            },
        },
        Layer {
            name: "trunk build --release",
            command: || {
                let mut c = run::cmd("trunk");
                c.args(["build", "--release"]);
                c
            },
        },
        Layer {
            name: "end-to-end (Playwright, headless Chromium)",
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
        let result = (layer.command)().status_ok(layer.name);
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
