//! Partner embeds: the embed page's address and the code partners paste, built in one place
//! for the builder (oEmbed), the app (the Embed / Republish dialog) and the embed entry.

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

/// The embed page's URL for one article: `{origin}/embed/?article={slug}&variant={variant}`.
/// `origin` is the site's URL without a trailing slash (or empty for a same-origin path).
pub fn embed_url(origin: &str, slug: &Slug, variant: Variant) -> String {
    format!(
        "{}{EMBED_PATH}?article={slug}&variant={}",
        origin.trim_end_matches('/'),
        variant.as_str()
    )
}

/// The article slug an embed page was asked for: `?article=` (the embed entry's own form), or
/// the older `/embed/articles/{slug}` path that hosts may rewrite to the entry.
pub fn requested_slug<'a>(path: &'a str, article_param: Option<&'a str>) -> Option<&'a str> {
    article_param
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .or_else(|| {
            path.strip_prefix("/embed/articles/")
                .map(|s| s.trim_end_matches('/'))
                .filter(|s| !s.is_empty() && !s.contains('/'))
        })
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
    fn urls_use_the_directory_entry() {
        let s = slug("broad-front");
        assert_eq!(
            embed_url("https://convergencemag.com/", &s, Variant::Card),
            "https://convergencemag.com/embed/?article=broad-front&variant=card"
        );
        assert_eq!(
            embed_url("", &s, Variant::Full),
            "/embed/?article=broad-front&variant=full"
        );
    }

    #[test]
    fn slugs_come_from_the_query_or_the_old_path() {
        assert_eq!(requested_slug("/embed/", Some("a-b")), Some("a-b"));
        assert_eq!(requested_slug("/embed/articles/a-b", None), Some("a-b"));
        assert_eq!(requested_slug("/embed/articles/a-b/", None), Some("a-b"));
        assert_eq!(
            requested_slug("/embed/articles/x", Some("from-query")),
            Some("from-query")
        );
        assert_eq!(requested_slug("/embed/", None), None);
        assert_eq!(requested_slug("/embed/", Some("  ")), None);
        assert_eq!(requested_slug("/embed/articles/a/b", None), None);
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
