//! Checks the renderer's CommonMark mode against the spec's own examples.
//!
//! The examples come from the npm package `commonmark-spec` (installed by
//! `npm ci`, which `cargo xtask test` runs). It ships `spec.txt`, not JSON, so
//! the examples are extracted here with the same rules as the package's
//! `index.js`.

use convergence_model::markdown::render_commonmark;
use std::path::Path;

const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../node_modules/commonmark-spec/spec.txt"
);

/// Examples whose expected HTML we deliberately do not produce, with why.
/// The URL allow-list treats any colon before the first `/`, `?` or `#` as a
/// scheme separator. Browsers would call `foo):` a relative path (`)` cannot
/// be in a scheme), but no real link needs that, and the blunter rule leaves
/// no gap between what we check and what some other URL parser decides.
const KNOWN_DIFFERENCES: &[(u32, &str)] = &[(
    500,
    "`foo):` has a colon before any `/`, `?` or `#`, so it is read as a scheme and refused",
)];

struct Example {
    number: u32,
    section: String,
    markdown: String,
    html: String,
}

/// Extracts the examples as `commonmark-spec`'s `index.js` does, turning the
/// spec's visible tab marker `→` back into tabs as its test runners do.
fn examples(spec: &str) -> Vec<Example> {
    let fence = "`".repeat(32);
    let start = format!("{fence} example");
    let spec = spec.replace("\r\n", "\n");
    let spec = match spec.find("\n<!-- END TESTS -->") {
        Some(end) => &spec[..end],
        None => &spec[..],
    };
    let mut out = Vec::new();
    let mut section = String::new();
    let mut lines = spec.split_inclusive('\n');
    while let Some(line) = lines.next() {
        let bare = line.trim_end_matches('\n');
        if bare == start {
            let mut markdown = String::new();
            let mut html = String::new();
            let mut in_html = false;
            for line in lines.by_ref() {
                let bare = line.trim_end_matches('\n');
                if bare == fence {
                    break;
                } else if bare == "." && !in_html {
                    in_html = true;
                } else if in_html {
                    html.push_str(line);
                } else {
                    markdown.push_str(line);
                }
            }
            out.push(Example {
                number: out.len() as u32 + 1,
                section: section.clone(),
                markdown: markdown.replace('→', "\t"),
                html: html.replace('→', "\t"),
            });
        } else if let Some(heading) = atx_heading(bare) {
            section = heading.to_owned();
        }
    }
    out
}

fn atx_heading(line: &str) -> Option<&str> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    (1..=6)
        .contains(&hashes)
        .then(|| line[hashes..].trim_start_matches(' '))
}

/// Whether an example needs raw HTML passed through, which we escape instead:
/// the raw-HTML sections, and any `<` that starts a tag, comment, declaration
/// or processing instruction rather than an http(s)/mailto or email autolink.
fn needs_raw_html(example: &Example) -> bool {
    if matches!(example.section.as_str(), "HTML blocks" | "Raw HTML") {
        return true;
    }
    let md = &example.markdown;
    md.match_indices('<').any(|(i, _)| {
        let rest = &md[i + 1..];
        let Some(first) = rest.chars().next() else {
            return false;
        };
        if !(first.is_ascii_alphabetic() || matches!(first, '/' | '!' | '?')) {
            return false;
        }
        !is_allowed_autolink(rest)
    })
}

fn is_allowed_autolink(after_lt: &str) -> bool {
    let Some(end) = after_lt.find('>') else {
        return false;
    };
    let inner = &after_lt[..end];
    if inner.contains(|c: char| c.is_whitespace() || c == '<') {
        return false;
    }
    let lower = inner.to_ascii_lowercase();
    let scheme_ok = ["http:", "https:", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s));
    let email = !inner.contains(':') && inner.contains('@');
    scheme_ok || email
}

/// Compares markup, not layout: whitespace between tags, self-closing slashes
/// and the spelling of quote entities differ harmlessly between renderers.
fn normalize(html: &str) -> String {
    let html = html
        .replace(" />", ">")
        .replace("/>", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'");
    let mut out = String::with_capacity(html.len());
    let mut pending_space = false;
    for c in html.chars() {
        if c.is_ascii_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space {
            if !out.is_empty() && c != '<' && !out.ends_with('>') {
                out.push(' ');
            }
            pending_space = false;
        }
        out.push(c);
    }
    out
}

#[test]
fn commonmark_spec_examples() {
    let path = Path::new(SPEC);
    let Ok(spec) = std::fs::read_to_string(path) else {
        if std::env::var("CONVERGENCE_REQUIRE_SPEC").as_deref() == Ok("1") {
            panic!(
                "CommonMark spec not found at {}: run `npm ci` (cargo xtask test does)",
                path.display()
            );
        }
        eprintln!(
            "skipping the CommonMark spec test: {} is missing; run `npm ci` (cargo xtask test does)",
            path.display()
        );
        return;
    };
    let examples = examples(&spec);
    assert!(
        examples.len() > 600,
        "only {} examples found in {}",
        examples.len(),
        path.display()
    );

    let mut passed = 0;
    let mut skipped = 0;
    let mut failures = Vec::new();
    let mut stale = Vec::new();
    for example in &examples {
        if needs_raw_html(example) {
            skipped += 1;
            continue;
        }
        let actual = render_commonmark(&example.markdown);
        let matches = normalize(&actual) == normalize(&example.html);
        let known = KNOWN_DIFFERENCES.iter().any(|(n, _)| *n == example.number);
        match (matches, known) {
            (true, false) => passed += 1,
            (false, true) => {}
            (true, true) => stale.push(example.number),
            (false, false) => failures.push(format!(
                "example {} ({}):\n--- markdown\n{}--- expected\n{}--- actual\n{}",
                example.number, example.section, example.markdown, example.html, actual
            )),
        }
    }
    println!(
        "CommonMark spec: {passed} of {} examples match; {skipped} need raw HTML; {} known differences",
        examples.len(),
        KNOWN_DIFFERENCES.len()
    );
    assert!(
        stale.is_empty(),
        "these known differences now pass; drop them from the list: {stale:?}"
    );
    assert!(
        failures.is_empty(),
        "{} examples differ:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}
