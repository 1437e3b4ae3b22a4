//! The static twin: the physical limit the app is measured against. It is the same article
//! (and the same home listing) from the same bucket, rendered by the same model crate into
//! plain HTML pages that link the app's own CSS, with no script at all.

// The same escaper the app's embed snippets and press's oEmbed use.
use model::text::escape_html as esc;
use model::{Article, ArticleSummary, Date, Listing, Site};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// "1 June 2023", as the app's Intl date reads in English.
pub fn date(d: Date) -> String {
    d.english()
}

fn byline(authors: &[model::AuthorRef]) -> String {
    let n = authors.len();
    let mut out = String::from("<span class=\"byline\">By ");
    for (i, a) in authors.iter().enumerate() {
        let sep = model::text::name_separator(i, n);
        let _ = write!(
            out,
            "{sep}<a class=\"byline__name\" href=\"/contributors/{}\">{}</a>",
            a.slug,
            esc(&a.name)
        );
    }
    out.push_str("</span>");
    out
}

/// What the twin's pages show from site.json.
pub struct Chrome {
    /// The site tagline under the name.
    pub tagline: String,
    /// The meta description.
    pub description: String,
    /// The footer line.
    pub footer_text: String,
    /// The primary navigation.
    pub navigation: Vec<model::Link>,
    /// The app's CSS, as an absolute path.
    pub css_href: String,
}

impl Chrome {
    /// The chrome from site.json and the CSS path.
    pub fn new(site: Site, css_href: String) -> Self {
        Chrome {
            tagline: site.tagline,
            description: site.description,
            footer_text: site.footer_text,
            navigation: site.navigation,
            css_href,
        }
    }
}

/// The site icon's path, as index.html links it (copied from dist/ with the CSS).
pub const FAVICON: &str = "/favicon.svg";

/// The page around a body: the app's header and footer landmarks, the same CSS, no script.
fn page(title: &str, site: &Chrome, body: &str) -> String {
    let nav: String = site
        .navigation
        .iter()
        .map(|l| format!("<li><a href=\"{}\">{}</a></li>", esc(&l.url), esc(&l.label)))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta name=\"color-scheme\" content=\"light dark\">\
<meta name=\"description\" content=\"{desc}\"><title>{title}</title>\
<link rel=\"icon\" href=\"{FAVICON}\" type=\"image/svg+xml\">\
<link rel=\"stylesheet\" href=\"{css_href}\"></head><body>\
<a class=\"skip-link\" href=\"#main\">Skip to content</a>\
<header class=\"site-header\"><div class=\"site-header__inner\"><div class=\"brand\">\
<a class=\"brand__name\" href=\"/\">Convergence</a><p class=\"brand__tagline\">{tagline}</p></div>\
<nav class=\"site-nav\" aria-label=\"Primary\"><ul>{nav}</ul></nav></div></header>\
<main id=\"main\" tabindex=\"-1\">{body}</main>\
<footer class=\"site-footer\"><p class=\"footer-text\">{footer}</p></footer></body></html>\n",
        desc = esc(&site.description),
        title = esc(title),
        css_href = site.css_href,
        tagline = esc(&site.tagline),
        footer = esc(&site.footer_text),
    )
}

/// An article page as plain HTML: header, byline, the body from `model::markdown::render`.
pub fn article_html(a: &Article, site: &Chrome) -> String {
    let rendered = model::markdown::render(&a.markdown);
    let topic = a
        .topics
        .first()
        .map(|t| {
            format!(
                "<p class=\"article__topic\"><a href=\"/topics/{}\">{}</a></p>",
                t.slug,
                esc(&t.name)
            )
        })
        .unwrap_or_default();
    let body = format!(
        "<article class=\"article\"><header class=\"article__header\">{topic}\
<h1 tabindex=\"-1\">{title}</h1><p class=\"article__dek\">{dek}</p>\
<p class=\"article__meta\">{byline}<span aria-hidden=\"true\"> · </span>\
<time datetime=\"{iso}\">{date}</time><span aria-hidden=\"true\"> · </span>\
<span>{minutes} min read</span></p></header>\
<div class=\"prose\">{html}</div></article>",
        title = esc(&a.title),
        dek = esc(&a.dek),
        byline = byline(&a.authors),
        iso = a.published_at,
        date = date(a.published_at),
        minutes = a.reading_time.0.max(1),
        html = rendered.html,
    );
    page(&format!("{} — Convergence", a.title), site, &body)
}

