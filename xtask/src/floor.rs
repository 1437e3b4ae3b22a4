//! `cargo xtask floor`: the smallest apps the design's packages allow, built and measured the
//! way the app is (release profile, wasm-bindgen, wasm-opt -Oz, brotli 11). They say which
//! byte budgets a Leptos app can reach at all (docs/performance.md, "The floor").

use crate::bench::sizes_json;
use crate::budget::{sizes, Sizes, KB};
use crate::run::{self, CommandExt};
use serde_json::json;
use std::path::Path;

/// The floor apps in tests/bench/floor/src/bin, smallest first, with what each adds.
pub const APPS: &[(&str, &str)] = &[
    ("hello", "Leptos: one signal, one button"),
    ("router", "+ leptos_router: two routes and links"),
    (
        "norouter",
        "Leptos + serde_json (one struct) + pulldown-cmark, no router",
    ),
    (
        "reading",
        "Leptos + leptos_router + serde_json + pulldown-cmark: an article route",
    ),
];

/// Builds every floor app and returns its wasm + JS sizes, printing a table.
pub fn run() -> Result<serde_json::Value, String> {
    let root = run::root();
    let manifest = root.join("tests/bench/floor/Cargo.toml");
    let target = root.join("target/floor");
    println!("==> building the floor apps (tests/bench/floor, release, wasm32)");
    run::cargo()
        .args([
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--bins",
        ])
        .arg("--manifest-path")
        .arg(&manifest)
        .env("CARGO_TARGET_DIR", &target)
        .status_ok("cargo build of tests/bench/floor")?;
    let mut rows = Vec::new();
    println!("\n| floor app | what it has | wasm raw | wasm + JS brotli |\n|---|---|---:|---:|");
    for (bin, what) in APPS {
        let (wasm, js) = bindgen_and_opt(&target, bin)?;
        let total = wasm.brotli + js.brotli;
        println!(
            "| {bin} | {what} | {:.1} KB | {:.1} KB |",
            wasm.raw as f64 / KB,
            total as f64 / KB
        );
        rows.push(json!({
            "app": bin, "what": what,
            "wasm": sizes_json(wasm),
            "js": sizes_json(js),
            "wasm_js_brotli": total,
        }));
    }
    let report = json!({ "apps": rows });
    let out = root.join("target/bench/floor.json");
    std::fs::create_dir_all(out.parent().expect("has a parent"))
        .and_then(|()| std::fs::write(&out, format!("{report:#}\n")))
        .map_err(|e| format!("writing {}: {e}", out.display()))?;
    println!("\n==> wrote {}", out.display());
    Ok(report)
}

/// wasm-bindgen (web target) then wasm-opt -Oz, as Trunk does for the app; the output sizes.
fn bindgen_and_opt(target: &Path, bin: &str) -> Result<(Sizes, Sizes), String> {
    let input = target.join(format!("wasm32-unknown-unknown/release/{bin}.wasm"));
    let out = target.join("out").join(bin);
    run::cmd("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&out)
        .arg(&input)
        .status_ok(&format!("wasm-bindgen on {bin}"))?;
    let bg = out.join(format!("{bin}_bg.wasm"));
    let opt = out.join(format!("{bin}_opt.wasm"));
    run::cmd("wasm-opt")
        .arg("-Oz")
        .args(run::WASM_FEATURES)
        .arg(&bg)
        .arg("-o")
        .arg(&opt)
        .status_ok(&format!("wasm-opt on {bin}"))?;
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("reading {}: {e}", p.display()));
    Ok((
        sizes(&read(&opt)?),
        sizes(&read(&out.join(format!("{bin}.js")))?),
    ))
}
