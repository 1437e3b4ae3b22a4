//! Building the good fixture: every file decodes into its type, the feed and
//! sitemaps are XML, search finds body words, drafts stay out of listings.

use model::{decode, paths, Slug};
use press::bench::kind_of;
use press::BuildOptions;
use std::fs;
use std::path::{Path, PathBuf};

fn good() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good")
}

fn build(drafts: bool) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("bucket");
    let report = press::build(
        &good(),
        &out,
        &BuildOptions {
            drafts,
            ..BuildOptions::default()
        },
    )
    .unwrap();
    assert!(report.written, "{:#?}", report.checked.diagnostics);
    (tmp, out)
}

fn files(root: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.push(
                    p.strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort();
    out
}

fn read(root: &Path, rel: &str) -> String {
    fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn check_decodes(root: &Path, rel: &str) -> Result<(), model::DecodeError> {
    let text = read(root, rel);
    match kind_of(rel).as_str() {
        "site.json" => decode::<model::Site>(rel, &text).map(drop),
        "topics.json" => decode::<model::Topics>(rel, &text).map(drop),
        "contributors.json" => decode::<model::Masthead>(rel, &text).map(drop),
        "archive.json" => decode::<model::ArchiveYears>(rel, &text).map(drop),
        "articles/{slug}.json" | "drafts/{slug}.json" => {
            decode::<model::Article>(rel, &text).map(drop)
        }
        "oembed/{slug}.json" => decode::<model::OEmbed>(rel, &text).map(drop),
        "index/{n}.json"
        | "topics/{slug}/{n}.json"
        | "archive/{year}/{n}.json"
        | "contributors/{slug}/{n}.json"
        | "podcasts/{slug}/{n}.json" => decode::<model::Listing>(rel, &text).map(drop),
        "podcasts.json" => decode::<model::Podcasts>(rel, &text).map(drop),
        "contributors/{slug}.json" => decode::<model::Contributor>(rel, &text).map(drop),
        "pages/{slug}.json" => decode::<model::Page>(rel, &text).map(drop),
        "search/manifest.json" => decode::<model::SearchManifest>(rel, &text).map(drop),
        "search/terms/{n}.json" => decode::<model::SearchTermShard>(rel, &text).map(drop),
        "search/docs/{n}.json" => decode::<model::SearchDocShard>(rel, &text).map(drop),
        other => panic!("{rel}: unexpected JSON file kind {other}"),
    }
}

#[test]
fn every_json_file_decodes_into_its_type() {
    let (_tmp, out) = build(true);
    let all = files(&out);
    let json: Vec<&String> = all.iter().filter(|f| f.ends_with(".json")).collect();
    assert!(json.len() > 20, "{all:?}");
    for rel in json {
        check_decodes(&out, rel).unwrap_or_else(|e| panic!("{e}"));
    }
    for must in [
        "site.json",
        "topics.json",
        "contributors.json",
        "archive.json",
        "index/1.json",
        "topics/strategy/1.json",
        "archive/2024/1.json",
        "contributors/sam-editor.json",
        "contributors/sam-editor/1.json",
        "articles/first-article.json",
        "oembed/first-article.json",
        "pages/about.json",
        "search/manifest.json",
        "feed.xml",
        "sitemap.xml",
        "sitemap-1.xml",
        "images/hero.svg",
        "drafts/draft-one.json",
        "podcasts.json",
        "podcasts/fixture-show/1.json",
        "podcasts/fixture-show/feed.xml",
        "audio/episode.mp3",
    ] {
        assert!(all.iter().any(|f| f == must), "{must} missing from {all:?}");
    }
}

#[test]
fn listings_contributors_and_the_featured_article() {
    let (_tmp, out) = build(false);
    let index: model::Listing = decode("index/1.json", &read(&out, "index/1.json")).unwrap();
    let slugs: Vec<&str> = index.articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["second-article", "first-article"], "newest first");
    assert_eq!(
        index.featured.as_ref().map(|f| f.slug.as_str()),
        Some("second-article")
    );
    let first: model::Article = decode("a", &read(&out, "articles/first-article.json")).unwrap();
    assert_eq!(
        first
            .related
            .iter()
            .map(|a| a.slug.as_str())
            .collect::<Vec<_>>(),
        ["second-article"]
    );
    assert_eq!(
        first.canonical_url,
        "https://convergencemag.com/articles/first-article"
    );
    // Masthead, then everyone else in a final `contributors` section.
    let masthead: model::Masthead = decode("m", &read(&out, "contributors.json")).unwrap();
    let last = masthead.sections.last().unwrap();
    assert_eq!(last.kind, model::SectionKind::Contributors);
    assert_eq!(last.groups[0].members[0].slug.as_str(), "alex-organizer");
    let alex: model::Contributor =
        decode("c", &read(&out, "contributors/alex-organizer.json")).unwrap();
    assert_eq!(alex.article_count, 2);
    // A topic with no article still has page 1 (empty) — none here, but every topic has a page.
    let elections: model::Listing = decode("t", &read(&out, "topics/elections/1.json")).unwrap();
    assert_eq!(elections.pagination.total, 2);
    let archive: model::ArchiveYears = decode("y", &read(&out, "archive.json")).unwrap();
    assert_eq!(
        archive.years.iter().map(|y| y.year).collect::<Vec<_>>(),
        [2024, 2023]
    );
    let oembed: model::OEmbed = decode("o", &read(&out, "oembed/first-article.json")).unwrap();
    assert_eq!(
        (oembed.kind.as_str(), oembed.width, oembed.height),
        ("rich", 600, 400)
    );
    assert!(oembed
        .html
        .contains("src=\"https://convergencemag.com/embed/articles/first-article/\""));
    assert!(oembed
        .html
        .contains("sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\""));
    assert!(oembed.html.contains("First Article"), "{}", oembed.html);
    assert!(
        !out.join("oembed/second-article.json").exists(),
        "podcast episodes may not be republished, so they offer no oEmbed"
    );
    // No JSON is pretty-printed.
    assert!(!read(&out, "index/1.json").contains('\n'));
}

#[test]
fn drafts_are_written_only_when_asked_and_never_listed() {
    let (_tmp, out) = build(false);
    assert!(!out.join("drafts").exists());
    let (_tmp2, out) = build(true);
    let draft: model::Article = decode("d", &read(&out, "drafts/draft-one.json")).unwrap();
    assert_eq!(draft.title, "A Draft");
    for rel in files(&out) {
        if rel.starts_with("drafts/") {
            continue;
        }
        let text = read(&out, &rel);
        assert!(
            !text.contains("draft-one") && !text.contains("quuxification"),
            "{rel} mentions the draft"
        );
    }
}

#[test]
fn feed_and_sitemaps_are_well_formed_xml() {
    let (_tmp, out) = build(false);
    for rel in [
        "feed.xml",
        "sitemap.xml",
        "sitemap-1.xml",
        "podcasts/fixture-show/feed.xml",
    ] {
        let text = read(&out, rel);
        let mut reader = quick_xml::Reader::from_str(&text);
        let mut depth = 0i32;
        let mut elements = 0;
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Start(_)) => {
                    depth += 1;
                    elements += 1;
                }
                Ok(quick_xml::events::Event::End(_)) => depth -= 1,
                Ok(quick_xml::events::Event::Empty(_)) => elements += 1,
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{rel} is not XML at {}: {e}", reader.buffer_position()),
            }
        }
        assert_eq!(depth, 0, "{rel}: unbalanced");
        assert!(elements > 3, "{rel}");
    }
    let feed = read(&out, "feed.xml");
    assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
    assert!(
        feed.contains("<title>Second &lt;Article&gt; &amp; “Quotes”</title>"),
        "{feed}"
    );
    assert_eq!(feed.matches("<entry>").count(), 2);
    assert!(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://convergencemag.com/content/feed.xml\"/>"));
    let sitemap = read(&out, "sitemap-1.xml");
    assert!(sitemap.contains(
        "<loc>https://convergencemag.com/articles/first-article</loc><lastmod>2023-06-14</lastmod>"
    ));
    assert!(read(&out, "sitemap.xml").contains("<sitemapindex"));
}

