//! `cargo xtask bench`: every benchmark in one run, the app next to its static twin, written to
//! target/bench/report.json and target/bench/summary.md and printed as a table. Figures only:
//! nothing here passes or fails on a time (the byte budgets are gated by `cargo xtask test`).

use crate::budget::{self, DistSizes, Sizes, KB};
use crate::run::{self, CommandExt};
use crate::{bootstrap, twin};
use serde_json::{json, Value};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::Duration;

/// The article every page benchmark loads (the sample's long panel discussion).
pub const ARTICLE: &str = "broad-front-panel";

/// A server child killed when dropped, so a failed step never leaves one running.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A port nobody is listening on now (the OS picks it).
fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("cannot find a free port: {e}"))
}

/// Serves `dist` and the bucket with tests/e2e/server.mjs, compressed as a CDN would.
fn serve(dist: &Path) -> Result<(Server, String), String> {
    let port = free_port()?;
    let child = run::cmd("node")
        .arg("tests/e2e/server.mjs")
        .env("PORT", port.to_string())
        .env("DIST_DIR", dist)
        .env("COMPRESS", "1")
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start the bench server: {e}"))?;
    let server = Server(child);
    let base = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok((server, base));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("the bench server on port {port} did not start"))
}

/// Runs a node script that writes JSON to its last argument; returns that JSON.
fn node_json(script: &str, args: &[&str], out: &Path) -> Result<Value, String> {
    println!("\n==> node {script}");
    run::cmd("node")
        .arg(script)
        .args(args)
        .arg(out)
        .status_ok(script)?;
    read_json(out)
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Where cargo puts build output (CARGO_TARGET_DIR when set).
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| run::root().join("target"))
}

/// Criterion's median for the native render, in ms.
fn criterion_render() -> Result<Value, String> {
    println!("\n==> cargo bench -p convergence-model --bench render (Criterion)");
    run::cargo()
        .args(["bench", "-p", "convergence-model", "--bench", "render"])
        .status_ok("Criterion render benchmark")?;
    let estimates =
        read_json(&target_dir().join("criterion/markdown/render_50kb/new/estimates.json"))?;
    let ns = |k: &str| estimates[k]["point_estimate"].as_f64();
    Ok(json!({
        "median_ms": ns("median").map(|n| n / 1e6),
        "mean_ms": ns("mean").map(|n| n / 1e6),
    }))
}

/// The `BENCH name {json}` line a browser benchmark printed.
pub fn bench_line(output: &str, name: &str) -> Option<Value> {
    let prefix = format!("BENCH {name} ");
    output
        .lines()
        .find_map(|l| l.trim().strip_prefix(&prefix))
        .and_then(|j| serde_json::from_str(j).ok())
}

/// The in-browser render benchmark (tests/render_bench.rs, release profile, headless Chromium).
fn browser_render() -> Result<Value, String> {
    println!("\n==> wasm render benchmark (crates/model/tests/render_bench.rs, release, headless Chromium)");
    let out = run::cargo()
        .args([
            "test",
            "--release",
            "-p",
            "convergence-model",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "render_bench",
            "--",
            "--nocapture",
        ])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env("WASM_BINDGEN_TEST_TIMEOUT", "300")
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run the wasm render benchmark: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    print!("{stdout}");
    if !out.status.success() {
        return Err(format!("the wasm render benchmark failed ({})", out.status));
    }
    bench_line(&stdout, "render_50kb")
        .ok_or_else(|| "the wasm render benchmark printed no `BENCH render_50kb` line".into())
}

/// `press bench`: the 20,000-article build.
fn press_bench(out: &Path) -> Result<Value, String> {
    println!("\n==> press bench (20,000-article build)");
    let file = out.join("press.json");
    run::press_release(&["bench", "--report"])
        .arg(&file)
        .status_ok("press bench")?;
    read_json(&file)
}

/// Raw, gzip and brotli bytes as a report object.
pub fn sizes_json(s: Sizes) -> Value {
    json!({ "raw": s.raw, "gzip": s.gzip, "brotli": s.brotli })
}

