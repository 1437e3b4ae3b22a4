//! Idempotent set-up: installs what is missing, skips what is present at the right
//! version, and checks that Trunk.toml, Cargo.lock and the installed tools agree.

use crate::run::{self, CommandExt};
use std::path::Path;

/// trunk's pinned version (0.22 needs rustc 1.96; the toolchain here is 1.95).
pub const TRUNK_VERSION: &str = "0.21.14";
/// binaryen's pinned version: Debian's 108 breaks current Rust wasm.
pub const BINARYEN_VERSION: u32 = 132;
/// The apt packages that give headless Chromium and its driver.
const CHROMIUM_PACKAGES: [&str; 2] = ["chromium", "chromium-driver"];
/// The Debian packages of the fonts the browser tests run with:
/// Debian's default DejaVu, plus Liberation (metric twins of Arial and Times), which fontconfig
/// substitutes for the names in the CSS stacks. Layout-sensitive checks (axe target-size, CLS)
/// are verified with DejaVu alone and with both, so naming them keeps every machine alike.
const FONT_PACKAGES: [&str; 2] = ["fonts-dejavu-core", "fonts-liberation"];

/// Which parts of the bootstrap a command needs.
#[derive(Clone, Copy)]
pub struct Needs {
    browser: bool,
}

impl Needs {
    /// Building and serving: the Rust and wasm tools and the npm packages.
    pub fn build() -> Self {
        Needs { browser: false }
    }

    /// Testing: also Chromium and the fonts the tests measure with.
    pub fn everything() -> Self {
        Needs { browser: true }
    }
}

fn step(msg: &str) {
    println!("==> {msg}");
}

/// Runs every bootstrap step the command needs, in order.
pub fn all(needs: Needs) -> Result<(), String> {
    wasm_target()?;
    let wbg = wasm_bindgen_version_in_lock()?;
    check_trunk_toml(&wbg)?;
    trunk()?;
    wasm_bindgen_cli(&wbg)?;
    wasm_opt()?;
    // The staff preview's layout lab ships axe-core from npm, so building needs the packages too.
    npm_packages()?;
    if needs.browser {
        chromium()?;
        fonts()?;
    }
    Ok(())
}

fn wasm_target() -> Result<(), String> {
    let installed = run::cmd("rustup")
        .args(["target", "list", "--installed"])
        .stdout_text()
        .unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        step("wasm32-unknown-unknown target: present");
        return Ok(());
    }
    step("wasm32-unknown-unknown target: installing");
    run::cmd("rustup")
        .args(["target", "add", "wasm32-unknown-unknown"])
        .status_ok("rustup target add wasm32-unknown-unknown")
}

/// The exact wasm-bindgen version Cargo.lock resolved: the CLI must match it byte for byte.
pub fn wasm_bindgen_version_in_lock() -> Result<String, String> {
    let lock = std::fs::read_to_string(run::root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    lock_version(&lock, "wasm-bindgen").ok_or_else(|| {
        "Cargo.lock has no wasm-bindgen package: run `cargo generate-lockfile`".into()
    })
}

fn lock_version(lock: &str, package: &str) -> Option<String> {
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock.find(&needle)? + needle.len();
    let end = start + lock[start..].find('"')?;
    Some(lock[start..end].to_owned())
}

fn toml_value<'a>(toml: &'a str, key: &str) -> Option<&'a str> {
    toml.lines().find_map(|l| {
        let (k, v) = l.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"'))
    })
}

