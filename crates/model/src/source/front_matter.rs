//! Cutting a Markdown content file into its `+++` TOML front matter and its body, and reading
//! TOML into typed shapes with toml's errors turned into positioned diagnostics.

use super::diagnostics::SourceText;
use super::{suggest, Diagnostic};
use serde::de::DeserializeOwned;

/// A Markdown content file cut into its TOML front matter and its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    /// The TOML between the `+++` lines.
    pub toml: &'a str,
    /// Byte offset of `toml` in the file.
    pub toml_start: usize,
    /// The Markdown after the closing `+++` line.
    pub body: &'a str,
    /// Byte offset of `body` in the file.
    pub body_start: usize,
}

/// Splits `+++` front matter from the body, or says why the file has none.
pub fn split_front_matter<'a>(path: &str, text: &'a str) -> Result<FrontMatter<'a>, Diagnostic> {
    let src = SourceText::new(path, text);
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = text[start..]
        .split_inclusive('\n')
        .scan(start, |pos, line| {
            let at = *pos;
            *pos += line.len();
            Some((at, line))
        });
    let fence = |line: &str| line.trim_end() == "+++";
    match lines.next() {
        Some((_, line)) if fence(line) => {}
        _ => {
            return Err(src.error(
                start,
                "the file does not start with `+++` front matter",
                "content files begin with TOML front matter between two `+++` lines; see docs/content-format.md",
            ))
        }
    }
    let toml_start = start
        + text[start..]
            .find('\n')
            .map_or(text.len() - start, |i| i + 1);
    for (at, line) in lines {
        if fence(line) {
            let body_start = at + line.len();
            return Ok(FrontMatter {
                toml: &text[toml_start..at],
                toml_start,
                body: &text[body_start..],
                body_start,
            });
        }
    }
    Err(src.error(
        start,
        "the front matter is never closed",
        "add a line holding only `+++` after the last front matter field",
    ))
}

/// Deserializes TOML, turning toml's error into a positioned diagnostic.
pub(super) fn from_toml<T: DeserializeOwned>(
    src: &SourceText,
    toml_text: &str,
    toml_start: usize,
) -> Result<T, Diagnostic> {
    toml::from_str(toml_text).map_err(|e| toml_diagnostic(src, toml_start, &e))
}

pub(super) fn toml_diagnostic(
    src: &SourceText,
    toml_start: usize,
    e: &toml::de::Error,
) -> Diagnostic {
    let offset = toml_start + e.span().map_or(0, |s| s.start);
    let raw = e.message().trim().trim_end_matches('.');
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let fields: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let mut hint = String::new();
        if let Some(s) = suggest(name, fields.iter().copied()) {
            hint.push_str(&format!("did you mean `{s}`? "));
        }
        if fields.is_empty() {
            hint.push_str("remove it: this table takes no other fields");
        } else {
            hint.push_str(&format!("The fields here are: {}.", fields.join(", ")));
        }
        return src.error(offset, format!("unknown field `{name}`"), hint);
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return src.error(
            offset,
            format!("missing required field `{name}`"),
            format!("add `{name} = …` here"),
        );
    }
    if raw.starts_with("unknown variant") {
        return src.error(offset, raw.to_owned(), "");
    }
    let first = raw.lines().next().unwrap_or(raw);
    src.error(
        offset,
        first.to_owned(),
        "check the TOML syntax; see docs/content-format.md",
    )
}
