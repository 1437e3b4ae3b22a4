//! The bucket is replaced whole or not at all.

use press::BuildOptions;
use std::fs;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn siblings(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_failing_build_leaves_the_old_bucket_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("bucket");
    fs::create_dir_all(out.join("articles")).unwrap();
    fs::write(out.join("site.json"), "old").unwrap();
    fs::write(out.join("articles/old.json"), "old article").unwrap();
    let report = press::build(
        &fixture("broken/unknown-author"),
        &out,
        &BuildOptions::default(),
    )
    .unwrap();
    assert!(!report.written);
    assert!(report.checked.errors() > 0);
    assert_eq!(fs::read_to_string(out.join("site.json")).unwrap(), "old");
    assert_eq!(
        fs::read_to_string(out.join("articles/old.json")).unwrap(),
        "old article"
    );
    assert_eq!(
        siblings(tmp.path()),
        ["bucket"],
        "no temp folders left behind"
    );
}

#[test]
fn a_failing_write_leaves_the_old_bucket_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("bucket");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("site.json"), "old").unwrap();
    let r: anyhow::Result<()> = press::build::write_atomically(&out, |tmp| {
        fs::write(tmp.join("site.json"), "half")?;
        anyhow::bail!("disk full")
    });
    assert!(r.is_err());
    assert_eq!(fs::read_to_string(out.join("site.json")).unwrap(), "old");
    assert_eq!(siblings(tmp.path()), ["bucket"]);
}

#[test]
fn a_good_build_replaces_the_old_bucket_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("bucket");
    fs::create_dir_all(out.join("articles")).unwrap();
    fs::write(out.join("articles/stale.json"), "stale").unwrap();
    let report = press::build(&fixture("good"), &out, &BuildOptions::default()).unwrap();
    assert!(report.written);
    assert!(
        !out.join("articles/stale.json").exists(),
        "old files do not survive"
    );
    assert!(out.join("articles/first-article.json").exists());
    assert_eq!(siblings(tmp.path()), ["bucket"]);
}
