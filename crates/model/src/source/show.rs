//! Podcast shows (`shows/{slug}.md`): title, hosts, artwork, language, Apple Podcasts
//! categories, advisory and type in the front matter, the plain-text description as the body.

use super::checker::{open_front, ImageFront};
use super::diagnostics::SourceText;
use super::files::file_slug;
use super::links::Catalog;
use super::{suggest, Parsed};
use crate::ids::Slug;
use crate::types::{ContentAdvisory, Image, PodcastCategory, ShowType};
use serde::Deserialize;
use toml::Spanned;

/// `shows/{slug}.md`, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShowSource {
    /// The file, relative to the content folder.
    pub path: String,
    /// From the file name.
    pub slug: Slug,
    /// Title.
    pub title: String,
    /// Plain-text description (the body, trimmed).
    pub description: String,
    /// Contributor slugs, in order.
    pub hosts: Vec<Slug>,
    /// Square cover art.
    pub artwork: Image,
    /// Language tag, e.g. "en".
    pub language: String,
    /// Apple Podcasts categories, primary first.
    pub categories: Vec<PodcastCategory>,
    /// Clean or explicit.
    pub advisory: ContentAdvisory,
    /// Episodic or serial.
    pub show_type: ShowType,
    /// Place on `/podcasts` (lower first; shows without one follow, by slug).
    pub order: Option<u32>,
}

/// Apple Podcasts' categories and their subcategories, as the feed must spell them.
pub const PODCAST_CATEGORIES: &[(&str, &[&str])] = &[
    (
        "Arts",
        &[
            "Books",
            "Design",
            "Fashion & Beauty",
            "Food",
            "Performing Arts",
            "Visual Arts",
        ],
    ),
    (
        "Business",
        &[
            "Careers",
            "Entrepreneurship",
            "Investing",
            "Management",
            "Marketing",
            "Non-Profit",
        ],
    ),
    ("Comedy", &["Comedy Interviews", "Improv", "Stand-Up"]),
    (
        "Education",
        &["Courses", "How To", "Language Learning", "Self-Improvement"],
    ),
    ("Fiction", &["Comedy Fiction", "Drama", "Science Fiction"]),
    ("Government", &[]),
    ("History", &[]),
    (
        "Health & Fitness",
        &[
            "Alternative Health",
            "Fitness",
            "Medicine",
            "Mental Health",
            "Nutrition",
            "Sexuality",
        ],
    ),
    (
        "Kids & Family",
        &[
            "Education for Kids",
            "Parenting",
            "Pets & Animals",
            "Stories for Kids",
        ],
    ),
    (
        "Leisure",
        &[
            "Animation & Manga",
            "Automotive",
            "Aviation",
            "Crafts",
            "Games",
            "Hobbies",
            "Home & Garden",
            "Video Games",
        ],
    ),
    (
        "Music",
        &["Music Commentary", "Music History", "Music Interviews"],
    ),
    (
        "News",
        &[
            "Business News",
            "Daily News",
            "Entertainment News",
            "News Commentary",
            "Politics",
            "Sports News",
            "Tech News",
        ],
    ),
    (
        "Religion & Spirituality",
        &[
            "Buddhism",
            "Christianity",
            "Hinduism",
            "Islam",
            "Judaism",
            "Religion",
            "Spirituality",
        ],
    ),
    (
        "Science",
        &[
            "Astronomy",
            "Chemistry",
            "Earth Sciences",
            "Life Sciences",
            "Mathematics",
            "Natural Sciences",
            "Nature",
            "Physics",
            "Social Sciences",
        ],
    ),
    (
        "Society & Culture",
        &[
            "Documentary",
            "Personal Journals",
            "Philosophy",
            "Places & Travel",
            "Relationships",
        ],
    ),
    (
        "Sports",
        &[
            "Baseball",
            "Basketball",
            "Cricket",
            "Fantasy Sports",
            "Football",
            "Golf",
            "Hockey",
            "Rugby",
            "Running",
            "Soccer",
            "Swimming",
            "Tennis",
            "Volleyball",
            "Wilderness",
            "Wrestling",
        ],
    ),
    ("Technology", &[]),
    ("True Crime", &[]),
    (
        "TV & Film",
        &[
            "After Shows",
            "Film History",
            "Film Interviews",
            "Film Reviews",
            "TV Reviews",
        ],
    ),
];

