//! `feed.xml` (Atom), the shows' podcast feeds (RSS 2.0 with Apple's and the Podcast
//! Index's namespaces) and the sitemaps.

use model::route::AppRoute;
use model::{Article, ContentAdvisory, Date, EpisodeBody, Media, Show, ShowType, Site};
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

/// Podcast Index's namespace for `podcast:guid` UUIDs (podcastindex.org/namespace/1.0).
const PODCAST_GUID_NAMESPACE: uuid::Uuid = uuid::uuid!("ead4c236-bf58-58c6-a2c6-a6b28d128cb6");

/// A show's `podcast:guid`: the UUIDv5 of its feed URL without the scheme and trailing
/// slashes, as the podcast namespace specifies, so any app derives the same one.
pub fn podcast_guid(feed_url: &str) -> String {
    let rest = feed_url
        .split_once("://")
        .map_or(feed_url, |(_, rest)| rest)
        .trim_end_matches('/');
    uuid::Uuid::new_v5(&PODCAST_GUID_NAMESPACE, rest.as_bytes()).to_string()
}

/// A date as RFC 2822 (`pubDate`), at midnight UTC: the magazine dates issues, not instants.
pub fn rfc2822(d: Date) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    // Days since 1970-01-01 (a Thursday), by the civil-calendar algorithm.
    let (y, m) = (i64::from(d.year), i64::from(d.month));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    format!(
        "{}, {:02} {} {} 00:00:00 +0000",
        DAYS[days.rem_euclid(7) as usize],
        d.day,
        MONTHS[usize::from(d.month.clamp(1, 12)) - 1],
        d.year
    )
}

/// Where the feed finds things: site pages and bucket files as absolute URLs.
pub struct FeedUrls<'a> {
    /// `site.url` without a trailing slash.
    pub site_url: &'a str,
    /// Where the bucket is served, without a trailing slash.
    pub bucket_url: &'a str,
}

impl FeedUrls<'_> {
    /// A bucket file's `src` (`images/x.png`, `audio/x.mp3`, a site path or a URL), absolute,
    /// by the rule the page heads use for images (`model::head::absolute_asset_url`); a `src`
    /// that rule refuses, which the content checks have already reported, is written as given.
    pub fn asset(&self, src: &str) -> String {
        model::head::absolute_asset_url(self.site_url, self.bucket_url, src)
            .unwrap_or_else(|| src.to_owned())
    }
}

