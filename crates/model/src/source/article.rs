//! Articles and drafts (`articles/**/{slug}.md`, `drafts/**/{slug}.md`): parsed and checked
//! into an [`ArticleSource`], which [`ArticleSource::to_article`] turns into the bucket's
//! `Article` for `press build` and the staff preview alike.

use super::checker::{open_front, Checker, ImageFront};
use super::diagnostics::SourceText;
use super::files::file_slug;
use super::front_matter::split_front_matter;
use super::links::Catalog;
use super::{suggest, Parsed};
use crate::ids::{Date, Slug};
use crate::route::AppRoute;
use crate::types::{
    Article, ArticleKind, AuthorRef, EpisodeBody, EpisodeInfo, Image, Media, SchemaVersion,
    ShowRef, TopicRef,
};
use serde::Deserialize;
use std::ops::Range;
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
    /// For podcast episodes: the show and the episode's place in it.
    pub episode: Option<EpisodeSource>,
    /// The Markdown body.
    pub body: String,
}

/// A podcast episode's `show`, `season`, `episode` and `body` fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EpisodeSource {
    /// The show's slug.
    pub show: Slug,
    /// Season number.
    pub season: Option<u32>,
    /// Episode number.
    pub number: Option<u32>,
    /// Show notes or a transcript.
    pub body: EpisodeBody,
}

/// Characters of plain text in an article's excerpt (cards, meta descriptions).
pub const EXCERPT_CHARS: usize = 160;

