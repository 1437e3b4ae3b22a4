//! Articles and drafts (`articles/**/{slug}.md`, `drafts/**/{slug}.md`): parsed and checked
//! into an [`ArticleSource`], which [`ArticleSource::to_article`] turns into the bucket's
//! `Article` for `press build` and the staff preview alike.

use super::checker::{open_front, ImageFront};
use super::diagnostics::SourceText;
use super::files::file_slug;
use super::front_matter::split_front_matter;
use super::links::Catalog;
use super::Parsed;
use crate::ids::{Date, Slug};
use crate::route::AppRoute;
use crate::types::{Article, ArticleKind, AuthorRef, Image, Media, SchemaVersion, TopicRef};
use serde::Deserialize;
use toml::Spanned;

/// `articles/{slug}.md` (or `drafts/{slug}.md`), parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSource {
    /// The file, relative to the content folder.
    pub path: String,
    /// From the file name.
    pub slug: Slug,
    /// Whether it came from `drafts/`.
    pub draft: bool,
    /// Headline.
    pub title: String,
    /// Standfirst.
    pub dek: String,
    /// Article, podcast episode or video.
    pub kind: ArticleKind,
    /// Publication date.
    pub published: Date,
    /// Last substantive update.
    pub updated: Option<Date>,
    /// Contributor slugs, byline order.
    pub authors: Vec<Slug>,
    /// Topic slugs, primary first.
    pub topics: Vec<Slug>,
    /// Explicit canonical URL (default `{site.url}/articles/{slug}`).
    pub canonical_url: Option<String>,
    /// Where and when an archive item first appeared.
    pub originally_published: Option<String>,
    /// Whether it may lead the home page.
    pub featured: bool,
    /// Hero image.
    pub image: Option<Image>,
    /// Audio or video.
    pub media: Option<Media>,
    /// The Markdown body.
    pub body: String,
}

/// Characters of plain text in an article's excerpt (cards, meta descriptions).
pub const EXCERPT_CHARS: usize = 160;

impl ArticleSource {
    /// The bucket's `Article` for this source (without related articles), as `press build`
    /// writes it and the staff preview renders it: names come from `author` and `topic`,
    /// the canonical URL defaults to `{site_url}/articles/{slug}`.
    pub fn to_article(
        &self,
        site_url: &str,
        author: impl Fn(&Slug) -> AuthorRef,
        topic: impl Fn(&Slug) -> TopicRef,
    ) -> Article {
        Article {
            schema_version: SchemaVersion::default(),
            slug: self.slug.clone(),
            title: self.title.clone(),
            dek: self.dek.clone(),
            kind: self.kind,
            published_at: self.published,
            updated_at: self.updated,
            authors: self.authors.iter().map(author).collect(),
            topics: self.topics.iter().map(topic).collect(),
            feature_image: self.image.clone(),
            media: self.media.clone(),
            episode: None,
            markdown: self.body.clone(),
            reading_time: crate::markdown::reading_time(&self.body),
            excerpt: crate::markdown::excerpt(&self.body, EXCERPT_CHARS),
            canonical_url: self
                .canonical_url
                .clone()
                .unwrap_or_else(|| AppRoute::Article(self.slug.clone()).absolute(site_url)),
            originally_published: self.originally_published.clone(),
            related: Vec::new(),
        }
    }
}

/// The year an article file says it was published, read ahead of the full checks so links to
/// `/archive/{year}` can be checked against the years that will exist; `None` when the front
/// matter or its date is broken (the full parse reports why).
pub fn published_year(path: &str, text: &str) -> Option<u16> {
    #[derive(Deserialize)]
    struct Published {
        published: Option<toml::Value>,
    }
    let fm = split_front_matter(path, text).ok()?;
    let front: Published = toml::from_str(fm.toml).ok()?;
    let date = match front.published? {
        toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
            let d = dt.date?;
            format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
        }
        toml::Value::String(s) => s.trim().to_owned(),
        _ => return None,
    };
    Date::parse(&date).ok().map(|d| d.year)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleFront {
    title: Option<Spanned<String>>,
    dek: Option<Spanned<String>>,
    kind: Option<Spanned<ArticleKind>>,
    published: Option<Spanned<toml::Value>>,
    updated: Option<Spanned<toml::Value>>,
    authors: Option<Spanned<Vec<Spanned<String>>>>,
    topics: Option<Spanned<Vec<Spanned<String>>>>,
    canonical_url: Option<Spanned<String>>,
    originally_published: Option<String>,
    #[serde(default)]
    featured: bool,
    image: Option<Spanned<ImageFront>>,
    media: Option<Spanned<MediaFront>>,
}

#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum MediaFront {
    Audio {
        src: String,
        mime: String,
        duration_seconds: u32,
    },
    Video {
        url: String,
        host: String,
    },
}

