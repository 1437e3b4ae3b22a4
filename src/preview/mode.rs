//! Which view a preview URL asks for: the editor, a draft, the live frame or three widths.

use model::route::AppRoute;
use model::Slug;

/// What a preview URL asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// `/preview/`: the live editor with its three frames.
    Editor,
    /// `/preview/?frame=live`: the article page of the editor's saved work (inside a frame).
    LiveFrame,
    /// `/preview/?draft=slug`: a draft from the bucket, as its article page.
    Draft(Slug),
    /// `/preview/?article=slug`, `/preview/?draft=slug&layout=sizes`: three widths at once.
    Sizes(Target),
    /// `/preview/lab`: the layout lab.
    Lab,
    /// A query that names no valid slug: the message says what is wrong.
    Invalid(String),
}

/// Whether `path` is the layout lab's (`/preview/lab`, with or without a trailing slash).
pub fn is_lab_path(path: &str) -> bool {
    matches!(path.trim_end_matches('/'), "/preview/lab")
}

/// What the three frames show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A published article, framed at its real reader URL.
    Article(Slug),
    /// A draft from the bucket.
    Draft(Slug),
    /// The editor's work in progress.
    Live,
}

impl Target {
    /// The URL each frame loads.
    pub fn frame_src(&self) -> String {
        match self {
            Target::Article(s) => AppRoute::Article(s.clone()).href(),
            Target::Draft(s) => format!("/preview/?draft={s}"),
            Target::Live => "/preview/?frame=live".to_owned(),
        }
    }
}

fn slug_param(what: &str, raw: &str) -> Result<Slug, String> {
    Slug::parse(raw.trim()).map_err(|e| format!("`?{what}={raw}` is not a slug: {e}"))
}

/// Reads the query's `frame`, `draft`, `article` and `layout` values.
pub fn parse_mode(
    frame: Option<&str>,
    draft: Option<&str>,
    article: Option<&str>,
    layout: Option<&str>,
) -> Mode {
    let sizes = layout.map(str::trim) == Some("sizes");
    let result = match (frame.map(str::trim), draft, article) {
        (Some("live"), _, _) => Ok(Mode::LiveFrame),
        (_, Some(d), _) if sizes => slug_param("draft", d).map(|s| Mode::Sizes(Target::Draft(s))),
        (_, Some(d), _) => slug_param("draft", d).map(Mode::Draft),
        (_, None, Some(a)) => slug_param("article", a).map(|s| Mode::Sizes(Target::Article(s))),
        _ => Ok(Mode::Editor),
    };
    result.unwrap_or_else(Mode::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(s: &str) -> Slug {
        Slug::parse(s).unwrap()
    }

    #[test]
    fn modes_from_the_query() {
        assert_eq!(parse_mode(None, None, None, None), Mode::Editor);
        assert_eq!(parse_mode(Some("live"), None, None, None), Mode::LiveFrame);
        assert_eq!(
            parse_mode(None, Some("a-draft"), None, None),
            Mode::Draft(slug("a-draft"))
        );
        assert_eq!(
            parse_mode(None, Some("a-draft"), None, Some("sizes")),
            Mode::Sizes(Target::Draft(slug("a-draft")))
        );
        assert_eq!(
            parse_mode(None, None, Some("broad-front-panel"), None),
            Mode::Sizes(Target::Article(slug("broad-front-panel")))
        );
        match parse_mode(None, Some("Not A Slug"), None, None) {
            Mode::Invalid(m) => assert!(m.contains("`?draft=Not A Slug` is not a slug"), "{m}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_lab_has_its_own_path() {
        assert!(is_lab_path("/preview/lab"));
        assert!(is_lab_path("/preview/lab/"));
        assert!(!is_lab_path("/preview/"));
        assert!(!is_lab_path("/preview/laboratory"));
    }

    #[test]
    fn frames_load_the_reader_url_or_the_preview() {
        assert_eq!(
            Target::Article(slug("broad-front-panel")).frame_src(),
            "/articles/broad-front-panel"
        );
        assert_eq!(Target::Draft(slug("d")).frame_src(), "/preview/?draft=d");
        assert_eq!(Target::Live.frame_src(), "/preview/?frame=live");
    }
}