impl ArticleSource {
    /// The bucket's `Article` for this source (without related articles), as `press build`
    /// writes it and the staff preview renders it: names come from `author`, `topic` and
    /// `show`, the canonical URL defaults to `{site_url}/articles/{slug}`.
    pub fn to_article(
        &self,
        site_url: &str,
        author: impl Fn(&Slug) -> AuthorRef,
        topic: impl Fn(&Slug) -> TopicRef,
        show: impl Fn(&Slug) -> ShowRef,
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
            episode: self.episode.as_ref().map(|e| EpisodeInfo {
                show: show(&e.show),
                season: e.season,
                number: e.number,
                body: e.body,
                // The source knows only the show's slug; the builder adds its artwork.
                artwork: None,
            }),
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
    show: Option<Spanned<String>>,
    season: Option<Spanned<u32>>,
    episode: Option<Spanned<u32>>,
    body: Option<Spanned<EpisodeBody>>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum MediaKind {
    Audio,
    Video,
}

/// `[media]`: one table for audio and video (not a tagged enum, so every field keeps its
/// position for the diagnostics), checked by [`media`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MediaFront {
    kind: MediaKind,
    src: Option<Spanned<String>>,
    mime: Option<Spanned<String>>,
    duration_seconds: Option<Spanned<u32>>,
    length_bytes: Option<Spanned<u64>>,
    url: Option<Spanned<String>>,
    host: Option<Spanned<String>>,
    poster: Option<Spanned<ImageFront>>,
}

struct EpisodeFront {
    show: Option<Spanned<String>>,
    season: Option<Spanned<u32>>,
    episode: Option<Spanned<u32>>,
    body: Option<Spanned<EpisodeBody>>,
}

/// An episode's place in its show: `Some(None)` for an article that is not an episode (and
/// says nothing of a show), `None` when the fields are wrong.
fn episode_fields(
    c: &mut Checker,
    kind: ArticleKind,
    kind_at: &Range<usize>,
    front: EpisodeFront,
    catalog: &Catalog,
) -> Option<Option<EpisodeSource>> {
    if kind != ArticleKind::PodcastEpisode {
        let given = [
            ("show", front.show.as_ref().map(Spanned::span)),
            ("season", front.season.as_ref().map(Spanned::span)),
            ("episode", front.episode.as_ref().map(Spanned::span)),
            ("body", front.body.as_ref().map(Spanned::span)),
        ];
        let mut ok = true;
        for (field, span) in given {
            if let Some(span) = span {
                c.error(
                    &span,
                    format!("`{field}` is only for podcast episodes"),
                    "set `kind = \"podcast_episode\"`, or remove it",
                );
                ok = false;
            }
        }
        return ok.then_some(None);
    }
    let Some(show) = front.show else {
        c.error(
            kind_at,
            "an episode without a show",
            "name its show: `show = \"show-slug\"`, a file in content/shows/",
        );
        return None;
    };
    let slug = c.slug(
        &show,
        "show",
        catalog.shows.as_ref(),
        super::show::SHOW_FILE,
        "`show` is a show's slug",
    )?;
    let positive = |c: &mut Checker, field: &str, v: Option<Spanned<u32>>| {
        let v = v?;
        if *v.get_ref() == 0 {
            c.error(
                &v.span(),
                format!("`{field}` numbers start at 1"),
                format!("write `{field} = 1` for the first, or leave it out"),
            );
        }
        Some(v.into_inner())
    };
    let season = positive(c, "season", front.season);
    let number = positive(c, "episode", front.episode);
    Some(Some(EpisodeSource {
        show: slug,
        season,
        number,
        body: front.body.map(Spanned::into_inner).unwrap_or_default(),
    }))
}

/// Checks `[media]` for its kind: audio needs `src`, `mime`, `duration_seconds` and the
/// file's `length_bytes` (podcast apps' enclosure length), video a `url` and a `host`.
fn media(c: &mut Checker, m: Spanned<MediaFront>, catalog: &Catalog) -> Option<Media> {
    let at = m.span();
    let m = m.into_inner();
    let mut ok = true;
    let mut need = |c: &mut Checker, field: &str, present: bool, example: &str| {
        if !present {
            c.error(
                &at,
                format!("[media] has no `{field}`"),
                format!("add `{field} = {example}` to [media]"),
            );
            ok = false;
        }
    };
    let kind_name = match m.kind {
        MediaKind::Audio => "audio",
        MediaKind::Video => "video",
    };
    let refuse = |c: &mut Checker, field: &str, span: Option<Range<usize>>| {
        if let Some(span) = span {
            c.error(
                &span,
                format!("`{field}` is not a field of {kind_name} [media]"),
                match m.kind {
                    MediaKind::Audio => {
                        "audio [media] has src, mime, duration_seconds and length_bytes"
                    }
                    MediaKind::Video => "video [media] has url, host, duration_seconds and poster",
                },
            );
        }
    };
    match m.kind {
        MediaKind::Audio => {
            refuse(c, "url", m.url.as_ref().map(Spanned::span));
            refuse(c, "host", m.host.as_ref().map(Spanned::span));
            refuse(c, "poster", m.poster.as_ref().map(Spanned::span));
            need(c, "src", m.src.is_some(), "\"audio/episode.mp3\"");
            need(c, "mime", m.mime.is_some(), "\"audio/mpeg\"");
            need(c, "duration_seconds", m.duration_seconds.is_some(), "1800");
            let length = m.length_bytes.as_ref().map(|l| *l.get_ref()).unwrap_or(0);
            if length == 0 {
                c.error(
                    &m.length_bytes.as_ref().map_or(at.clone(), Spanned::span),
                    "an audio enclosure without `length_bytes`",
                    "podcast apps need the file's size: add `length_bytes = …`, the size of the file in bytes",
                );
                ok = false;
            }
            if let (Some(src), Some(files)) = (&m.src, &catalog.audio) {
                check_audio_file(c, src, m.length_bytes.as_ref(), files);
            }
            if !ok {
                return None;
            }
            Some(Media::Audio {
                src: m.src?.into_inner(),
                mime: m.mime?.into_inner(),
                duration_seconds: m.duration_seconds?.into_inner(),
                length_bytes: length,
            })
        }
        MediaKind::Video => {
            refuse(c, "src", m.src.as_ref().map(Spanned::span));
            refuse(c, "mime", m.mime.as_ref().map(Spanned::span));
            refuse(
                c,
                "length_bytes",
                m.length_bytes.as_ref().map(Spanned::span),
            );
            need(c, "url", m.url.is_some(), "\"https://…\"");
            need(c, "host", m.host.is_some(), "\"YouTube\"");
            let poster = match m.poster {
                None => Some(None),
                Some(p) => c.image("the poster", p, catalog).map(Some),
            };
            if !ok {
                return None;
            }
            Some(Media::Video {
                url: m.url?.into_inner(),
                host: m.host?.into_inner(),
                duration_seconds: m.duration_seconds.map(Spanned::into_inner),
                poster: poster?,
            })
        }
    }
}

/// A local audio `src` (`audio/…`) must be a file of the content folder, `length_bytes` long.
fn check_audio_file(
    c: &mut Checker,
    src: &Spanned<String>,
    length: Option<&Spanned<u64>>,
    files: &std::collections::BTreeMap<String, u64>,
) {
    let s = src.get_ref().trim();
    if s.contains("://") || s.starts_with("//") {
        return;
    }
    let path = s.trim_start_matches('/');
    let Some(&size) = files.get(path) else {
        let hint = match suggest(path, files.keys().map(String::as_str)) {
            Some(s) => format!("did you mean `{s}`? Audio files live in content/audio/"),
            None => {
                "put the file in content/audio/ and write its path as `audio/name.mp3`".to_owned()
            }
        };
        c.error(
            &src.span(),
            format!("audio file `{s}` does not exist"),
            hint,
        );
        return;
    };
    if let Some(l) = length.filter(|l| *l.get_ref() != 0 && *l.get_ref() != size) {
        c.error(
            &l.span(),
            format!(
                "`length_bytes` is {} but {path} is {size} bytes",
                l.get_ref()
            ),
            format!("write `length_bytes = {size}`"),
        );
    }
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
    let authors = c.slugs(
        "authors",
        front.authors,
        r#"["contributor-slug"]"#,
        "author",
        Some(&catalog.contributors),
        "content/contributors/{slug}.md",
    );
    let topics = c.slugs(
        "topics",
        front.topics,
        r#"["topic-slug"]"#,
        "topic",
        catalog.topics.as_ref(),
        "topic `{slug}` in topics.toml",
    );
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
    let media_kind = front.media.as_ref().map(|m| m.get_ref().kind);
    let media = front.media.map(|m| media(&mut c, m, catalog));
    let kind_at = kind_span.clone().unwrap_or(0..0);
    match (kind, media_kind) {
        (ArticleKind::Article, Some(_)) => c.error(
            media_span.as_ref().unwrap_or(&kind_at),
            "an article of kind `article` cannot have [media]",
            "set `kind = \"podcast_episode\"` (audio) or `kind = \"video\"`, or remove [media]",
        ),
        (ArticleKind::PodcastEpisode, None) => c.error(
            &kind_at,
            "a podcast episode needs [media] with `kind = \"audio\"`",
            "add a [media] table: kind = \"audio\", src, mime, duration_seconds, length_bytes",
        ),
        (ArticleKind::Video, None) => c.error(
            &kind_at,
            "a video needs [media] with `kind = \"video\"`",
            "add a [media] table: kind = \"video\", url, host",
        ),
        (ArticleKind::PodcastEpisode, Some(MediaKind::Video)) => c.error(
            media_span.as_ref().unwrap_or(&kind_at),
            "kind is `podcast_episode` but [media] is a video",
            "use `kind = \"audio\"` media for a podcast episode, or set `kind = \"video\"`",
        ),
        (ArticleKind::Video, Some(MediaKind::Audio)) => c.error(
            media_span.as_ref().unwrap_or(&kind_at),
            "kind is `video` but [media] is audio",
            "use `kind = \"video\"` media (url, host), or set `kind = \"podcast_episode\"`",
        ),
        _ => {}
    }
    let episode = episode_fields(
        &mut c,
        kind,
        &kind_at,
        EpisodeFront {
            show: front.show,
            season: front.season,
            episode: front.episode,
            body: front.body,
        },
        catalog,
    );
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
            media: match media {
                Some(m) => Some(m?),
                None => None,
            },
            episode: episode?,
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
            |s| ShowRef {
                slug: s.clone(),
                title: "Black Work Talk".into(),
            },
        );
        assert_eq!(a.canonical_url, "https://convergencemag.com/articles/good");
        assert_eq!(a.authors[0].name, "Maurice Mitchell");
        assert_eq!(a.topics[0].name, "Strategy");
        assert!(a.excerpt.starts_with("Body with a link"), "{}", a.excerpt);
        assert!(a.related.is_empty());
        assert_eq!(a.episode, None);
    }

    const EPISODE: &str = "+++\ntitle = \"Episode\"\ndek = \"Dek.\"\nkind = \"podcast_episode\"\nshow = \"black-work-talk\"\nseason = 1\nepisode = 2\nbody = \"transcript\"\npublished = 2023-06-14\nauthors = [\"maurice-mitchell\"]\ntopics = [\"strategy\"]\n[media]\nkind = \"audio\"\nsrc = \"audio/tone.mp3\"\nmime = \"audio/mpeg\"\nduration_seconds = 5\nlength_bytes = 1000\n+++\nNotes.\n";

    #[test]
    fn episodes_name_their_show() {
        let p = parse_article("articles/e.md", EPISODE, &catalog(), false);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let a = p.value.unwrap().to_article(
            "https://convergencemag.com",
            |s| AuthorRef {
                slug: s.clone(),
                name: s.to_string(),
            },
            |s| TopicRef {
                slug: s.clone(),
                name: s.to_string(),
            },
            |s| ShowRef {
                slug: s.clone(),
                title: "Black Work Talk".into(),
            },
        );
        let e = a.episode.unwrap();
        assert_eq!(e.show.title, "Black Work Talk");
        assert_eq!(
            (e.season, e.number, e.body),
            (Some(1), Some(2), EpisodeBody::Transcript)
        );
        assert!(matches!(
            a.media,
            Some(Media::Audio {
                length_bytes: 1000,
                ..
            })
        ));
    }

    #[test]
    fn episode_mistakes() {
        let cases = [
            (
                EPISODE.replace("show = \"black-work-talk\"\n", ""),
                "articles/e.md:4:8: error: an episode without a show",
            ),
            (
                EPISODE.replace("\"black-work-talk\"", "\"black-work-tallk\""),
                "articles/e.md:5:8: error: unknown show `black-work-tallk`",
            ),
            (
                EPISODE.replace("length_bytes = 1000\n", ""),
                "articles/e.md:12:1: error: an audio enclosure without `length_bytes`",
            ),
            (
                EPISODE.replace("length_bytes = 1000", "length_bytes = 0"),
                "articles/e.md:17:16: error: an audio enclosure without `length_bytes`",
            ),
            (
                EPISODE.replace("length_bytes = 1000", "length_bytes = 999"),
                "articles/e.md:17:16: error: `length_bytes` is 999 but audio/tone.mp3 is 1000 bytes",
            ),
            (
                EPISODE.replace("audio/tone.mp3", "audio/tone.ogg"),
                "articles/e.md:14:7: error: audio file `audio/tone.ogg` does not exist",
            ),
            (
                EPISODE.replace("episode = 2", "episode = 0"),
                "articles/e.md:7:11: error: `episode` numbers start at 1",
            ),
            (
                GOOD.replace("[image]", "show = \"black-work-talk\"\n[image]"),
                "articles/good.md:7:8: error: `show` is only for podcast episodes",
            ),
            (
                EPISODE.replace("mime = \"audio/mpeg\"\n", ""),
                "articles/e.md:12:1: error: [media] has no `mime`",
            ),
            (
                EPISODE.replace("mime = ", "host = \"x\"\nmime = "),
                "articles/e.md:15:8: error: `host` is not a field of audio [media]",
            ),
        ];
        for (text, want) in cases {
            let path = if text.contains("kind = \"podcast") {
                "articles/e.md"
            } else {
                "articles/good.md"
            };
            let p = parse_article(path, &text, &catalog(), false);
            let got = first(&p.diagnostics);
            assert!(
                got.starts_with(want),
                "wanted {want:?}, got {got:?}\n{text}"
            );
        }
    }

    #[test]
    fn videos_take_a_duration_and_a_poster() {
        let text = GOOD.replace(
            "[image]",
            "kind = \"video\"\n[media]\nkind = \"video\"\nurl = \"https://example.org/v\"\nhost = \"Example\"\nduration_seconds = 90\n[media.poster]\nsrc = \"images/x.jpg\"\nalt = \"A still\"\nwidth = 16\nheight = 9\n[image]",
        );
        let p = parse_article("articles/good.md", &text, &catalog(), false);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        match p.value.unwrap().media {
            Some(Media::Video {
                duration_seconds,
                poster,
                ..
            }) => {
                assert_eq!(duration_seconds, Some(90));
                assert_eq!(poster.unwrap().alt, "A still");
            }
            other => panic!("{other:?}"),
        }
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