/// Where a show's file lives, for "unknown show" hints (`{slug}` is filled in).
pub(super) const SHOW_FILE: &str = "content/shows/{slug}.md";

/// The artwork sizes Apple Podcasts accepts (square, pixels per side).
pub const ARTWORK_SIDE: std::ops::RangeInclusive<u32> = 1400..=3000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShowFront {
    title: Option<Spanned<String>>,
    hosts: Option<Spanned<Vec<Spanned<String>>>>,
    artwork: Option<Spanned<ImageFront>>,
    language: Option<Spanned<String>>,
    categories: Option<Spanned<Vec<Spanned<CategoryFront>>>>,
    advisory: Option<Spanned<ContentAdvisory>>,
    #[serde(rename = "type", default)]
    show_type: ShowType,
    order: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryFront {
    name: String,
    subcategory: Option<String>,
}

/// Parses and checks a show file.
pub fn parse_show(path: &str, text: &str, catalog: &Catalog) -> Parsed<ShowSource> {
    let src = SourceText::new(path, text);
    let mut diags = Vec::new();
    let slug = file_slug(&src, "show").map_err(|d| diags.push(d)).ok();
    let (front, fm, mut c) = match open_front::<ShowFront>(src, diags) {
        Ok(opened) => opened,
        Err(diags) => return Parsed::new(None, diags),
    };
    let title = c.required("title", front.title, "\"The Show's Name\"");
    let hosts = c.slugs(
        "hosts",
        front.hosts,
        r#"["contributor-slug"]"#,
        "host",
        Some(&catalog.contributors),
        "content/contributors/{slug}.md",
    );
    let artwork = match front.artwork {
        None => {
            c.missing(
                "artwork",
                "{ src = \"images/show.png\", alt = \"…\", width = 1400, height = 1400 }",
            );
            None
        }
        Some(i) => {
            let span = i.span();
            let image = c.image("the artwork", i, catalog);
            if let Some(a) = &image {
                // Apple lists only shows with square art of 1400–3000 px; other apps are
                // laxer, so the site can still publish.
                if a.width != a.height || !ARTWORK_SIDE.contains(&a.width) {
                    c.warning(
                        &span,
                        format!(
                            "the artwork is {}×{} px; Apple Podcasts wants it square, {}–{} px a side",
                            a.width,
                            a.height,
                            ARTWORK_SIDE.start(),
                            ARTWORK_SIDE.end()
                        ),
                        "use a square image of at least 1400×1400 px (and give its real size)",
                    );
                }
            }
            image
        }
    };
    let language = match c.required("language", front.language.clone(), "\"en\"") {
        Some(l) if is_language_tag(&l) => Some(l),
        Some(l) => {
            let span = front.language.map(|l| l.span()).unwrap_or(0..0);
            c.error(
                &span,
                format!("`{l}` is not a language tag"),
                "write the language as a tag such as \"en\" or \"en-US\"",
            );
            None
        }
        None => None,
    };
    let categories = match front.categories {
        None => {
            c.missing(
                "categories",
                "[{ name = \"News\", subcategory = \"Politics\" }]",
            );
            None
        }
        Some(list) => {
            let span = list.span();
            let list = list.into_inner();
            if list.is_empty() {
                c.error(
                    &span,
                    "`categories` is empty",
                    "podcast apps file a show under at least one Apple Podcasts category",
                );
            }
            let mut out = Vec::new();
            for cat in list {
                let span = cat.span();
                let cat = cat.into_inner();
                if let Some(message) = check_category(&cat.name, cat.subcategory.as_deref()) {
                    c.error(&span, message.0, message.1);
                }
                out.push(PodcastCategory {
                    name: cat.name,
                    subcategory: cat.subcategory,
                });
            }
            Some(out)
        }
    };
    let advisory = match front.advisory {
        None => {
            c.missing("advisory", "\"clean\"");
            None
        }
        Some(a) => Some(a.into_inner()),
    };
    let description = fm.body.trim().to_owned();
    if description.is_empty() {
        let d = c.src.error(
            fm.body_start,
            "the show has no description",
            "write what the show is, in plain text, after the closing `+++`",
        );
        c.diags.push(d);
    }
    let value = (|| {
        Some(ShowSource {
            path: path.to_owned(),
            slug: slug?,
            title: title?,
            description: (!description.is_empty()).then_some(description)?,
            hosts: hosts?,
            artwork: artwork?,
            language: language?,
            categories: categories?,
            advisory: advisory?,
            show_type: front.show_type,
            order: front.order,
        })
    })();
    Parsed::new(value, c.diags)
}

/// Whether `s` looks like a language tag: a 2–3 letter language, then letter or digit parts.
fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let lang = parts.next().unwrap_or_default();
    (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Why a category is not one of Apple's, with a hint naming the near miss; `None` when it is.
fn check_category(name: &str, sub: Option<&str>) -> Option<(String, String)> {
    let Some((_, subs)) = PODCAST_CATEGORIES.iter().find(|(n, _)| *n == name) else {
        let mut hint = String::from("use a category from Apple Podcasts' list");
        if let Some(s) = suggest(name, PODCAST_CATEGORIES.iter().map(|(n, _)| *n)) {
            hint = format!("did you mean `{s}`? {hint}");
        }
        return Some((format!("unknown podcast category `{name}`"), hint));
    };
    let sub = sub?;
    if subs.contains(&sub) {
        return None;
    }
    let hint = if subs.is_empty() {
        format!("`{name}` has no subcategories; remove `subcategory`")
    } else {
        let mut hint = format!("`{name}` has: {}", subs.join(", "));
        if let Some(s) = suggest(sub, subs.iter().copied()) {
            hint = format!("did you mean `{s}`? {hint}");
        }
        hint
    };
    Some((format!("unknown subcategory `{sub}` of `{name}`"), hint))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::fixtures::{catalog, first};

    const GOOD: &str = "+++\ntitle = \"Black Work Talk\"\nhosts = [\"maurice-mitchell\"]\nlanguage = \"en\"\nadvisory = \"clean\"\ncategories = [{ name = \"News\", subcategory = \"Politics\" }]\n[artwork]\nsrc = \"images/x.jpg\"\nalt = \"The show's name on a flat colour\"\nwidth = 1400\nheight = 1400\n+++\nA show about work.\n";

    #[test]
    fn good_show_parses() {
        let p = parse_show("shows/black-work-talk.md", GOOD, &catalog());
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let s = p.value.unwrap();
        assert_eq!(s.title, "Black Work Talk");
        assert_eq!(s.description, "A show about work.");
        assert_eq!(s.show_type, ShowType::Episodic);
        assert_eq!(s.categories[0].subcategory.as_deref(), Some("Politics"));
    }

    #[test]
    fn the_usual_mistakes() {
        let cases = [
            (
                GOOD.replace("\"maurice-mitchell\"", "\"nobody\""),
                "shows/s.md:3:10: error: unknown host `nobody`",
            ),
            (
                GOOD.replace("alt = \"The show's name on a flat colour\"\n", ""),
                "shows/s.md:7:1: error: the artwork has no alt text",
            ),
            (
                GOOD.replace("\"News\"", "\"Newz\""),
                "shows/s.md:6:15: error: unknown podcast category `Newz`",
            ),
            (
                GOOD.replace("\"Politics\"", "\"Politix\""),
                "shows/s.md:6:15: error: unknown subcategory `Politix` of `News`",
            ),
            (
                GOOD.replace("language", "lang"),
                "shows/s.md:4:1: error: unknown field `lang`",
            ),
            (
                GOOD.replace("\"en\"", "\"English\""),
                "shows/s.md:4:12: error: `English` is not a language tag",
            ),
            (
                GOOD.replace("advisory = \"clean\"\n", ""),
                "shows/s.md:1:1: error: missing required field `advisory`",
            ),
            (
                GOOD.replace("A show about work.\n", "\n"),
                "shows/s.md:13:1: error: the show has no description",
            ),
            (
                GOOD.replace("height = 1400", "height = 1000"),
                "shows/s.md:7:1: warning: the artwork is 1400×1000 px",
            ),
        ];
        for (text, want) in cases {
            let p = parse_show("shows/s.md", &text, &catalog());
            let got = first(&p.diagnostics);
            assert!(
                got.starts_with(want),
                "wanted {want:?}, got {got:?}\n{text}"
            );
        }
    }

    #[test]
    fn near_misses_are_named() {
        let p = parse_show(
            "shows/s.md",
            &GOOD.replace("\"Politics\"", "\"Politic\""),
            &catalog(),
        );
        assert!(p.diagnostics[0]
            .hint
            .starts_with("did you mean `Politics`?"));
        assert!(is_language_tag("en-US") && !is_language_tag("e") && !is_language_tag("en_US"));
    }
}