/// Looks a term up the way the app does: manifest → term shard → doc shard.
fn search(out: &Path, word: &str) -> Vec<String> {
    let manifest: model::SearchManifest =
        decode("m", &read(out, &paths::search_manifest())).unwrap();
    let term = press::terms::terms(word).pop().unwrap();
    let shard = paths::term_shard(&term, manifest.term_shards);
    let terms: model::SearchTermShard =
        decode("t", &read(out, &paths::search_terms(shard))).unwrap();
    let Some(postings) = terms.terms.get(&term) else {
        return Vec::new();
    };
    postings
        .iter()
        .map(|&(id, _)| {
            let n = id / manifest.docs_per_shard;
            let docs: model::SearchDocShard =
                decode("d", &read(out, &paths::search_docs(n))).unwrap();
            match &docs.docs[(id % manifest.docs_per_shard) as usize] {
                model::SearchDoc::Article { slug, .. } => format!("article:{slug}"),
                model::SearchDoc::Contributor { slug, .. } => format!("contributor:{slug}"),
            }
        })
        .collect()
}

#[test]
fn search_finds_body_words_titles_and_people() {
    let (_tmp, out) = build(false);
    assert_eq!(search(&out, "Flagstaff"), ["article:first-article"]);
    assert_eq!(search(&out, "zymurgy"), ["article:second-article"]);
    assert_eq!(
        search(&out, "PAULO"),
        ["article:second-article"],
        "case and diacritics fold"
    );
    assert_eq!(search(&out, "Sao"), ["article:second-article"]);
    let sam = search(&out, "Sam");
    assert_eq!(
        sam[0], "contributor:sam-editor",
        "a name match ranks first: {sam:?}"
    );
    assert!(
        sam.contains(&"article:first-article".to_owned()),
        "bylines are indexed: {sam:?}"
    );
    assert!(search(&out, "absentword").is_empty());
    let _ = Slug::parse("x");
}