/// Trunk.toml must pin the same tool versions that Cargo.lock and this bootstrap use.
fn check_trunk_toml(wbg: &str) -> Result<(), String> {
    let path = run::root().join("Trunk.toml");
    let toml =
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read Trunk.toml: {e}"))?;
    let mut problems = Vec::new();
    match toml_value(&toml, "wasm_bindgen") {
        Some(v) if v == wbg => {}
        Some(v) => problems.push(format!(
            "Trunk.toml pins wasm_bindgen = \"{v}\" but Cargo.lock has wasm-bindgen {wbg}: set `wasm_bindgen = \"{wbg}\"` under [tools]"
        )),
        None => problems.push(format!("Trunk.toml has no wasm_bindgen: add `wasm_bindgen = \"{wbg}\"` under [tools]")),
    }
    let want_opt = format!("version_{BINARYEN_VERSION}");
    match toml_value(&toml, "wasm_opt") {
        Some(v) if v == want_opt => {}
        _ => problems.push(format!("Trunk.toml must pin `wasm_opt = \"{want_opt}\"` under [tools] (the npm binaryen@{BINARYEN_VERSION} that xtask installs)")),
    }
    if toml_value(&toml, "offline") != Some("true") {
        problems.push("Trunk.toml must set `offline = true` under [build]: Trunk must not try to download tools".into());
    }
    if problems.is_empty() {
        step(&format!(
            "Trunk.toml agrees with Cargo.lock (wasm-bindgen {wbg}, wasm-opt {want_opt})"
        ));
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn trunk() -> Result<(), String> {
    let have = run::cmd("trunk").arg("--version").stdout_text();
    if have.as_deref().map(str::trim) == Some(&format!("trunk {TRUNK_VERSION}")) {
        step(&format!("trunk {TRUNK_VERSION}: present"));
        return Ok(());
    }
    step(&format!(
        "trunk {TRUNK_VERSION}: installing (found {}; ~11 minutes on 2 cores)",
        have.as_deref().map(str::trim).unwrap_or("none")
    ));
    // Thin LTO off and more codegen units: the install is a one-off, not a shipped binary.
    run::cargo()
        .args(["install", "--locked", "trunk", "--version", TRUNK_VERSION])
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .status_ok("cargo install trunk")
}

fn wasm_bindgen_cli(version: &str) -> Result<(), String> {
    let have = run::cmd("wasm-bindgen").arg("--version").stdout_text();
    let runner = run::cmd("wasm-bindgen-test-runner")
        .arg("--version")
        .stdout_text();
    let want = format!("wasm-bindgen {version}");
    if have.as_deref().map(str::trim) == Some(&want) && runner.is_some() {
        step(&format!("wasm-bindgen-cli {version}: present"));
        return Ok(());
    }
    step(&format!(
        "wasm-bindgen-cli {version}: installing (found {}; ~3 minutes)",
        have.as_deref().map(str::trim).unwrap_or("none")
    ));
    // Not --locked: the CLI's own lock pins a crate the registry no longer has.
    run::cargo()
        .args(["install", "wasm-bindgen-cli", "--version", version])
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .status_ok("cargo install wasm-bindgen-cli")
}

fn wasm_opt() -> Result<(), String> {
    let bin = run::tools_bin().join("wasm-opt");
    let have = run::cmd(bin.to_str().unwrap_or("wasm-opt"))
        .arg("--version")
        .stdout_text();
    let want = format!("version_{BINARYEN_VERSION}");
    if have.as_deref().is_some_and(|v| v.contains(&want)) {
        step(&format!(
            "wasm-opt {want} (npm binaryen) in tools/: present"
        ));
        return Ok(());
    }
    step(&format!(
        "wasm-opt {want}: installing npm binaryen@{BINARYEN_VERSION} into tools/"
    ));
    std::fs::create_dir_all(run::root().join("tools"))
        .map_err(|e| format!("cannot create tools/: {e}"))?;
    run::cmd("npm")
        .args([
            "install",
            "--prefix",
            "tools",
            "--no-save",
            "--no-audit",
            "--no-fund",
        ])
        .arg(format!("binaryen@{BINARYEN_VERSION}.0.0"))
        .status_ok("npm install binaryen")
}

fn chromium() -> Result<(), String> {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        step("chromium + chromedriver: present");
        return Ok(());
    }
    if !is_root() {
        return Err(format!(
            "headless Chromium is missing: install the Debian packages {} (e.g. `sudo apt-get install -y {}`) and run again",
            CHROMIUM_PACKAGES.join(" and "),
            CHROMIUM_PACKAGES.join(" ")
        ));
    }
    step("chromium + chromedriver: installing from apt");
    apt_install(&CHROMIUM_PACKAGES)
}

/// True when running as root, so apt can install what is missing.
fn is_root() -> bool {
    run::cmd("id")
        .arg("-u")
        .stdout_text()
        .is_some_and(|u| u.trim() == "0")
}

fn apt_install(packages: &[&str]) -> Result<(), String> {
    run::cmd("apt-get")
        .arg("update")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .status_ok("apt-get update")?;
    run::cmd("apt-get")
        .args(["install", "-y", "--no-install-recommends"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .status_ok(&format!("apt-get install {}", packages.join(" ")))
}

/// The font packages that `dpkg-query -W -f '${Package} ${Status}\n'` does not report installed.
fn missing_fonts(dpkg_status: &str) -> Vec<&'static str> {
    FONT_PACKAGES
        .into_iter()
        .filter(|package| {
            !dpkg_status.lines().any(|l| {
                l.split_once(' ')
                    .is_some_and(|(p, status)| p == *package && status.ends_with(" installed"))
            })
        })
        .collect()
}

fn fonts() -> Result<(), String> {
    // dpkg-query exits non-zero when a package is unknown, but still prints the others.
    let status = std::process::Command::new("dpkg-query")
        .args(["-W", "-f", "${Package} ${Status}\n"])
        .args(FONT_PACKAGES)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let missing = missing_fonts(&status);
    if missing.is_empty() {
        step("test fonts (DejaVu, Liberation): present");
        return Ok(());
    }
    if !is_root() {
        return Err(format!(
            "the browser tests' fonts are missing: install the Debian packages {} (e.g. `sudo apt-get install -y {}`) and run again",
            missing.join(" and "),
            missing.join(" ")
        ));
    }
    step(&format!(
        "test fonts: installing {} from apt",
        missing.join(" ")
    ));
    apt_install(&missing)
}

fn npm_packages() -> Result<(), String> {
    let root = run::root();
    let lock = std::fs::read(root.join("package-lock.json"))
        .map_err(|e| format!("cannot read package-lock.json: {e}"))?;
    // npm writes its own copy of the lock into node_modules; equal means `npm ci` would change nothing.
    let installed = std::fs::read(root.join("node_modules/.package-lock.json")).unwrap_or_default();
    if same_packages(&lock, &installed) {
        step("npm test dependencies: present");
        return Ok(());
    }
    step("npm test dependencies: npm ci");
    run::cmd("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .status_ok("npm ci")
}

/// Compares the "packages" sections of two npm locks, ignoring the root entry npm leaves out of node_modules.
fn same_packages(lock: &[u8], installed: &[u8]) -> bool {
    let pick = |b: &[u8]| -> Vec<String> {
        let text = String::from_utf8_lossy(b);
        let mut names: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("\"node_modules/") || l.starts_with("\"integrity\""))
            .map(str::to_owned)
            .collect();
        names.sort();
        names
    };
    let (a, b) = (pick(lock), pick(installed));
    !b.is_empty() && a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_versions_from_lock_and_toml() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(
            lock_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(lock_version(lock, "leptos"), None);
        let toml = "[tools]\n# comment\nwasm_bindgen = \"0.2.130\"\nwasm_opt = \"version_132\"\n";
        assert_eq!(toml_value(toml, "wasm_bindgen"), Some("0.2.130"));
        assert_eq!(toml_value(toml, "wasm_opt"), Some("version_132"));
    }

    #[test]
    fn names_only_the_missing_font_packages() {
        let dejavu_only = "fonts-dejavu-core install ok installed\n";
        assert_eq!(missing_fonts(dejavu_only), vec!["fonts-liberation"]);
        let removed =
            "fonts-dejavu-core install ok installed\nfonts-liberation deinstall ok config-files\n";
        assert_eq!(missing_fonts(removed), vec!["fonts-liberation"]);
        let both =
            "fonts-dejavu-core install ok installed\nfonts-liberation install ok installed\n";
        assert!(missing_fonts(both).is_empty());
        assert_eq!(
            missing_fonts(""),
            vec!["fonts-dejavu-core", "fonts-liberation"]
        );
    }

    #[test]
    fn npm_lock_comparison() {
        let lock = b"{\n\"packages\": {\n\"\": {\"name\": \"x\", \"version\": \"1\"},\n\"node_modules/a\": {\n\"version\": \"1.0.0\",\n\"integrity\": \"sha-a\"\n}}}";
        let same = b"{\n\"packages\": {\n\"node_modules/a\": {\n\"version\": \"1.0.0\",\n\"integrity\": \"sha-a\"\n}}}";
        let other = b"{\n\"packages\": {\n\"node_modules/a\": {\n\"version\": \"1.0.1\",\n\"integrity\": \"sha-b\"\n}}}";
        assert!(same_packages(lock, same));
        assert!(!same_packages(lock, other));
        assert!(!same_packages(lock, b""));
    }
}