/// Parses and checks an article (or, with `draft`, a draft) file.
pub fn parse_article(
    path: &str,
    text: &str,
    catalog: &Catalog,
    draft: bool,
) -> Parsed<ArticleSource> {
    let src = SourceText::new(path, text);
    let mut diags = Vec::new();
    let slug = file_slug(&src, if draft { "draft" } else { "article" })
        .map_err(|d| diags.push(d))
        .ok();
    let (front, fm, mut c) = match open_front::<ArticleFront>(src, diags) {
        Ok(opened) => opened,
        Err(diags) => return Parsed::new(None, diags),
    };
    let title = c.required("title", front.title, "\"Headline\"");
    let dek = c.required("dek", front.dek, "\"The standfirst under the headline.\"");
    let published = match &front.published {
        None => {
            c.missing("published", "2023-06-14");
            None
        }
        Some(v) => c.date("published", v),
    };
    let updated = front.updated.as_ref().map(|v| c.date("updated", v));
    if let (Some(p), Some(Some(u)), Some(span)) =
        (published, updated, front.updated.as_ref().map(|v| v.span()))
    {
        if u < p {
            c.warning(
                &span,
                format!("`updated` ({u}) is before `published` ({p})"),
                "check the dates",
            );
        }
    }
    let authors = match front.authors {
        None => {
            c.missing("authors", r#"["contributor-slug"]"#);
            None
        }
        Some(list) => c.slugs(
            "authors",
            list,
            "author",
            Some(&catalog.contributors),
            "content/contributors/{slug}.md",
        ),
    };
    let topics = match front.topics {
        None => {
            c.missing("topics", r#"["topic-slug"]"#);
            None
        }
        Some(list) => c.slugs(
            "topics",
            list,
            "topic",
            catalog.topics.as_ref(),
            "topic `{slug}` in topics.toml",
        ),
    };
    let kind_span = front.kind.as_ref().map(|k| k.span());
    let kind = front.kind.map(Spanned::into_inner).unwrap_or_default();
    if let Some(url) = &front.canonical_url {
        let u = url.get_ref();
        if !(u.starts_with("https://") || u.starts_with("http://")) {
            c.error(
                &url.span(),
                "`canonical_url` must be an absolute URL",
                "write it as https://…, or leave it out to use the article's own URL",
            );
        } else {
            // On the site's own origin it must be a page the site serves.
            c.link(&url.span(), u, catalog, draft);
        }
    }
    let image = match front.image {
        None => Some(None),
        Some(i) => c.image("the hero image", i, catalog).map(Some),
    };
    let media_span = front.media.as_ref().map(|m| m.span());
    let media = front.media.map(|m| match m.into_inner() {
        MediaFront::Audio {
            src,
            mime,
            duration_seconds,
        } => Media::Audio {
            src,
            mime,
            duration_seconds,
            length_bytes: 0,
        },
        MediaFront::Video { url, host } => Media::Video {
            url,
            host,
            duration_seconds: None,
            poster: None,
        },
    });
    let kind_at = kind_span.clone().unwrap_or(0..0);
    match (kind, &media) {
        (ArticleKind::Article, Some(_)) => c.error(
            media_span.as_ref().unwrap_or(&kind_at),
            "an article of kind `article` cannot have [media]",
            "set `kind = \"podcast_episode\"` (audio) or `kind = \"video\"`, or remove [media]",
        ),
        (ArticleKind::PodcastEpisode, None) => c.error(
            &kind_at,
            "a podcast episode needs [media] with `kind = \"audio\"`",
            "add a [media] table: kind = \"audio\", src, mime, duration_seconds",
        ),
        (ArticleKind::Video, None) => c.error(
            &kind_at,
            "a video needs [media] with `kind = \"video\"`",
            "add a [media] table: kind = \"video\", url, host",
        ),
        (ArticleKind::PodcastEpisode, Some(Media::Video { .. })) => c.error(
            media_span.as_ref().unwrap_or(&kind_at),
            "kind is `podcast_episode` but [media] is a video",
            "use `kind = \"audio\"` media for a podcast episode, or set `kind = \"video\"`",
        ),
        (ArticleKind::Video, Some(Media::Audio { .. })) => c.error(
            media_span.as_ref().unwrap_or(&kind_at),
            "kind is `video` but [media] is audio",
            "use `kind = \"video\"` media (url, host), or set `kind = \"podcast_episode\"`",
        ),
        _ => {}
    }
    c.body(fm.body, fm.body_start, catalog, draft);
    let value = (|| {
        Some(ArticleSource {
            path: path.to_owned(),
            slug: slug?,
            draft,
            title: title?,
            dek: dek?,
            kind,
            published: published?,
            updated: updated.flatten(),
            authors: authors?,
            topics: topics?,
            canonical_url: front.canonical_url.map(Spanned::into_inner),
            originally_published: front.originally_published,
            featured: front.featured,
            image: image?,
            media,
            body: fm.body.to_owned(),
        })
    })();
    Parsed::new(value, c.diags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::fixtures::{catalog, first};

    const GOOD: &str = "+++\ntitle = \"Headline\"\ndek = \"Dek.\"\npublished = 2023-06-14\nauthors = [\"maurice-mitchell\"]\ntopics = [\"strategy\"]\n[image]\nsrc = \"images/x.jpg\"\nalt = \"A crowd\"\nwidth = 10\nheight = 5\n+++\nBody with [a link](/articles/b) and ![alt](images/x.jpg).\n";

    #[test]
    fn sources_become_bucket_articles() {
        let p = parse_article("drafts/good.md", GOOD, &catalog(), true);
        let a = p.value.unwrap().to_article(
            "https://convergencemag.com/",
            |s| AuthorRef {
                slug: s.clone(),
                name: "Maurice Mitchell".into(),
            },
            |s| TopicRef {
                slug: s.clone(),
                name: "Strategy".into(),
            },
        );
        assert_eq!(a.canonical_url, "https://convergencemag.com/articles/good");
        assert_eq!(a.authors[0].name, "Maurice Mitchell");
        assert_eq!(a.topics[0].name, "Strategy");
        assert!(a.excerpt.starts_with("Body with a link"), "{}", a.excerpt);
        assert!(a.related.is_empty());
    }

    #[test]
    fn good_article_parses() {
        let p = parse_article("articles/good.md", GOOD, &catalog(), false);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let a = p.value.unwrap();
        assert_eq!(a.title, "Headline");
        assert_eq!(a.published.to_string(), "2023-06-14");
        assert_eq!(a.image.unwrap().alt, "A crowd");
        assert!(a.body.starts_with("Body"));
    }

    #[test]
    fn positions_count_the_front_matter_fence() {
        let text = GOOD.replace("\"maurice-mitchell\"", "\"nobody\"");
        let p = parse_article("articles/good.md", &text, &catalog(), false);
        assert_eq!(
            first(&p.diagnostics),
            "articles/good.md:5:12: error: unknown author `nobody`"
        );
        let text = GOOD.replace("(/articles/b)", "(/articles/zzz)");
        let p = parse_article("articles/good.md", &text, &catalog(), false);
        assert_eq!(
            first(&p.diagnostics),
            "articles/good.md:13:11: error: broken link `/articles/zzz`: no article `zzz`"
        );
    }

    #[test]
    fn the_usual_mistakes() {
        let cases = [
            (
                GOOD.replace("title = \"Headline\"\n", ""),
                "1:1: error: missing required field `title`",
            ),
            (
                GOOD.replace("titl", "titel"),
                "2:1: error: unknown field `titele`",
            ),
            (
                GOOD.replace("2023-06-14", "\"2023-02-30\""),
                "4:13: error: “2023-02-30” is not a valid date",
            ),
            (
                GOOD.replace("\"strategy\"", "\"strategie\""),
                "6:11: error: unknown topic `strategie`",
            ),
            (
                GOOD.replace("alt = \"A crowd\"\n", ""),
                "error: the hero image has no alt text",
            ),
            (
                GOOD.replace("![alt]", "![]"),
                "13:37: error: image `images/x.jpg` has no alt text",
            ),
            (GOOD.replace("dek = \"Dek.\"", "dek = \"Dek."), "3:"),
            (
                GOOD.replace("[image]", "kind = \"video\"\n[image]"),
                "error: a video needs [media]",
            ),
        ];
        for (text, want) in cases {
            let p = parse_article("articles/good.md", &text, &catalog(), false);
            let got = first(&p.diagnostics);
            assert!(got.contains(want), "wanted {want:?}, got {got:?}\n{text}");
        }
    }

    #[test]
    fn hints_suggest_the_near_miss() {
        let text = GOOD.replace("\"maurice-mitchell\"", "\"maurice-michell\"");
        let p = parse_article("articles/good.md", &text, &catalog(), false);
        assert!(
            p.diagnostics[0]
                .hint
                .contains("did you mean `maurice-mitchell`"),
            "{}",
            p.diagnostics[0]
        );
        let text = GOOD.replace("dek =", "dekk =");
        let p = parse_article("articles/good.md", &text, &catalog(), false);
        assert!(
            p.diagnostics[0].hint.starts_with("did you mean `dek`"),
            "{}",
            p.diagnostics[0]
        );
    }

    #[test]
    fn bad_file_names_and_fences() {
        let p = parse_article("articles/Bad Name.md", GOOD, &catalog(), false);
        assert!(first(&p.diagnostics)
            .starts_with("articles/Bad Name.md:1:1: error: bad article file name"));
        assert!(p.diagnostics[0].hint.contains("bad-name.md"));
        let p = parse_article("articles/x.md", "title = 1\n", &catalog(), false);
        assert!(first(&p.diagnostics).contains("does not start with `+++`"));
        let p = parse_article("articles/x.md", "+++\ntitle = \"x\"\n", &catalog(), false);
        assert!(first(&p.diagnostics).contains("never closed"));
    }

    #[test]
    fn published_years_are_read_ahead() {
        assert_eq!(published_year("articles/good.md", GOOD), Some(2023));
        let quoted = GOOD.replace("2023-06-14", "\"2012-01-31\"");
        assert_eq!(published_year("articles/q.md", &quoted), Some(2012));
        let bad = GOOD.replace("2023-06-14", "2023-02-30");
        assert_eq!(published_year("articles/b.md", &bad), None);
        assert_eq!(published_year("articles/n.md", "no front matter"), None);
    }
}
