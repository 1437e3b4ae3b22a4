//! `press gen-archive` is deterministic and its output passes the check and builds.

use std::fs;
use std::path::Path;

fn snapshot(root: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.push((
                    p.strip_prefix(root).unwrap().to_string_lossy().into_owned(),
                    fs::read(&p).unwrap(),
                ));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort();
    out
}

#[test]
fn same_n_gives_byte_identical_folders() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    press::generate::generate(60, &a).unwrap();
    press::generate::generate(60, &b).unwrap();
    let (sa, sb) = (snapshot(&a), snapshot(&b));
    assert!(sa.len() > 60 + press::generate::CONTRIBUTORS);
    assert!(sa == sb, "two runs differ");
}

#[test]
fn refuses_to_write_into_a_non_empty_folder() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("keep.txt"), "x").unwrap();
    assert!(press::generate::generate(5, tmp.path()).is_err());
}

#[test]
fn the_synthetic_archive_checks_clean_and_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    press::generate::generate(120, &content).unwrap();
    let checked = press::check_dir(&content).unwrap();
    assert!(
        checked.diagnostics.is_empty(),
        "{:#?}",
        &checked.diagnostics[..checked.diagnostics.len().min(5)]
    );
    let out = tmp.path().join("bucket");
    let report = press::build(&content, &out, &press::BuildOptions::default()).unwrap();
    assert!(report.written);
    assert_eq!(report.articles, 120);
    let index: model::Listing =
        model::decode("i", &fs::read_to_string(out.join("index/1.json")).unwrap()).unwrap();
    assert_eq!(index.articles.len(), model::PAGE_SIZE);
    assert_eq!(index.pagination.pages, 6);
    assert!(index
        .articles
        .windows(2)
        .all(|w| w[0].published_at >= w[1].published_at));
}
