//! What a content file is, from its path alone ([`classify`]), and the slug its name gives it.

use super::diagnostics::SourceText;
use super::Diagnostic;
use crate::ids::Slug;

/// What a file in the content folder is, by its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// `site.toml`.
    Site,
    /// `topics.toml`.
    Topics,
    /// `masthead.toml`.
    Masthead,
    /// `articles/{slug}.md`, or in any subfolder of `articles/`.
    Article,
    /// `drafts/{slug}.md`, or in any subfolder of `drafts/`.
    Draft,
    /// `contributors/{slug}.md`.
    Contributor,
    /// `pages/{slug}.md`.
    Page,
    /// `shows/{slug}.md`: a podcast show.
    Show,
    /// Anything under `images/`.
    Image,
    /// Anything under `audio/`: episode files the bucket serves.
    Audio,
    /// Anything else (ignored by the builder).
    Other,
}

/// Tells what a content file is from its path.
pub fn classify(path: &str) -> FileKind {
    let md = path.ends_with(".md");
    let flat = |dir: &str| {
        path.strip_prefix(dir)
            .is_some_and(|rest| !rest.contains('/'))
    };
    match path {
        "site.toml" => FileKind::Site,
        "topics.toml" => FileKind::Topics,
        "masthead.toml" => FileKind::Masthead,
        _ if path.starts_with("images/") => FileKind::Image,
        _ if path.starts_with("audio/") => FileKind::Audio,
        _ if md && path.starts_with("articles/") => FileKind::Article,
        _ if md && path.starts_with("drafts/") => FileKind::Draft,
        _ if md && flat("contributors/") => FileKind::Contributor,
        _ if md && flat("pages/") => FileKind::Page,
        _ if md && flat("shows/") => FileKind::Show,
        _ => FileKind::Other,
    }
}

/// The slug a Markdown file's name gives it (its name without `.md`), unchecked.
pub fn slug_of(path: &str) -> Option<&str> {
    let name = path.rsplit('/').next()?;
    name.strip_suffix(".md")
}

/// The slug a content file's name gives it, or an error at its start suggesting a name that works.
pub(super) fn file_slug(src: &SourceText, what: &str) -> Result<Slug, Diagnostic> {
    let name = slug_of(src.path).unwrap_or(src.path);
    Slug::parse(name).map_err(|e| {
        src.error(
            0,
            format!("bad {what} file name: {e}"),
            format!(
                "the file name is the slug; rename it, e.g. to `{}.md`",
                slugify(name)
            ),
        )
    })
}

/// Turns a title or file name into a slug (lowercase ASCII, single hyphens), for suggestions.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "untitled".to_owned()
    } else {
        out.chars()
            .take(100)
            .collect::<String>()
            .trim_end_matches('-')
            .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_makes_slugs() {
        assert_eq!(slugify("Bad Name"), "bad-name");
        assert_eq!(slugify("  Élan -- vital!! "), "lan-vital");
        assert!(Slug::parse(&slugify("???")).is_ok());
    }
}