fn bytes_json(d: &DistSizes) -> Value {
    json!({
        "wasm": sizes_json(d.wasm),
        "js": sizes_json(d.js),
        "css": sizes_json(d.css),
        "index_html": sizes_json(d.html),
        "app_wasm_js": sizes_json(d.app()),
        "document_html_css": sizes_json(d.document()),
    })
}

/// Runs a section, keeping its figures or its error (one failure never hides the others).
fn section(report: &mut serde_json::Map<String, Value>, name: &str, r: Result<Value, String>) {
    match r {
        Ok(v) => {
            report.insert(name.into(), v);
        }
        Err(e) => {
            eprintln!("xtask bench: {name}: {e}");
            report.insert(name.into(), json!({ "error": e }));
        }
    }
}

/// Runs every benchmark and writes the reports.
pub fn run_all() -> Result<(), String> {
    bootstrap::all(bootstrap::Needs::everything())?;
    let root = run::root();
    let out = root.join("target/bench");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let bucket = run::build_bucket(&root.join("content"), false)?;
    println!("==> release build (app and entries) and its headers");
    run::build_site(true)?;
    let dist = root.join("dist");
    // Measured as deployed: the strict CSP and cache headers the e2e server applies.
    crate::csp::write(&dist, Some(&bucket.join("site.json")), &[])?;
    let mut report = serde_json::Map::new();

    let site = budget::measure_site(&dist)?;
    let sizes = site.app;
    let budgets = budget::load(&root.join(budget::BUDGETS_FILE))?;
    report.insert("bytes".into(), bytes_json(&sizes));
    let group = |bytes: u64, b: budget::Budget| json!({ "brotli": bytes as f64 / KB, "target": b.target_kb, "ceiling": b.ceiling_kb });
    report.insert(
        "budgets".into(),
        json!({
            "app_wasm_js_kb": group(sizes.app().brotli, budgets.app),
            "document_html_css_kb": group(sizes.document().brotli, budgets.document),
            "embed_whole_kb": group(site.embed.whole().brotli, budgets.embed),
            "embed_entry_whole_kb": group(site.embed_entry.whole().brotli, budgets.embed_entry),
            "preview_wasm_js_kb": group(site.preview.app().brotli, budgets.preview),
            "pages_kb": group(site.pages.brotli, budgets.pages),
        }),
    );

    let twin_dir = out.join("twin");
    let _ = std::fs::remove_dir_all(&twin_dir);
    let twin_article = twin::write(&dist, ARTICLE, &twin_dir)?;
    let twin_html = std::fs::read(twin_dir.join(twin_article.trim_start_matches('/')))
        .map_err(|e| format!("cannot read the twin: {e}"))?;
    report.insert(
        "twin_article_html".into(),
        sizes_json(budget::sizes(&twin_html)),
    );
    {
        let (_app, app_base) = serve(&dist)?;
        let (_twin, twin_base) = serve(&twin_dir)?;
        let args = [app_base.as_str(), twin_base.as_str(), twin_article.as_str()];
        let r = node_json(
            "tests/bench/page-load.mjs",
            &args,
            &out.join("page-load.json"),
        );
        section(&mut report, "page_load", r);
        let r = node_json(
            "tests/bench/lighthouse.mjs",
            &args,
            &out.join("lighthouse.json"),
        );
        section(&mut report, "lighthouse", r);
        let r = node_json(
            "tests/bench/text-size.mjs",
            &[app_base.as_str()],
            &out.join("text-size.json"),
        );
        section(&mut report, "text_size", r);
    }
    section(&mut report, "render_native", criterion_render());
    section(&mut report, "render_browser", browser_render());
    section(&mut report, "press_build", press_bench(&out));
    section(&mut report, "floor", crate::floor::run());

    let json_path = out.join("report.json");
    // The last run's goal figures, shown beside this run's.
    if let Ok(last) = read_json(&json_path) {
        report.insert("previous".into(), goal_figures(&last));
    }
    let report = Value::Object(report);
    std::fs::write(
        &json_path,
        serde_json::to_string_pretty(&report).expect("JSON values serialise"),
    )
    .map_err(|e| format!("cannot write {}: {e}", json_path.display()))?;
    let md = summary(&report);
    let md_path = out.join("summary.md");
    std::fs::write(&md_path, &md)
        .map_err(|e| format!("cannot write {}: {e}", md_path.display()))?;
    println!("\n{md}");
    println!("wrote {} and {}", json_path.display(), md_path.display());
    let failed: Vec<&str> = report
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(_, v)| v.get("error").is_some())
        .map(|(k, _)| k.as_str())
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "some benchmarks did not run: {}",
            failed.join(", ")
        ))
    }
}