/// A show's RSS feed for podcast apps: every episode, newest first (`episodes` in that order).
pub fn podcast_feed(site: &Site, urls: &FeedUrls, show: &Show, episodes: &[&Article]) -> String {
    let mut x = String::new();
    let e = escape;
    let link = AppRoute::show(show.slug.clone()).absolute(urls.site_url);
    let explicit = match show.advisory {
        ContentAdvisory::Clean => "false",
        ContentAdvisory::Explicit => "true",
    };
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str("<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" xmlns:podcast=\"https://podcastindex.org/namespace/1.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
    let _ = writeln!(
        x,
        "<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>",
        e(&show.feed_url)
    );
    let _ = writeln!(x, "<title>{}</title>", e(&show.title));
    let _ = writeln!(x, "<link>{}</link>", e(&link));
    let _ = writeln!(x, "<description>{}</description>", e(&show.description));
    let _ = writeln!(x, "<language>{}</language>", e(&show.language));
    let _ = writeln!(x, "<generator>press</generator>");
    if let Some(newest) = episodes.first() {
        let _ = writeln!(
            x,
            "<lastBuildDate>{}</lastBuildDate>",
            rfc2822(
                newest
                    .updated_at
                    .unwrap_or(newest.published_at)
                    .max(newest.published_at)
            )
        );
    }
    let _ = writeln!(
        x,
        "<itunes:image href=\"{}\"/>",
        e(&urls.asset(&show.artwork.src))
    );
    for c in &show.categories {
        match &c.subcategory {
            Some(sub) => {
                let _ = writeln!(
                    x,
                    "<itunes:category text=\"{}\"><itunes:category text=\"{}\"/></itunes:category>",
                    e(&c.name),
                    e(sub)
                );
            }
            None => {
                let _ = writeln!(x, "<itunes:category text=\"{}\"/>", e(&c.name));
            }
        }
    }
    let _ = writeln!(x, "<itunes:explicit>{explicit}</itunes:explicit>");
    let _ = writeln!(
        x,
        "<itunes:author>{}</itunes:author>",
        e(&model::text::byline(&show.hosts))
    );
    let _ = writeln!(
        x,
        "<itunes:owner><itunes:name>{}</itunes:name><itunes:email>{}</itunes:email></itunes:owner>",
        e(&site.title),
        e(&site.contact.email)
    );
    let _ = writeln!(
        x,
        "<itunes:type>{}</itunes:type>",
        match show.show_type {
            ShowType::Episodic => "episodic",
            ShowType::Serial => "serial",
        }
    );
    let _ = writeln!(
        x,
        "<podcast:guid>{}</podcast:guid>",
        podcast_guid(&show.feed_url)
    );
    for a in episodes {
        let Some(Media::Audio {
            src,
            mime,
            duration_seconds,
            length_bytes,
        }) = &a.media
        else {
            continue;
        };
        x.push_str("<item>\n");
        let _ = writeln!(x, "<title>{}</title>", e(&a.title));
        let _ = writeln!(x, "<link>{}</link>", e(&a.canonical_url));
        // The slug never changes once published, wherever the site or the file moves.
        let _ = writeln!(
            x,
            "<guid isPermaLink=\"false\">convergence:episode:{}</guid>",
            e(a.slug.as_str())
        );
        let _ = writeln!(x, "<pubDate>{}</pubDate>", rfc2822(a.published_at));
        let summary = if a.dek.is_empty() { &a.excerpt } else { &a.dek };
        let _ = writeln!(x, "<description>{}</description>", e(summary));
        let _ = writeln!(
            x,
            "<enclosure url=\"{}\" length=\"{length_bytes}\" type=\"{}\"/>",
            e(&urls.asset(src)),
            e(mime)
        );
        let _ = writeln!(x, "<itunes:duration>{duration_seconds}</itunes:duration>");
        if let Some(ep) = &a.episode {
            if let Some(n) = ep.number {
                let _ = writeln!(x, "<itunes:episode>{n}</itunes:episode>");
            }
            if let Some(n) = ep.season {
                let _ = writeln!(x, "<itunes:season>{n}</itunes:season>");
            }
        }
        x.push_str("<itunes:episodeType>full</itunes:episodeType>\n");
        let _ = writeln!(x, "<itunes:explicit>{explicit}</itunes:explicit>");
        if a.episode.as_ref().map(|ep| ep.body) == Some(EpisodeBody::Transcript) {
            let _ = writeln!(
                x,
                "<podcast:transcript url=\"{}\" type=\"text/html\"/>",
                e(&a.canonical_url)
            );
        }
        x.push_str("</item>\n");
    }
    x.push_str("</channel>\n</rss>\n");
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
    fn podcast_guids_follow_the_namespace_spec() {
        // The example in the podcast namespace's documentation of `<podcast:guid>`.
        assert_eq!(
            podcast_guid("https://mp3s.nashownotes.com/pc20rss.xml/"),
            "917393e3-1b1e-5cef-ace4-edaa54e1f810"
        );
    }

    #[test]
    fn dates_are_rfc_2822() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert_eq!(rfc2822(d("2023-06-14")), "Wed, 14 Jun 2023 00:00:00 +0000");
        assert_eq!(rfc2822(d("2024-02-29")), "Thu, 29 Feb 2024 00:00:00 +0000");
        assert_eq!(rfc2822(d("1970-01-01")), "Thu, 01 Jan 1970 00:00:00 +0000");
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
