//! `press bench`: build time, listing sizes over the wire, and proof that no bucket
//! file but the sitemaps and the podcast feeds grows with the archive.

use crate::build::{self, BuildOptions};
use crate::generate;
use anyhow::{bail, Context, Result};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What to measure.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// The large archive's size (default 20,000).
    pub articles: usize,
    /// The small archive's size, to compare file sizes against (default 2,000).
    pub small: usize,
    /// Where to write the JSON figures.
    pub report: PathBuf,
    /// Keep the generated folders.
    pub keep: bool,
}

/// Figures for one archive size.
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    /// Articles generated.
    pub articles: usize,
    /// Seconds to generate the content folder.
    pub generate_seconds: f64,
    /// Seconds for `build` (read, check, write).
    pub build_seconds: f64,
    /// Files in the bucket.
    pub files: usize,
    /// Bytes in the bucket.
    pub bytes: u64,
    /// `index/1.json`: raw and brotli (quality 11) bytes.
    pub index_page: (u64, u64),
    /// The biggest topic's page 1: raw and brotli bytes.
    pub topic_page: (u64, u64),
    /// Largest file of each kind (bytes), and how many files of that kind.
    pub largest: BTreeMap<String, (u64, usize)>,
}

/// The whole benchmark.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    /// Whether the binary was built with optimisations.
    pub release_build: bool,
    /// Logical CPUs rayon used.
    pub threads: usize,
    /// The small run.
    pub small: Run,
    /// The large run.
    pub large: Run,
    /// Kinds whose largest file grew by more than 25% from small to large (sitemaps excepted).
    pub growing_kinds: Vec<String>,
}

/// The kind of a bucket file, by its path: `articles/{slug}.json`, `index/{n}.json`…
pub fn kind_of(rel: &str) -> String {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        ["articles", _] => "articles/{slug}.json".into(),
        ["drafts", _] => "drafts/{slug}.json".into(),
        ["oembed", _] => "oembed/{slug}.json".into(),
        ["index", _] => "index/{n}.json".into(),
        ["topics", _, _] => "topics/{slug}/{n}.json".into(),
        ["archive", _, _] => "archive/{year}/{n}.json".into(),
        ["contributors", _, _] => "contributors/{slug}/{n}.json".into(),
        ["contributors", _] => "contributors/{slug}.json".into(),
        ["pages", _] => "pages/{slug}.json".into(),
        ["podcasts", _, "feed.xml"] => "podcasts/{slug}/feed.xml".into(),
        ["podcasts", _, _] => "podcasts/{slug}/{n}.json".into(),
        ["audio", ..] => "audio/…".into(),
        ["search", "terms", _] => "search/terms/{n}.json".into(),
        ["search", "docs", _] => "search/docs/{n}.json".into(),
        ["images", ..] => "images/…".into(),
        [name] if name.starts_with("sitemap-") => "sitemap-{n}.xml".into(),
        _ => rel.into(),
    }
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, u64)>) -> Result<()> {
    for e in fs::read_dir(dir)? {
        let e = e?;
        let path = e.path();
        if e.file_type()?.is_dir() {
            walk(root, &path, out)?;
        } else {
            let rel = path
                .strip_prefix(root)?
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, e.metadata()?.len()));
        }
    }
    Ok(())
}

/// Brotli size at quality 11.
pub fn brotli_size(data: &[u8]) -> u64 {
    let mut w = brotli::CompressorWriter::new(Vec::new(), 4096, 11, 22);
    let _ = w.write_all(data);
    w.into_inner().len() as u64
}

fn run(n: usize, base: &Path) -> Result<Run> {
    let content = base.join(format!("content-{n}"));
    let bucket = base.join(format!("bucket-{n}"));
    eprintln!("generating {n} articles…");
    let t = Instant::now();
    generate::generate(n, &content)?;
    let generate_seconds = t.elapsed().as_secs_f64();
    eprintln!("building {n} articles…");
    let t = Instant::now();
    let report = build::build(
        &content,
        &bucket,
        &BuildOptions {
            progress: true,
            ..BuildOptions::default()
        },
    )?;
    let build_seconds = t.elapsed().as_secs_f64();
    if !report.written {
        for d in report
            .checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .take(10)
        {
            eprintln!("{d}");
        }
        bail!("the synthetic archive did not pass the check");
    }
    let mut files = Vec::new();
    walk(&bucket, &bucket, &mut files)?;
    let mut largest: BTreeMap<String, (u64, usize)> = BTreeMap::new();
    for (rel, size) in &files {
        let e = largest.entry(kind_of(rel)).or_insert((0, 0));
        e.0 = e.0.max(*size);
        e.1 += 1;
    }
    let sized = |rel: &str| -> Result<(u64, u64)> {
        let data = fs::read(bucket.join(rel)).with_context(|| format!("reading {rel}"))?;
        Ok((data.len() as u64, brotli_size(&data)))
    };
    let index_page = sized("index/1.json")?;
    let topics: model::Topics = model::decode(
        "topics.json",
        &fs::read_to_string(bucket.join("topics.json"))?,
    )?;
    let mut biggest = (0u32, String::new());
    for t in &topics.topics {
        let rel = model::paths::topic_page(&t.slug, 1);
        let l: model::Listing = model::decode(&rel, &fs::read_to_string(bucket.join(&rel))?)?;
        if l.pagination.total > biggest.0 {
            biggest = (l.pagination.total, rel);
        }
    }
    let topic_page = sized(&biggest.1)?;
    Ok(Run {
        articles: n,
        generate_seconds,
        build_seconds,
        files: report.files,
        bytes: report.bytes,
        index_page,
        topic_page,
        largest,
    })
}

