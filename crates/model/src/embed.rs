//! Partner embeds: the embed page's address and the code partners paste, built in one place
//! for the builder (oEmbed), the app (the Embed / Republish dialog), the build's rendered
//! embeds and the embed entry.

use crate::route::AppRoute;
use crate::text::escape_html;
use crate::Slug;

/// The embed entry's path on the magazine's origin: a directory index, so any static host
/// serves it without rewrite rules (docs/embedding.md).
pub const EMBED_PATH: &str = "/embed/";

/// The iframe sandbox: scripts run, links open in new tabs, and the frame never gets the
/// partner's (or our) origin, cookies or storage.
pub const SANDBOX: &str = "allow-scripts allow-popups allow-popups-to-escape-sandbox";

/// Which embed to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Variant {
    /// Image, topic, title, dek, byline, excerpt and a link to the article.
    #[default]
    Card,
    /// The whole article with the required credit.
    Full,
}

impl Variant {
    /// Parses `?variant=`; anything unknown is the card.
    pub fn parse(raw: Option<&str>) -> Variant {
        match raw.map(str::trim) {
            Some("full") => Variant::Full,
            _ => Variant::Card,
        }
    }

    /// The query value: "card" or "full".
    pub fn as_str(self) -> &'static str {
        match self {
            Variant::Card => "card",
            Variant::Full => "full",
        }
    }
}

/// The folder of an article's rendered embed: `/embed/articles/{slug}/` for the card and
/// `/embed/articles/{slug}/full/` for the whole article (each an `index.html` the build writes).
pub fn embed_path(slug: &Slug, variant: Variant) -> String {
    let card = AppRoute::EmbedArticle(slug.clone()).href();
    match variant {
        Variant::Card => format!("{card}/"),
        Variant::Full => format!("{card}/{FULL}/"),
    }
}

/// The embed's URL for one article ([`embed_path`] on `origin`, the site's URL, or empty for
/// a same-origin path).
pub fn embed_url(origin: &str, slug: &Slug, variant: Variant) -> String {
    format!(
        "{}{}",
        origin.trim_end_matches('/'),
        embed_path(slug, variant)
    )
}

/// The last path segment of a full embed.
const FULL: &str = "full";

/// An embed path's slug and whether it ends in `/full`: `/embed/articles/{slug}[/full][/]`.
fn embed_path_parts(path: &str) -> Option<(&str, bool)> {
    let rest = path.strip_prefix("/embed/articles/")?.trim_end_matches('/');
    let (slug, full) = match rest.split_once('/') {
        Some((slug, FULL)) => (slug, true),
        Some(_) => return None,
        None => (rest, false),
    };
    (!slug.is_empty()).then_some((slug, full))
}

/// The article slug an embed page was asked for: `?article=` (the embed entry's own form), or
/// the rendered embed's path (`/embed/articles/{slug}/`, `…/full/`) when a host hands a
/// missing one to the entry.
pub fn requested_slug<'a>(path: &'a str, article_param: Option<&'a str>) -> Option<&'a str> {
    article_param
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .or_else(|| embed_path_parts(path).map(|(slug, _)| slug))
}

/// The variant an embed page was asked for: `?variant=`, else the path's `/full`.
pub fn requested_variant(path: &str, variant_param: Option<&str>) -> Variant {
    match variant_param {
        Some(raw) => Variant::parse(Some(raw)),
        None if embed_path_parts(path).is_some_and(|(_, full)| full) => Variant::Full,
        None => Variant::Card,
    }
}

/// The loader snippet a partner pastes: a blockquote whose link is the no-JavaScript
/// fallback, and `embed.js`, which turns it into a sandboxed, self-resizing iframe.
pub fn loader_snippet(
    origin: &str,
    slug: &Slug,
    variant: Variant,
    title: &str,
    canonical_url: &str,
) -> String {
    format!(
        "<blockquote class=\"convergence-embed\" data-article=\"{}\" data-variant=\"{}\">\
         <a href=\"{}\">{}</a></blockquote>\n<script async src=\"{}/embed.js\"></script>",
        escape_html(slug.as_str()),
        variant.as_str(),
        escape_html(canonical_url),
        escape_html(title),
        escape_html(origin.trim_end_matches('/')),
    )
}

