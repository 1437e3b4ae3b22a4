//! `press check` on the fixture folders: every broken case reports the expected
//! first diagnostic, and the good folder is clean.

use std::fs;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[test]
fn the_good_fixture_has_no_problems() {
    let checked = press::check_dir(&fixtures().join("good")).unwrap();
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.diagnostics);
    assert!(checked.content.is_some());
}

#[test]
fn every_broken_fixture_reports_its_expected_first_diagnostic() {
    let dir = fixtures().join("broken");
    let mut cases: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "expected at least ten broken fixtures");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let expected = fs::read_to_string(case.join("expected.txt"))
            .unwrap_or_else(|e| panic!("{name}: no expected.txt: {e}"));
        let checked = press::check_dir(case).unwrap();
        assert!(checked.content.is_none(), "{name}: the content passed");
        let Some(first) = checked.diagnostics.iter().find(|d| d.is_error()) else {
            failures.push(format!("{name}: no error reported"));
            continue;
        };
        // The first line exactly; the hint too when expected.txt has one.
        let got = first.to_string();
        let mut want_lines = expected.lines();
        let mut got_lines = got.lines();
        if want_lines.next() != got_lines.next() {
            failures.push(format!("{name}:\n  want {expected:?}\n  got  {got:?}"));
            continue;
        }
        if let Some(hint) = want_lines.next() {
            if Some(hint) != got_lines.next() {
                failures.push(format!("{name} (hint):\n  want {hint:?}\n  got  {got:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
