//! Every bucket file path, built in one place so the builder and the app agree.

use crate::ids::Slug;

/// `site.json`.
pub fn site() -> String {
    "site.json".into()
}

/// `articles/{slug}.json`.
pub fn article(slug: &Slug) -> String {
    format!("articles/{slug}.json")
}

/// `drafts/{slug}.json` (written only with `press build --drafts`).
pub fn draft(slug: &Slug) -> String {
    format!("drafts/{slug}.json")
}

/// `index/{page}.json`: a page of the home page's listing, pages from 1.
pub fn home_page(page: u32) -> String {
    format!("index/{page}.json")
}

/// `topics.json`.
pub fn topics() -> String {
    "topics.json".into()
}

/// `topics/{slug}/{page}.json`.
pub fn topic_page(slug: &Slug, page: u32) -> String {
    format!("topics/{slug}/{page}.json")
}

/// `archive.json`: the list of years.
pub fn archive_years() -> String {
    "archive.json".into()
}

/// `archive/{year}/{page}.json`.
pub fn archive_page(year: u16, page: u32) -> String {
    format!("archive/{year}/{page}.json")
}

/// `contributors.json`: the contributors page, the masthead's sections of people.
pub fn contributors() -> String {
    "contributors.json".into()
}

/// `contributors/{slug}.json`: one contributor's profile.
pub fn contributor(slug: &Slug) -> String {
    format!("contributors/{slug}.json")
}

/// `contributors/{slug}/{page}.json`: one page of a contributor's articles.
pub fn contributor_articles(slug: &Slug, page: u32) -> String {
    format!("contributors/{slug}/{page}.json")
}

/// `pages/{slug}.json`.
pub fn page(slug: &Slug) -> String {
    format!("pages/{slug}.json")
}

/// `podcasts.json`: every show, with its newest episodes.
pub fn podcasts() -> String {
    "podcasts.json".into()
}

/// `podcasts/{slug}/{page}.json`: one page of a show's episodes, with the show.
pub fn show_page(slug: &Slug, page: u32) -> String {
    format!("podcasts/{slug}/{page}.json")
}

/// `podcasts/{slug}/feed.xml`: a show's RSS feed for podcast apps.
pub fn show_feed(slug: &Slug) -> String {
    format!("podcasts/{slug}/feed.xml")
}

/// `search/manifest.json`.
pub fn search_manifest() -> String {
    "search/manifest.json".into()
}

/// `search/terms/{shard}.json`.
pub fn search_terms(shard: u32) -> String {
    format!("search/terms/{shard}.json")
}

/// `search/docs/{shard}.json`.
pub fn search_docs(shard: u32) -> String {
    format!("search/docs/{shard}.json")
}

/// `feed.xml`: the Atom feed of recent articles.
pub fn feed() -> String {
    "feed.xml".to_owned()
}

/// `oembed/{slug}.json`.
pub fn oembed(slug: &Slug) -> String {
    format!("oembed/{slug}.json")
}

/// The term shard a (normalised) search term lives in: FNV-1a, stable across builds and targets.
pub fn term_shard(term: &str, shards: u32) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in term.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h % shards.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_stable() {
        let s = Slug::parse("broad-front-panel").unwrap();
        assert_eq!(article(&s), "articles/broad-front-panel.json");
        assert_eq!(topic_page(&s, 2), "topics/broad-front-panel/2.json");
        assert_eq!(archive_page(2012, 1), "archive/2012/1.json");
        assert_eq!(
            contributor_articles(&s, 3),
            "contributors/broad-front-panel/3.json"
        );
    }

    #[test]
    fn term_shards_are_stable_and_in_range() {
        assert_eq!(term_shard("power", 1), 0);
        assert_eq!(term_shard("", 16), 0x811c_9dc5 % 16);
        for t in ["power", "organizing", "arizona"] {
            assert!(term_shard(t, 7) < 7);
            assert_eq!(term_shard(t, 7), term_shard(t, 7));
        }
    }
}