/// A plain iframe for places that cannot run the loader (oEmbed consumers): fixed size,
/// the same sandbox.
pub fn iframe_snippet(src: &str, title: &str, width: u32, height: u32) -> String {
    format!(
        "<iframe src=\"{}\" width=\"{width}\" height=\"{height}\" title=\"{}\" sandbox=\"{SANDBOX}\" \
         loading=\"lazy\" style=\"border:0;max-width:100%\"></iframe>",
        escape_html(src),
        escape_html(title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(s: &str) -> Slug {
        Slug::parse(s).unwrap()
    }

    #[test]
    fn urls_are_the_rendered_folders() {
        let s = slug("broad-front");
        assert_eq!(
            embed_url("https://convergencemag.com/", &s, Variant::Card),
            "https://convergencemag.com/embed/articles/broad-front/"
        );
        assert_eq!(
            embed_url("", &s, Variant::Full),
            "/embed/articles/broad-front/full/"
        );
    }

    #[test]
    fn slugs_come_from_the_query_or_the_path() {
        assert_eq!(requested_slug("/embed/", Some("a-b")), Some("a-b"));
        assert_eq!(requested_slug("/embed/articles/a-b", None), Some("a-b"));
        assert_eq!(requested_slug("/embed/articles/a-b/", None), Some("a-b"));
        assert_eq!(
            requested_slug("/embed/articles/a-b/full/", None),
            Some("a-b")
        );
        assert_eq!(
            requested_slug("/embed/articles/x", Some("from-query")),
            Some("from-query")
        );
        assert_eq!(requested_slug("/embed/", None), None);
        assert_eq!(requested_slug("/embed/", Some("  ")), None);
        assert_eq!(requested_slug("/embed/articles/a/b", None), None);
        assert_eq!(requested_slug("/embed/articles/a/full/x", None), None);
        assert_eq!(requested_slug("/embed/articles//full", None), None);
    }

    #[test]
    fn the_full_path_asks_for_the_full_variant_unless_the_query_says_otherwise() {
        assert_eq!(
            requested_variant("/embed/articles/a/full/", None),
            Variant::Full
        );
        assert_eq!(
            requested_variant("/embed/articles/a/full", None),
            Variant::Full
        );
        assert_eq!(requested_variant("/embed/articles/a/", None), Variant::Card);
        assert_eq!(requested_variant("/embed/", Some("full")), Variant::Full);
        assert_eq!(
            requested_variant("/embed/articles/a/full/", Some("card")),
            Variant::Card
        );
        for s in ["a", "broad-front"] {
            for v in [Variant::Card, Variant::Full] {
                let p = embed_path(&slug(s), v);
                assert_eq!(requested_slug(&p, None), Some(s));
                assert_eq!(requested_variant(&p, None), v);
            }
        }
    }

    #[test]
    fn variants_fall_back_to_the_card() {
        assert_eq!(Variant::parse(Some("full")), Variant::Full);
        assert_eq!(Variant::parse(Some(" full ")), Variant::Full);
        assert_eq!(Variant::parse(Some("poster")), Variant::Card);
        assert_eq!(Variant::parse(None), Variant::Card);
    }

    #[test]
    fn snippets_escape_everything_they_quote() {
        let code = loader_snippet(
            "https://c.org/",
            &slug("a"),
            Variant::Full,
            "Tom & \"Jerry\" <3",
            "https://c.org/articles/a?x=1&y=2",
        );
        assert!(code.contains("data-variant=\"full\""));
        assert!(code.contains(">Tom &amp; &quot;Jerry&quot; &lt;3</a>"));
        assert!(code.contains("href=\"https://c.org/articles/a?x=1&amp;y=2\""));
        assert!(code.ends_with("<script async src=\"https://c.org/embed.js\"></script>"));
        let frame = iframe_snippet(
            "https://c.org/embed/?article=a&variant=card",
            "A's",
            600,
            400,
        );
        assert!(frame.starts_with(
            "<iframe src=\"https://c.org/embed/?article=a&amp;variant=card\" width=\"600\" height=\"400\" title=\"A&#39;s\""
        ));
        assert!(frame.contains(&format!("sandbox=\"{SANDBOX}\"")));
    }
}