/// A card as the app's ArticleCard writes it (the lead card's title is an h2, the others h3).
fn card(a: &ArticleSummary, lead: bool) -> String {
    let (tag, class) = if lead {
        ("h2", "card card--lead")
    } else {
        ("h3", "card")
    };
    let title_class = if lead {
        "card__title card__title--lead"
    } else {
        "card__title"
    };
    format!(
        "<article class=\"{class}\"><div class=\"card__body\">\
<{tag} class=\"{title_class}\"><a href=\"/articles/{slug}.html\">{title}</a></{tag}>\
<p class=\"card__dek\">{dek}</p><p class=\"card__meta\">{byline}\
<span class=\"card__sep\" aria-hidden=\"true\"> · </span><time datetime=\"{iso}\">{date}</time>\
</p></div></article>",
        slug = a.slug,
        title = esc(&a.title),
        dek = esc(&a.dek),
        byline = byline(&a.authors),
        iso = a.published_at,
        date = date(a.published_at),
    )
}

/// The home page as plain HTML: the first listing page's cards, the first one as the lead.
pub fn home_html(listing: &Listing, site: &Chrome) -> String {
    let cards: String = listing
        .featured
        .iter()
        .chain(&listing.articles)
        .enumerate()
        .map(|(i, a)| card(a, i == 0))
        .collect();
    let body = format!(
        "<h1 class=\"visually-hidden\" tabindex=\"-1\">Convergence: latest articles</h1>\
<section class=\"listing\" aria-label=\"Latest articles\">{cards}</section>"
    );
    page("Convergence", site, &body)
}

fn read_json<T: serde::de::DeserializeOwned>(bucket: &Path, file: &str) -> Result<T, String> {
    let path = bucket.join(file);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    model::decode(file, &text).map_err(|e| e.to_string())
}

/// Writes `out/index.html` (home) and `out/articles/{slug}.html` from `bucket`, with the app's
/// CSS and icon copied from `dist` (the files index.html links). Returns the twin article's URL
/// path.
pub fn write(bucket: &Path, dist: &Path, slug: &str, out: &Path) -> Result<String, String> {
    let index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("cannot read {}/index.html: {e}", dist.display()))?;
    let css = crate::budget::assets_of(&index)
        .css
        .into_iter()
        .next()
        .ok_or("dist/index.html links no CSS")?;
    let site = Chrome::new(read_json(bucket, &model::paths::site())?, format!("/{css}"));
    let slug_id = model::Slug::parse(slug).map_err(|e| format!("{slug:?}: {e}"))?;
    let article: Article = read_json(bucket, &model::paths::article(&slug_id))?;
    let listing: Listing = read_json(bucket, &model::paths::home_page(1))?;
    let write = |rel: &str, text: &[u8]| -> Result<(), String> {
        let path: PathBuf = out.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let css_bytes = std::fs::read(dist.join(&css))
        .map_err(|e| format!("cannot read {}/{css}: {e}", dist.display()))?;
    write(&css, &css_bytes)?;
    // The app's icon too, so neither page pays for a /favicon.ico 404.
    let icon = FAVICON.trim_start_matches('/');
    let icon_bytes = std::fs::read(dist.join(icon))
        .map_err(|e| format!("cannot read {}/{icon}: {e}", dist.display()))?;
    write(icon, &icon_bytes)?;
    write("index.html", home_html(&listing, &site).as_bytes())?;
    let article_path = format!("articles/{slug}.html");
    write(&article_path, article_html(&article, &site).as_bytes())?;
    Ok(format!("/{article_path}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_elements_and_attributes() {
        assert_eq!(esc("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
    }

    #[test]
    fn dates_read_like_the_app() {
        let d = Date {
            year: 2023,
            month: 6,
            day: 1,
        };
        assert_eq!(date(d), "June 1, 2023");
    }

    #[test]
    fn the_article_twin_has_the_rendered_body_the_css_and_no_script() {
        let json = r###"{"schema_version": 1, "slug": "a-b", "title": "A <b>", "dek": "D",
            "kind": "article", "published_at": "2012-01-01",
            "authors": [{"slug": "x-y", "name": "X Y"}, {"slug": "z", "name": "Z"}],
            "topics": [{"slug": "t", "name": "T"}], "markdown": "## One\n\nSome *text*.",
            "reading_time": 2, "excerpt": "E", "canonical_url": "https://e.org/a-b", "related": []}"###;
        let article: Article = model::decode("articles/a-b.json", json).unwrap();
        let chrome = Chrome {
            tagline: "T".into(),
            description: "D".into(),
            footer_text: "F".into(),
            navigation: vec![],
            css_href: "/main.css".into(),
        };
        let html = article_html(&article, &chrome);
        assert!(html.contains(&model::markdown::render(&article.markdown).html));
        assert!(html.contains("<h1 tabindex=\"-1\">A &lt;b&gt;</h1>"));
        assert!(html.contains(">X Y</a> and <a"));
        assert!(html.contains("<link rel=\"stylesheet\" href=\"/main.css\">"));
        assert!(html.contains("<link rel=\"icon\" href=\"/favicon.svg\""));
        assert!(!html.contains("<script"));
    }
}