/// Runs the benchmark, prints its tables and writes the JSON report.
pub fn bench(opts: &BenchOptions) -> Result<BenchReport> {
    if cfg!(debug_assertions) {
        eprintln!("note: this is a debug build; run `cargo run --release -p press -- bench` for real figures");
    }
    let base = std::env::temp_dir().join(format!("press-bench-{}", std::process::id()));
    if base.exists() {
        fs::remove_dir_all(&base)?;
    }
    fs::create_dir_all(&base)?;
    let result =
        (|| -> Result<(Run, Run)> { Ok((run(opts.small, &base)?, run(opts.articles, &base)?)) })();
    if !opts.keep {
        let _ = fs::remove_dir_all(&base);
    } else {
        eprintln!("kept {}", base.display());
    }
    let (small, large) = result?;
    let growing_kinds = small
        .largest
        .iter()
        .filter(|(k, _)| !grows_by_design(k))
        .filter(|(k, (s, _))| {
            large
                .largest
                .get(*k)
                .is_some_and(|(l, _)| *l as f64 > *s as f64 * 1.25)
        })
        .map(|(k, _)| k.clone())
        .collect();
    let report = BenchReport {
        release_build: !cfg!(debug_assertions),
        threads: rayon::current_num_threads(),
        small,
        large,
        growing_kinds,
    };
    print_report(&report);
    if let Some(dir) = opts.report.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(&opts.report, serde_json::to_string_pretty(&report)? + "\n")
        .with_context(|| format!("writing {}", opts.report.display()))?;
    println!("\nwrote {}", opts.report.display());
    Ok(report)
}

/// Kinds that must list the whole archive: the sitemaps, and podcast feeds, from which apps
/// learn of every episode a show has.
fn grows_by_design(kind: &str) -> bool {
    kind.starts_with("sitemap") || kind == "podcasts/{slug}/feed.xml"
}

fn kb(b: u64) -> String {
    format!("{:.1} KB", b as f64 / 1024.0)
}

fn print_report(r: &BenchReport) {
    let (s, l) = (&r.small, &r.large);
    println!(
        "\npress bench ({} build, {} threads)",
        if r.release_build { "release" } else { "debug" },
        r.threads
    );
    println!(
        "build {:>6} articles: {:>6.1} s  ({} files, {:.0} MB)",
        s.articles,
        s.build_seconds,
        s.files,
        s.bytes as f64 / 1e6
    );
    println!(
        "build {:>6} articles: {:>6.1} s  ({} files, {:.0} MB)   goal ≤ 60 s: {}",
        l.articles,
        l.build_seconds,
        l.files,
        l.bytes as f64 / 1e6,
        if l.build_seconds <= 60.0 {
            "met"
        } else {
            "MISSED"
        }
    );
    for (name, (raw, br)) in [
        ("index/1.json", l.index_page),
        ("topic page 1", l.topic_page),
    ] {
        println!(
            "{name:<14} {:>9} raw, {:>9} brotli-11   goal ≤ 2 KB: {}",
            kb(raw),
            kb(br),
            if br <= 2048 { "met" } else { "MISSED" }
        );
    }
    println!(
        "\n{:<30} {:>12} {:>12} {:>7}  {:>8} {:>8}  verdict",
        "largest file of kind",
        format!("@{}", s.articles),
        format!("@{}", l.articles),
        "ratio",
        "files@s",
        "files@l"
    );
    for (kind, (ls, ln)) in &l.largest {
        let (ss, sn) = s.largest.get(kind).copied().unwrap_or((0, 0));
        let ratio = if ss > 0 {
            *ls as f64 / ss as f64
        } else {
            f64::NAN
        };
        let verdict = if grows_by_design(kind) {
            "grows (allowed)"
        } else if r.growing_kinds.contains(kind) {
            "GROWS"
        } else {
            "bounded"
        };
        println!(
            "{kind:<30} {:>12} {:>12} {ratio:>7.2}  {sn:>8} {ln:>8}  {verdict}",
            kb(ss),
            kb(*ls)
        );
    }
}
