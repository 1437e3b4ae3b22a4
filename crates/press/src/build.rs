//! Building the bucket: read and check the content, then write the bucket
//! ([`crate::bucket`]) and swap it in atomically.

use crate::load::{self, Checked};
use anyhow::{bail, Context, Result};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use crate::bucket::{write_bucket, EMBED_SIZE, EXCERPT_CHARS, RELATED, SEARCH_EXCERPT_CHARS};

/// How to build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Also write `drafts/{slug}.json`.
    pub drafts: bool,
    /// Where the bucket is served, for the feed's self link and the sitemap index
    /// (default `{site.url}/content`).
    pub bucket_url: Option<String>,
    /// Show a progress bar (only ever drawn when stderr is a terminal).
    pub progress: bool,
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// The check's outcome (diagnostics, warnings included).
    pub checked: Checked,
    /// Whether the bucket was written (false when the content had errors).
    pub written: bool,
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Published articles.
    pub articles: usize,
    /// Time taken, reading included.
    pub elapsed: Duration,
}

/// Reads and checks `content_dir`, then (only if there are no errors) writes the
/// bucket to `out` atomically: into `out.tmp-<pid>` first, then renamed over `out`.
pub fn build(content_dir: &Path, out: &Path, opts: &BuildOptions) -> Result<BuildReport> {
    let start = Instant::now();
    let files = load::read_content(content_dir)
        .with_context(|| format!("reading {}", content_dir.display()))?;
    let mut checked = load::check(&files, opts.drafts);
    drop(files);
    let Some(content) = checked.content.take() else {
        return Ok(BuildReport {
            checked,
            written: false,
            files: 0,
            bytes: 0,
            articles: 0,
            elapsed: start.elapsed(),
        });
    };
    let articles = content.articles.len();
    let writer = write_atomically(out, |tmp| write_bucket(&content, content_dir, tmp, opts))?;
    Ok(BuildReport {
        checked,
        written: true,
        files: writer.0,
        bytes: writer.1,
        articles,
        elapsed: start.elapsed(),
    })
}

/// Runs `fill` on a fresh sibling temp folder, then swaps it in for `out`. The old
/// `out` is renamed aside first and removed last, so a failure at any point leaves
/// either the old bucket or the new one in place, never half of one.
pub fn write_atomically<T>(out: &Path, fill: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
    let name = out
        .file_name()
        .with_context(|| format!("{} has no folder name", out.display()))?
        .to_string_lossy()
        .into_owned();
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
    let pid = std::process::id();
    let tmp = parent.join(format!("{name}.tmp-{pid}"));
    let aside = parent.join(format!("{name}.old-{pid}"));
    if tmp.exists() {
        fs::remove_dir_all(&tmp).with_context(|| format!("removing {}", tmp.display()))?;
    }
    fs::create_dir(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    let value = match fill(&tmp) {
        Ok(v) => v,
        Err(e) => {
            let _ = fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    let had_old = out.exists();
    if had_old {
        if !out.is_dir() {
            let _ = fs::remove_dir_all(&tmp);
            bail!("{} exists and is not a folder", out.display());
        }
        fs::rename(out, &aside)
            .with_context(|| format!("moving the old {} aside", out.display()))?;
    }
    if let Err(e) = fs::rename(&tmp, out) {
        if had_old {
            let _ = fs::rename(&aside, out);
        }
        let _ = fs::remove_dir_all(&tmp);
        return Err(e).with_context(|| format!("moving the new bucket into {}", out.display()));
    }
    if had_old {
        fs::remove_dir_all(&aside)
            .with_context(|| format!("removing the old bucket {}", aside.display()))?;
    }
    Ok(value)
}