/// The text between each `open` and the next `close` in `text`, XML-unescaped.
fn between(text: &str, open: &str, close: &str) -> Vec<String> {
    text.split(open)
        .skip(1)
        .filter_map(|rest| rest.split(close).next())
        .map(|s| s.replace("&amp;", "&"))
        .collect()
}

#[test]
fn every_url_the_builder_writes_is_a_page_of_the_site() {
    use model::route::{AppRoute, PATTERNS};
    let (_tmp, out) = build(false);
    let site = "https://convergencemag.com";
    let sitemap = read(&out, "sitemap-1.xml");
    let feed = read(&out, "feed.xml");
    let mut urls = between(&sitemap, "<loc>", "</loc>");
    for href in between(&feed, "href=\"", "\"") {
        if !href.starts_with(&format!("{site}/content/")) {
            urls.push(href);
        }
    }
    urls.extend(between(&feed, "<id>", "</id>"));
    urls.extend(between(&feed, "<uri>", "</uri>"));
    let show_feed = read(&out, "podcasts/fixture-show/feed.xml");
    urls.extend(between(&show_feed, "<link>", "</link>"));
    let o: model::OEmbed = decode("o", &read(&out, "oembed/first-article.json")).unwrap();
    urls.push(o.author_url);
    for url in &urls {
        let route = AppRoute::parse_url(site, url).unwrap_or_else(|| panic!("{url} is no page"));
        if let Some(file) = route.bucket_file() {
            assert!(out.join(&file).is_file(), "{url} needs {file}");
        }
    }
    for listed in [
        "/",
        "/topics",
        "/archive",
        "/contributors",
        "/subscribe",
        "/podcasts",
        "/podcasts/fixture-show",
    ] {
        let url = format!("{site}{listed}");
        assert!(urls.contains(&url), "the sitemap leaves out {listed}");
    }
    assert!(!sitemap.contains("/articles</loc>"));

    let content = press::check_dir(&good()).unwrap().content.unwrap();
    let samples = press::routes::samples(&content);
    for route in &samples {
        assert_eq!(AppRoute::parse_href(&route.href()).as_ref(), Some(route));
        if let Some(file) = route.bucket_file() {
            assert!(out.join(&file).is_file(), "{} needs {file}", route.href());
        }
    }
    let mut covered: Vec<&str> = samples.iter().map(AppRoute::pattern).collect();
    covered.sort_unstable();
    covered.dedup();
    let mut all = PATTERNS.to_vec();
    all.sort_unstable();
    assert_eq!(covered, all);
}

