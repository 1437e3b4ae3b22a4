//! `feed.xml` (Atom) and the sitemaps.

use model::route::AppRoute;
use model::{Article, Date, Site};
use std::fmt::Write;

/// How many entries the feed carries.
pub const FEED_ENTRIES: usize = 50;
/// The sitemap protocol's limit of URLs per sitemap file.
pub const SITEMAP_URLS: usize = 50_000;

/// Escapes text for XML content and attribute values, dropping characters XML forbids.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
    out
}

fn timestamp(d: Date) -> String {
    format!("{d}T00:00:00Z")
}

/// The Atom feed of the newest articles (`articles` newest first).
pub fn atom_feed(site: &Site, bucket_url: &str, articles: &[&Article]) -> String {
    let mut x = String::new();
    let url = site.url.trim_end_matches('/');
    let home = AppRoute::Home { page: 1 }.absolute(url);
    let updated = articles
        .iter()
        .take(FEED_ENTRIES)
        .map(|a| a.updated_at.unwrap_or(a.published_at).max(a.published_at))
        .max();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let _ = writeln!(x, "<title>{}</title>", escape(&site.title));
    let _ = writeln!(x, "<subtitle>{}</subtitle>", escape(&site.tagline));
    let _ = writeln!(
        x,
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape(&format!("{bucket_url}/feed.xml"))
    );
    let _ = writeln!(
        x,
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&home)
    );
    let _ = writeln!(x, "<id>{}</id>", escape(&home));
    let _ = writeln!(
        x,
        "<updated>{}</updated>",
        timestamp(updated.unwrap_or(Date {
            year: 2000,
            month: 1,
            day: 1
        }))
    );
    let _ = writeln!(x, "<generator>press</generator>");
    for a in articles.iter().take(FEED_ENTRIES) {
        x.push_str("<entry>\n");
        let _ = writeln!(x, "<title>{}</title>", escape(&a.title));
        let _ = writeln!(
            x,
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape(&a.canonical_url)
        );
        let _ = writeln!(
            x,
            "<id>{}</id>",
            escape(&AppRoute::Article(a.slug.clone()).absolute(url))
        );
        let _ = writeln!(x, "<published>{}</published>", timestamp(a.published_at));
        let _ = writeln!(
            x,
            "<updated>{}</updated>",
            timestamp(a.updated_at.unwrap_or(a.published_at).max(a.published_at))
        );
        for au in &a.authors {
            let _ = writeln!(
                x,
                "<author><name>{}</name><uri>{}</uri></author>",
                escape(&au.name),
                escape(&AppRoute::contributor(au.slug.clone()).absolute(url))
            );
        }
        for t in &a.topics {
            let _ = writeln!(
                x,
                "<category term=\"{}\" label=\"{}\"/>",
                escape(t.slug.as_str()),
                escape(&t.name)
            );
        }
        let summary = if a.dek.is_empty() { &a.excerpt } else { &a.dek };
        let _ = writeln!(x, "<summary type=\"text\">{}</summary>", escape(summary));
        x.push_str("</entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

/// One URL of the sitemap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitemapUrl {
    /// Absolute URL.
    pub loc: String,
    /// Last modification, if known.
    pub lastmod: Option<Date>,
}

/// The sitemap files: `sitemap.xml` (an index) and `sitemap-{n}.xml` children of at
/// most [`SITEMAP_URLS`] URLs each, as `(file name, text)`.
pub fn sitemaps(bucket_url: &str, urls: &[SitemapUrl]) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (i, chunk) in urls.chunks(SITEMAP_URLS).enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        let mut x = String::from(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        let mut newest = None;
        for u in chunk {
            x.push_str("<url><loc>");
            x.push_str(&escape(&u.loc));
            x.push_str("</loc>");
            if let Some(d) = u.lastmod {
                let _ = write!(x, "<lastmod>{d}</lastmod>");
                newest = newest.max(Some(d));
            }
            x.push_str("</url>\n");
        }
        x.push_str("</urlset>\n");
        let _ = write!(
            index,
            "<sitemap><loc>{}</loc>",
            escape(&format!("{bucket_url}/{name}"))
        );
        if let Some(d) = newest {
            let _ = write!(index, "<lastmod>{d}</lastmod>");
        }
        index.push_str("</sitemap>\n");
        files.push((name, x));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".to_owned(), index));
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            escape("a < b & \"c\" 'd' >\u{1}"),
            "a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt;"
        );
    }

    #[test]
    fn sitemaps_split_at_the_protocol_limit() {
        let urls: Vec<SitemapUrl> = (0..SITEMAP_URLS + 1)
            .map(|i| SitemapUrl {
                loc: format!("https://x.org/{i}"),
                lastmod: None,
            })
            .collect();
        let files = sitemaps("https://x.org/content", &urls);
        assert_eq!(files.len(), 3);
        assert!(files[0].1.contains("https://x.org/content/sitemap-2.xml"));
        assert_eq!(files[2].1.matches("<url>").count(), 1);
    }
}