fn kb(v: &Value) -> String {
    v.as_f64()
        .map(|b| format!("{:.1} KB", b / KB))
        .unwrap_or_else(|| "–".into())
}

fn ms(v: &Value) -> String {
    v.as_f64()
        .map(|m| format!("{m:.1} ms"))
        .unwrap_or_else(|| "–".into())
}

/// One figure the lighter reading path aims at: where to find it in a report, and its goal.
struct Goal {
    /// What it is.
    label: &'static str,
    /// Its unit, after the number.
    unit: &'static str,
    /// The figure in a report, or None where that part did not run.
    read: fn(&Value) -> Option<f64>,
    /// The goal, the figure at most this: fixed here, or read from the report (the app's is
    /// budgets.toml's target, which the report carries).
    at_most: fn(&Value) -> Option<f64>,
}

/// The p95 of text-size latency at `slowdown`x CPU in a report.
fn text_size_p95(r: &Value, slowdown: u64) -> Option<f64> {
    r["text_size"]["text_size_latency"]
        .as_array()?
        .iter()
        .find(|t| t["slowdown"].as_u64() == Some(slowdown))?["p95_ms"]
        .as_f64()
}

/// The goals of the lighter reading path (docs/performance.md), in the order it lists them.
const GOALS: [Goal; 6] = [
    Goal {
        label: "reader app, wasm + JS (brotli)",
        unit: "KB",
        read: |r| r["budgets"]["app_wasm_js_kb"]["brotli"].as_f64(),
        at_most: |r| r["budgets"]["app_wasm_js_kb"]["target"].as_f64(),
    },
    Goal {
        label: "longest task starting the article, 4x CPU",
        unit: "ms",
        read: |r| r["page_load"]["longtasks_4x_cpu"]["app"]["max_ms"].as_f64(),
        at_most: |_| Some(50.0),
    },
    Goal {
        label: "… of them the app's own (after its code is asked for)",
        unit: "ms",
        read: |r| r["page_load"]["longtasks_4x_cpu"]["app"]["app_own_max_ms"].as_f64(),
        at_most: |_| Some(50.0),
    },
    Goal {
        label: "text size input → next paint, p95, 1x CPU",
        unit: "ms",
        read: |r| text_size_p95(r, 1),
        at_most: |_| Some(16.0),
    },
    Goal {
        label: "text size input → next paint, p95, 4x CPU",
        unit: "ms",
        read: |r| text_size_p95(r, 4),
        at_most: |_| Some(50.0),
    },
    Goal {
        label: "Markdown render of 50 KB in the browser, median",
        unit: "ms",
        read: |r| r["render_browser"]["median_ms"].as_f64(),
        at_most: |_| Some(1.0),
    },
];

/// The goals' figures of a report, to keep beside the next run's (`previous` in report.json).
pub fn goal_figures(r: &Value) -> Value {
    Value::Object(
        GOALS
            .iter()
            .map(|g| {
                (
                    g.label.to_owned(),
                    (g.read)(r).map_or(Value::Null, Value::from),
                )
            })
            .collect(),
    )
}