#[test]
fn shows_their_listings_and_the_masthead_group_a_show_names() {
    let (_tmp, out) = build(false);
    let podcasts: model::Podcasts = decode("p", &read(&out, "podcasts.json")).unwrap();
    assert_eq!(podcasts.shows.len(), 1);
    let card = &podcasts.shows[0];
    assert_eq!(card.show.title, "The Fixture Show");
    assert_eq!(card.show.episode_count, 1);
    assert_eq!(
        card.show.feed_url,
        "https://convergencemag.com/content/podcasts/fixture-show/feed.xml"
    );
    assert_eq!(card.show.hosts[0].name, "Sam Editor");
    assert_eq!(card.latest[0].slug.as_str(), "second-article");
    let listing: model::Listing = decode("l", &read(&out, "podcasts/fixture-show/1.json")).unwrap();
    assert!(
        matches!(&listing.scope, model::ListingScope::Show { show } if show.slug.as_str() == "fixture-show")
    );
    assert_eq!(listing.articles.len(), 1);
    let episode: model::Article = decode("a", &read(&out, "articles/second-article.json")).unwrap();
    let info = episode.episode.unwrap();
    assert_eq!(info.show.title, "The Fixture Show");
    assert_eq!((info.season, info.number), (Some(1), Some(2)));
    assert!(matches!(
        episode.media,
        Some(model::Media::Audio { length_bytes: 68, ref src, .. }) if src == "audio/episode.mp3"
    ));
    assert_eq!(
        fs::metadata(out.join("audio/episode.mp3")).unwrap().len(),
        68,
        "the enclosure is served from the bucket at its declared length"
    );
    let masthead: model::Masthead = decode("m", &read(&out, "contributors.json")).unwrap();
    let hosts = masthead
        .sections
        .iter()
        .find(|s| s.kind == model::SectionKind::PodcastHosts)
        .unwrap();
    let group = &hosts.groups[0];
    assert_eq!(group.title.as_deref(), Some("The Fixture Show"));
    assert_eq!(
        group.show.as_ref().map(|s| s.slug.as_str()),
        Some("fixture-show")
    );
    let members: Vec<&str> = group.members.iter().map(|m| m.slug.as_str()).collect();
    assert_eq!(members, ["sam-editor"]);
}

/// The text of the first `<tag>` in `xml`.
fn text_of(xml: &str, tag: &str) -> String {
    between(xml, &format!("<{tag}>"), &format!("</{tag}>"))
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no <{tag}> in {xml}"))
}

#[test]
fn a_show_feed_has_what_podcast_apps_require() {
    let (_tmp, out) = build(false);
    let feed = read(&out, "podcasts/fixture-show/feed.xml");
    for ns in [
        "xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"",
        "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"",
        "xmlns:atom=\"http://www.w3.org/2005/Atom\"",
    ] {
        assert!(feed.contains(ns), "{ns}");
    }
    let (channel, item) = feed.split_once("<item>").unwrap();
    assert_eq!(text_of(channel, "title"), "The Fixture Show");
    assert_eq!(
        text_of(channel, "link"),
        "https://convergencemag.com/podcasts/fixture-show"
    );
    assert!(text_of(channel, "description").starts_with("A show for the builder"));
    assert_eq!(text_of(channel, "language"), "en");
    assert!(channel.contains("<atom:link href=\"https://convergencemag.com/content/podcasts/fixture-show/feed.xml\" rel=\"self\" type=\"application/rss+xml\"/>"));
    assert!(channel
        .contains("<itunes:image href=\"https://convergencemag.com/content/images/show.svg\"/>"));
    assert!(channel.contains(
        "<itunes:category text=\"News\"><itunes:category text=\"Politics\"/></itunes:category>"
    ));
    assert!(channel.contains("<itunes:category text=\"Society &amp; Culture\"/>"));
    assert_eq!(text_of(channel, "itunes:explicit"), "false");
    assert_eq!(text_of(channel, "itunes:author"), "Sam Editor");
    assert!(channel.contains("<itunes:owner><itunes:name>Convergence</itunes:name><itunes:email>editors@example.org</itunes:email></itunes:owner>"));
    assert_eq!(text_of(channel, "itunes:type"), "episodic");
    assert_eq!(
        text_of(channel, "podcast:guid"),
        press::xml::podcast_guid(
            "https://convergencemag.com/content/podcasts/fixture-show/feed.xml"
        )
    );
    assert_eq!(feed.matches("<item>").count(), 1);
    assert_eq!(text_of(item, "title"), "Second &lt;Article&gt; & “Quotes”");
    assert_eq!(
        text_of(item, "link"),
        "https://convergencemag.com/articles/second-article"
    );
    assert!(item.contains("<guid isPermaLink=\"false\">convergence:episode:second-article</guid>"));
    assert_eq!(text_of(item, "pubDate"), "Thu, 29 Feb 2024 00:00:00 +0000");
    assert!(item.contains("<enclosure url=\"https://convergencemag.com/content/audio/episode.mp3\" length=\"68\" type=\"audio/mpeg\"/>"));
    assert_eq!(text_of(item, "itunes:duration"), "1800");
    assert_eq!(text_of(item, "itunes:episode"), "2");
    assert_eq!(text_of(item, "itunes:season"), "1");
    assert_eq!(text_of(item, "itunes:episodeType"), "full");
    assert!(item.contains("<podcast:transcript url=\"https://convergencemag.com/articles/second-article\" type=\"text/html\"/>"));
    // The episode stays in the site's own Atom feed.
    assert!(read(&out, "feed.xml").contains("second-article"));
}
