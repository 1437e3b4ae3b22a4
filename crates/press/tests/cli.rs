//! The `press` binary: exit codes and output of `check`, `build` and `schema --check`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn press(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_press"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn check_prints_diagnostics_and_a_summary_and_exits_1_on_errors() {
    let dir = fixture("broken/unknown-topic");
    let (code, stdout, _) = press(&["check".as_ref(), dir.as_os_str()]);
    assert_eq!(code, 1, "{stdout}");
    let expected = std::fs::read_to_string(dir.join("expected.txt")).unwrap();
    assert!(stdout.starts_with(&expected), "{stdout}");
    assert_eq!(stdout.lines().last(), Some("14 files: 1 error, 0 warnings"));

    let (code, stdout, _) = press(&["check".as_ref(), fixture("good").as_os_str()]);
    assert_eq!((code, stdout.as_str()), (0, "14 files: no problems\n"));
}

#[test]
fn build_refuses_to_write_on_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("bucket");
    let (code, _, stderr) = press(&[
        "build".as_ref(),
        fixture("broken/bad-date").as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert!(!out.exists());
    let (code, stdout, stderr) = press(&[
        "build".as_ref(),
        fixture("good").as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("wrote "), "{stdout}");
    assert!(out.join("site.json").exists());
}

#[test]
fn schema_check_passes_on_the_committed_schemas() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema");
    let (code, stdout, stderr) = press(&[
        "schema".as_ref(),
        "--out".as_ref(),
        dir.as_os_str(),
        "--check".as_ref(),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
}