/// The goals table: each figure now, its goal, whether it is met, and the previous run's.
fn goals_table(r: &Value) -> String {
    let mut s = String::from(
        "## Goals of the lighter reading path\n\n| figure | now | goal | met | previous run |\n|---|---:|---:|---|---:|\n",
    );
    // Two decimals below 10, where a tenth is a large share.
    let show = |v: Option<f64>, unit: &str| match v {
        None => "–".to_owned(),
        Some(v) if v < 10.0 => format!("{v:.2} {unit}"),
        Some(v) => format!("{v:.1} {unit}"),
    };
    for g in &GOALS {
        let (now, goal) = ((g.read)(r), (g.at_most)(r));
        let previous = r["previous"][g.label].as_f64();
        let met = match (now, goal) {
            (Some(v), Some(goal)) if v <= goal => "yes",
            (Some(_), Some(_)) => "no",
            _ => "not measured",
        };
        let _ = writeln!(
            s,
            "| {} | {} | ≤ {} | {met} | {} |",
            g.label,
            show(now, g.unit),
            show(goal, g.unit),
            show(previous, g.unit),
        );
    }
    s.push('\n');
    s
}

/// The Markdown summary (also printed): the goals, then one table per kind of figure.
pub fn summary(r: &Value) -> String {
    let mut s = String::from("# cargo xtask bench\n\n");
    s.push_str(&goals_table(r));
    s.push_str("## Bytes (as built; KB = 1,000 bytes)\n\n| file | raw | gzip -9 | brotli -q 11 |\n|---|---:|---:|---:|\n");
    for (label, key) in [
        ("app wasm", "wasm"),
        ("app JS (glue, split loader, offline.js)", "js"),
        ("**app wasm + JS**", "app_wasm_js"),
        ("CSS", "css"),
        ("index.html", "index_html"),
        ("**index.html + CSS**", "document_html_css"),
    ] {
        let b = &r["bytes"][key];
        let _ = writeln!(
            s,
            "| {label} | {} | {} | {} |",
            kb(&b["raw"]),
            kb(&b["gzip"]),
            kb(&b["brotli"])
        );
    }
    let t = &r["twin_article_html"];
    let _ = writeln!(
        s,
        "| static twin article HTML | {} | {} | {} |",
        kb(&t["raw"]),
        kb(&t["gzip"]),
        kb(&t["brotli"])
    );
    if let Some(apps) = r["floor"]["apps"].as_array() {
        s.push_str("\nThe floor (`cargo xtask floor`: the smallest apps built from the same packages, same profile):\n\n| floor app | what it has | wasm + JS brotli |\n|---|---|---:|\n");
        for a in apps {
            let _ = writeln!(
                s,
                "| {} | {} | {} |",
                a["app"].as_str().unwrap_or("?"),
                a["what"].as_str().unwrap_or("?"),
                kb(&a["wasm_js_brotli"])
            );
        }
    }
    let b = &r["budgets"];
    let _ = writeln!(
        s,
        "\nBudgets (brotli): app wasm + JS {:.1} KB (ceiling {} KB, target {} KB); index.html + CSS {:.1} KB (ceiling {} KB, target {} KB).",
        b["app_wasm_js_kb"]["brotli"].as_f64().unwrap_or(0.0),
        b["app_wasm_js_kb"]["ceiling"],
        b["app_wasm_js_kb"]["target"],
        b["document_html_css_kb"]["brotli"].as_f64().unwrap_or(0.0),
        b["document_html_css_kb"]["ceiling"],
        b["document_html_css_kb"]["target"],
    );

    let p = &r["page_load"];
    if let Some(e) = p.get("error") {
        let _ = writeln!(s, "\n## Page load\n\nnot measured: {e}");
    } else {
        let w = &p["bytes"];
        let _ = writeln!(s, "\n## Bytes on the wire (served compressed, cold cache)\n\n| load | requests | bytes |\n|---|---:|---:|");
        for (label, key) in [
            ("app: cold article", "app_cold_article"),
            ("app: second article, same session", "app_second_article"),
            ("app: back to the second article (from home)", "app_back"),
            ("static twin: cold article", "twin_cold_article"),
        ] {
            let _ = writeln!(
                s,
                "| {label} | {} | {} |",
                w[key]["requests"],
                kb(&w[key]["bytes"])
            );
        }
        if let Some(files) = w["app_second_article"]["files"].as_array() {
            let names: Vec<&str> = files.iter().filter_map(Value::as_str).collect();
            let _ = writeln!(s, "\nSecond article's requests: {}", names.join("; "));
        }
        let _ = writeln!(
            s,
            "\n## First paint, app vs static twin (headless Chromium, localhost, cold cache, median of {})\n\n| metric | app | twin | difference | ratio |\n|---|---:|---:|---:|---:|",
            p["runs"]
        );
        for (label, key) in [
            ("FCP", "fcp"),
            ("LCP", "lcp"),
            ("article painted", "article"),
        ] {
            let m = &p["paint"][key];
            let _ = writeln!(
                s,
                "| {label} | {} | {} | {} | {:.2}x |",
                ms(&m["app_ms"]),
                ms(&m["twin_ms"]),
                ms(&m["diff_ms"]),
                m["ratio"].as_f64().unwrap_or(f64::NAN)
            );
        }
        let _ = writeln!(
            s,
            "\nThe app took the rendered page over at {} (median).",
            ms(&p["paint"]["takeover"]["app_ms"])
        );
        let _ = writeln!(
            s,
            "\nCLS (max over the loads): app {}, twin {}. Long tasks loading the article at 4x CPU (median over {} loads): app {} (longest {}, the app's own longest {}, blocking {}), twin {} (longest {}).",
            p["cls"]["app_max"],
            p["cls"]["twin_max"],
            p["longtasks_4x_cpu"]["app"]["runs"],
            p["longtasks_4x_cpu"]["app"]["count"],
            ms(&p["longtasks_4x_cpu"]["app"]["max_ms"]),
            ms(&p["longtasks_4x_cpu"]["app"]["app_own_max_ms"]),
            ms(&p["longtasks_4x_cpu"]["app"]["total_blocking_ms"]),
            p["longtasks_4x_cpu"]["twin"]["count"],
            ms(&p["longtasks_4x_cpu"]["twin"]["max_ms"]),
        );
    }

    s.push_str("\n## Lighthouse 12.8 (performance / accessibility / best practices / SEO)\n\n");
    match r["lighthouse"]["results"].as_array() {
        Some(rows) => {
            s.push_str("| form factor | page | app | static twin | app LCP | twin LCP | app TBT | twin TBT |\n|---|---|---|---|---:|---:|---:|---:|\n");
            for pair in rows.chunks(2) {
                let [a, t] = pair else { continue };
                let sc = |x: &Value| {
                    format!(
                        "{} / {} / {} / {}",
                        x["scores"]["performance"],
                        x["scores"]["accessibility"],
                        x["scores"]["best-practices"],
                        x["scores"]["seo"]
                    )
                };
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} | {} | {} | {} | {} |",
                    a["formFactor"].as_str().unwrap_or("?"),
                    a["page"].as_str().unwrap_or("?"),
                    sc(a),
                    sc(t),
                    ms(&a["metrics"]["largest-contentful-paint"]),
                    ms(&t["metrics"]["largest-contentful-paint"]),
                    ms(&a["metrics"]["total-blocking-time"]),
                    ms(&t["metrics"]["total-blocking-time"]),
                );
            }
        }
        None => {
            let _ = writeln!(s, "not measured: {}", r["lighthouse"]["error"]);
        }
    }

    s.push_str("\n## Other figures\n\n| benchmark | figure |\n|---|---|\n");
    let _ = writeln!(
        s,
        "| Markdown render, 50 KB article, browser (wasm, release) | median {} |",
        ms(&r["render_browser"]["median_ms"])
    );
    let _ = writeln!(
        s,
        "| Markdown render, 50 KB article, native (Criterion) | median {} |",
        r["render_native"]["median_ms"]
            .as_f64()
            .map(|m| format!("{m:.3} ms"))
            .unwrap_or_else(|| "–".into())
    );
    if let Some(rows) = r["text_size"]["text_size_latency"].as_array() {
        for t in rows {
            let _ = writeln!(
                s,
                "| text size input → next paint, CPU {}x | p50 {}, p95 {} ({} clicks) |",
                t["slowdown"],
                ms(&t["p50_ms"]),
                ms(&t["p95_ms"]),
                t["clicks"]
            );
        }
    }
    for key in ["large", "small"] {
        let b = &r["press_build"][key];
        let _ = writeln!(
            s,
            "| press build of {} generated articles | {} s ({} files, {}) |",
            b["articles"],
            b["build_seconds"]
                .as_f64()
                .map_or_else(|| "–".into(), |t| format!("{t:.1}")),
            b["files"],
            kb(&b["bytes"]),
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_bench_line_among_runner_output() {
        let out = "running 1 test\n  BENCH render_50kb {\"median_ms\":1.25}\ntest ok\n";
        assert_eq!(bench_line(out, "render_50kb").unwrap()["median_ms"], 1.25);
        assert!(bench_line(out, "other").is_none());
    }

    #[test]
    fn each_goal_stands_beside_its_figure_and_the_previous_run() {
        let last = json!({
            "budgets": { "app_wasm_js_kb": { "brotli": 480.2 } },
            "render_browser": { "median_ms": 0.4 },
        });
        let r = json!({
            "budgets": { "app_wasm_js_kb": { "brotli": 478.9, "target": 250 } },
            "page_load": { "longtasks_4x_cpu": { "app": { "max_ms": 101.0, "app_own_max_ms": 38.0 } } },
            "text_size": { "text_size_latency": [
                { "slowdown": 1, "p50_ms": 15.0, "p95_ms": 15.6 },
                { "slowdown": 4, "p50_ms": 30.0, "p95_ms": 52.0 },
            ] },
            "render_browser": { "median_ms": 0.35 },
            "previous": goal_figures(&last),
        });
        let s = summary(&r);
        for row in [
            "| reader app, wasm + JS (brotli) | 478.9 KB | ≤ 250.0 KB | no | 480.2 KB |",
            "| longest task starting the article, 4x CPU | 101.0 ms | ≤ 50.0 ms | no | – |",
            "| … of them the app's own (after its code is asked for) | 38.0 ms | ≤ 50.0 ms | yes | – |",
            "| text size input → next paint, p95, 1x CPU | 15.6 ms | ≤ 16.0 ms | yes | – |",
            "| text size input → next paint, p95, 4x CPU | 52.0 ms | ≤ 50.0 ms | no | – |",
            "| Markdown render of 50 KB in the browser, median | 0.35 ms | ≤ 1.00 ms | yes | 0.40 ms |",
        ] {
            assert!(s.contains(row), "{row}\n{s}");
        }
        let none = summary(&json!({}));
        assert!(
            none.contains(
                "| longest task starting the article, 4x CPU | – | ≤ 50.0 ms | not measured | – |"
            ),
            "{none}"
        );
    }

    #[test]
    fn the_summary_shows_what_ran_and_says_what_did_not() {
        let r = json!({
            "bytes": { "wasm": { "raw": 1_300_000, "gzip": 500_000, "brotli": 400_000 } },
            "page_load": { "error": "chromium missing" },
            "press_build": { "large": { "articles": 20000, "build_seconds": 97.6, "files": 49879, "bytes": 364316976 } },
            "lighthouse": { "error": "not installed" },
        });
        let s = summary(&r);
        assert!(
            s.contains("| app wasm | 1300.0 KB | 500.0 KB | 400.0 KB |"),
            "{s}"
        );
        assert!(s.contains("not measured: \"chromium missing\""), "{s}");
        assert!(s.contains("not measured: \"not installed\""), "{s}");
        assert!(
            s.contains(
                "| press build of 20000 generated articles | 97.6 s (49879 files, 364317.0 KB) |"
            ),
            "{s}"
        );
    }
}
