//! `cargo xtask serve | build | test | bench | floor | gen-archive N | bootstrap`: the project's commands.
//!
//! Every command first runs the idempotent bootstrap, so a fresh Debian machine with
//! only Rust, Node and apt gets everything it needs, and a warm one skips it all.

mod bench;
mod bootstrap;
mod bucket_server;
mod budget;
mod csp;
mod floor;
mod icons;
mod loader;
mod minify;
mod run;
mod split;
mod subscribe_server;
mod sw;
mod test;
mod twin;

use run::CommandExt;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve            build the sample bucket and serve the site at http://127.0.0.1:8080
  build            release build of the reader app and every entry (embed, preview) into dist/,
                   then every public route of target/bucket/content rendered into it
  prerender [--bucket DIR] [--dist DIR] [--base URL]
                   render every public route of a bucket (default target/bucket/content) into
                   a built site (default dist/) again, without rebuilding the app
  test             every test layer, ending in headless Chromium (what CI runs)
  bench            benchmarks, the app next to a static twin (figures, not pass/fail)
  floor            build the smallest Leptos apps the design allows and print their sizes
  twin [DIST]      write the static twin (the rendered pages of DIST without scripts) of home and
                   the bench article to target/bench/twin
  budget [DIST]    check a release build (default dist/) against the byte budgets in budgets.toml
  csp [--dist DIR] [--site FILE] [--connect-src SOURCE]...
                   write DIR/_headers and DIR/csp.json (strict CSP with the built pages'
                   inline-script hashes, cache headers); run after every trunk build
  gen-archive N    write a deterministic synthetic content folder of N articles to target/gen-archive
  bootstrap        install whatever is missing (each command does this first)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("bootstrap") => bootstrap::all(bootstrap::Needs::everything()),
        Some("serve") => cmd_serve(),
        Some("build") => {
            bootstrap::all(bootstrap::Needs::build()).and_then(|()| run::build_site(true))
        }
        Some("test") => test::run_all(),
        Some("prerender") => cmd_prerender(&args[1..]),
        Some("bench") => bench::run_all(),
        Some("floor") => {
            bootstrap::all(bootstrap::Needs::build()).and_then(|()| floor::run().map(drop))
        }
        Some("twin") => {
            let root = run::root();
            let dist = args
                .get(1)
                .map_or_else(|| root.join("dist"), std::path::PathBuf::from);
            twin::write(&dist, bench::ARTICLE, &root.join("target/bench/twin"))
                .map(|page| println!("==> wrote target/bench/twin (home /, article {page})"))
        }
        Some("budget") => budget::gate_dist(
            &args
                .get(1)
                .map(std::path::PathBuf::from)
                .unwrap_or_else(|| run::root().join("dist")),
        ),
        Some("csp") => cmd_csp(&args[1..]),
        Some("gen-archive") => match args.get(1).and_then(|n| n.parse::<u32>().ok()) {
            Some(n) => cmd_gen_archive(n),
            None => Err(
                "gen-archive needs a number of articles, e.g. `cargo xtask gen-archive 2000`"
                    .into(),
            ),
        },
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `prerender [--bucket DIR] [--dist DIR] [--base URL]`: the build's last step on its own.
fn cmd_prerender(args: &[String]) -> Result<(), String> {
    let root = run::root();
    let mut bucket = root.join(run::BUCKET);
    let mut dist = root.join("dist");
    let mut base = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs a value"))
        };
        match arg.as_str() {
            "--bucket" => bucket = value()?.into(),
            "--dist" => dist = value()?.into(),
            "--base" => base = Some(value()?),
            other => return Err(format!("prerender: unknown argument {other:?}\n\n{USAGE}")),
        }
    }
    run::prerender(&bucket, &dist, base.as_deref())
}

/// Builds the sample bucket, starts the bucket server, and runs `trunk serve`.
fn cmd_serve() -> Result<(), String> {
    bootstrap::all(bootstrap::Needs::build())?;
    let bucket = run::build_bucket(&run::root().join("content"), false)?;
    // The extra entries rebuild on change into target/dist-entries/<name>, served (like the
    // bucket) by the xtask server that Trunk proxies `/embed/` and `/preview/` to.
    let mut mounts = vec![bucket_server::Mount {
        prefix: "/content/".into(),
        dir: bucket.clone(),
        index_fallback: false,
    }];
    let mut watchers = Vec::new();
    for name in run::entries()? {
        let dir = run::root().join("target/dist-entries").join(&name);
        watchers.push(
            run::trunk_entry("watch", &name, &dir, false)
                .spawn()
                .map_err(|e| format!("cannot start trunk watch for entries/{name}.html: {e}"))?,
        );
        mounts.push(bucket_server::Mount {
            prefix: format!("/{name}/"),
            dir,
            index_fallback: true,
        });
    }
    let _server = bucket_server::start(mounts, bucket_server::DEV_ADDR)?;
    // Not fatal: the site works without it, only the sample subscribe form can't send.
    let _subscriptions = subscribe_server::start(
        subscribe_server::DEV_ADDR,
        &run::root().join("target/subscriptions.jsonl"),
    )
    .inspect_err(|e| eprintln!("xtask: {e}: the sample subscribe form will not reach it"))
    .ok();
    println!(
        "==> serving the magazine at http://127.0.0.1:8080 (bucket from {})",
        bucket.display()
    );
    let served = run::cmd("trunk")
        .args(["serve", "--address", "127.0.0.1", "--port", "8080"])
        .status_ok("trunk serve");
    for mut w in watchers {
        let _ = w.kill();
    }
    served
}

/// Writes `_headers` and `csp.json` into a built dist (defaults: `dist`, and the bucket's
/// `site.json` at `dist/content/site.json` when the bucket was built into dist).
fn cmd_csp(args: &[String]) -> Result<(), String> {
    let mut dist = run::root().join("dist");
    let mut site = None;
    let mut connect = Vec::new();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("csp: {flag} needs a value"))
        };
        match flag.as_str() {
            "--dist" => dist = value()?.into(),
            "--site" => site = Some(std::path::PathBuf::from(value()?)),
            "--connect-src" => connect.push(value()?),
            other => return Err(format!("csp: unknown argument {other:?}")),
        }
    }
    let site = site.or_else(|| Some(dist.join("content/site.json")).filter(|p| p.is_file()));
    if site.is_none() {
        eprintln!(
            "xtask csp: no site.json given (--site): connect-src names no subscribe provider, \
             so only a same-origin provider can be reached"
        );
    }
    let summary = csp::write(&dist, site.as_deref(), &connect)?;
    println!(
        "==> wrote {0}/_headers and {0}/csp.json ({1} pages, {2} inline script hashes)\n    reader: {3}",
        dist.display(),
        summary.pages,
        summary.policies.script_hashes.len(),
        summary.policies.reader
    );
    Ok(())
}

/// Writes a synthetic archive of `n` articles with the builder.
fn cmd_gen_archive(n: u32) -> Result<(), String> {
    let out = run::root().join("target/gen-archive");
    run::press_release(&["gen-archive"])
        .arg(n.to_string())
        .arg("--out")
        .arg(&out)
        .status_ok("press gen-archive")?;
    println!("==> wrote {n} synthetic articles to {}", out.display());
    Ok(())
}
