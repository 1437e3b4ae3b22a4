//! The content client: the only module that touches the network. Every bucket read
//! goes through [`fetch`], which adds the base URL, a timeout, cancellation, retries
//! for transient failures, an in-memory cache, and reader-facing errors.

#[cfg(not(feature = "prerender"))]
use crate::browser::{sleep, AbortOnDrop};
pub use crate::error::ContentError;
#[cfg(not(feature = "prerender"))]
use futures::future::{select, Either};
use model::{decode, paths, Slug};
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::collections::HashMap;

/// How long one request may take before the reader is told it timed out.
pub const TIMEOUT_MS: u32 = 10_000;
/// Bucket files larger than this are refused rather than parsed (a listing is ~10 KB).
pub const MAX_BYTES: u64 = 5 * 1024 * 1024;
/// Waits before each retry of a transient failure (network error, 5xx).
const RETRY_DELAYS_MS: [u32; 2] = [300, 1_200];

/// Maps an HTTP answer's status and content type to an error, or None when it is content.
pub fn classify_response(
    file: &str,
    status: u16,
    content_type: Option<&str>,
) -> Option<ContentError> {
    let file = file.to_owned();
    match status {
        200..=299 => {
            let ct = content_type.unwrap_or("").to_ascii_lowercase();
            if ct.contains("json") {
                None
            } else if ct.starts_with("text/html") {
                // A static host's SPA fallback answers a missing file with index.html.
                Some(ContentError::NotFound { file })
            } else {
                Some(ContentError::Malformed {
                    file,
                    detail: format!(
                        "served as {:?}, not JSON",
                        content_type.unwrap_or("nothing")
                    ),
                })
            }
        }
        404 | 410 => Some(ContentError::NotFound { file }),
        403 => Some(ContentError::Forbidden { file }),
        _ => Some(ContentError::Server { file, status }),
    }
}

/// The bucket base URL from `<meta name="content-base">`, always ending in `/`.
#[cfg(not(feature = "prerender"))]
pub fn content_base() -> String {
    let from_meta = crate::browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name='content-base']").ok().flatten())
        .and_then(|m| m.get_attribute("content"));
    normalise_base(from_meta.as_deref())
}

/// The bucket base URL the build renders pages for.
#[cfg(feature = "prerender")]
pub fn content_base() -> String {
    crate::prerender::content_base()
}

/// Adds the trailing slash a base needs and falls back to `/content/`.
pub fn normalise_base(base: Option<&str>) -> String {
    match base.map(str::trim) {
        Some(b) if !b.is_empty() => {
            if b.ends_with('/') {
                b.to_owned()
            } else {
                format!("{b}/")
            }
        }
        _ => "/content/".to_owned(),
    }
}

/// An image URL from the bucket the browser can load, or None when it is not safe to.
pub fn asset_url(src: &str) -> Option<String> {
    model::url::resolve_asset(src, &content_base())
}

thread_local! {
    /// Fetched file texts by bucket path: back/forward and revisits cost nothing.
    static CACHE: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

#[cfg(not(feature = "prerender"))]
async fn fetch_once(file: &str) -> Result<String, ContentError> {
    let url = format!("{}{}", content_base(), file);
    let guard = AbortOnDrop::new();
    let signal = guard.signal();
    let request = gloo_net::http::Request::get(&url).abort_signal(signal.as_ref());
    let work = async {
        let response = request.send().await.map_err(|_| {
            if crate::browser::is_offline() {
                ContentError::Offline
            } else {
                ContentError::Network {
                    file: file.to_owned(),
                }
            }
        })?;
        let headers = response.headers();
        if let Some(err) = classify_response(
            file,
            response.status(),
            headers.get("content-type").as_deref(),
        ) {
            return Err(err);
        }
        let length = headers
            .get("content-length")
            .and_then(|l| l.parse::<u64>().ok());
        if length.is_some_and(|l| l > MAX_BYTES) {
            return Err(ContentError::TooLarge {
                file: file.to_owned(),
            });
        }
        let text = response.text().await.map_err(|_| ContentError::Network {
            file: file.to_owned(),
        })?;
        if text.len() as u64 > MAX_BYTES {
            return Err(ContentError::TooLarge {
                file: file.to_owned(),
            });
        }
        Ok(text)
    };
    let timeout = sleep(TIMEOUT_MS);
    futures::pin_mut!(work, timeout);
    match select(work, timeout).await {
        Either::Left((result, _)) => result,
        // Dropping `work` here aborts the request through the guard.
        Either::Right(_) => Err(ContentError::TimedOut {
            file: file.to_owned(),
        }),
    }
}

/// How long to wait before retry number `attempt + 1` after `error`, or None to give up:
/// only transient errors are retried, at most [`RETRY_DELAYS_MS`]`.len()` times, each wait
/// plus up to 200 ms of jitter (`random` in 0..1) so many readers don't retry in step.
pub fn retry_delay(error: &ContentError, attempt: usize, random: f64) -> Option<u32> {
    if !error.is_transient() {
        return None;
    }
    let base = *RETRY_DELAYS_MS.get(attempt)?;
    Some(base + (random.clamp(0.0, 1.0) * 200.0) as u32)
}

/// Reads one bucket file's text from disk, at build time.
#[cfg(feature = "prerender")]
async fn fetch_text(file: &str) -> Result<String, ContentError> {
    crate::prerender::read(file)
}

/// Fetches one bucket file's text, retrying transient failures with backoff.
#[cfg(not(feature = "prerender"))]
async fn fetch_text(file: &str) -> Result<String, ContentError> {
    let mut attempt = 0;
    loop {
        match fetch_once(file).await {
            Ok(text) => return Ok(text),
            Err(e) => match retry_delay(&e, attempt, js_sys::Math::random()) {
                Some(ms) => {
                    sleep(ms).await;
                    attempt += 1;
                }
                None => {
                    leptos::logging::warn!("content: {file}: {e:?}");
                    return Err(e);
                }
            },
        }
    }
}

thread_local! {
    /// Files being prefetched now, so a second hover does not ask again.
    static PREFETCHING: RefCell<std::collections::HashSet<String>> = RefCell::new(Default::default());
}

/// Fetches and decodes one bucket file, retrying transient failures with backoff.
#[cfg(not(feature = "prerender"))]
pub async fn fetch<T: DeserializeOwned>(file: String) -> Result<T, ContentError> {
    if let Some(text) = CACHE.with(|c| c.borrow().get(&file).cloned()) {
        return Ok(decode(&file, &text)?);
    }
    let text = fetch_text(&file).await?;
    let value = decode(&file, &text).inspect_err(|e| leptos::logging::warn!("content: {e}"))?;
    CACHE.with(|c| c.borrow_mut().insert(file, text));
    Ok(value)
}

/// Reads and decodes one bucket file at build time: uncached, since caching every article
/// would hold the whole archive in memory.
#[cfg(feature = "prerender")]
pub async fn fetch<T: DeserializeOwned>(file: String) -> Result<T, ContentError> {
    let text = fetch_text(&file).await?;
    Ok(decode(&file, &text)?)
}

/// Starts fetching a bucket file into the cache ahead of need (a card hovered or focused), so
/// the visit that follows finds it there. A page that asks before it has arrived fetches on its
/// own (awaiting the prefetch from the page's resource exposed a reactive panic on back
/// navigation). Failures are left for the visit to report.
pub fn prefetch(file: String) {
    if cfg!(feature = "prerender") {
        return;
    }
    let known = CACHE.with(|c| c.borrow().contains_key(&file))
        || !PREFETCHING.with(|p| p.borrow_mut().insert(file.clone()));
    if known {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(text) = fetch_text(&file).await {
            // Decoded (and checked) by whichever page reads it; the text is what is cached.
            CACHE.with(|c| {
                c.borrow_mut().entry(file.clone()).or_insert(text);
            });
        }
        PREFETCHING.with(|p| p.borrow_mut().remove(&file));
    });
}

/// Prefetches `articles/{slug}.json` (see [`prefetch`]).
pub fn prefetch_article(slug: &Slug) {
    prefetch(paths::article(slug));
}

/// `site.json`.
pub async fn site() -> Result<model::Site, ContentError> {
    fetch(paths::site()).await
}

/// `articles/{slug}.json`.
/// Offline, an article that is not on this device says so (it may be saved next time).
pub async fn article(slug: Slug) -> Result<model::Article, ContentError> {
    fetch(paths::article(&slug)).await.map_err(|e| match e {
        ContentError::Offline => ContentError::NotSaved,
        e => e,
    })
}

/// `drafts/{slug}.json`: an unpublished draft (only in buckets built with `press build --drafts`).
pub async fn draft(slug: Slug) -> Result<model::Article, ContentError> {
    fetch(paths::draft(&slug)).await
}

/// `topics.json`: every topic, in editorial order.
pub async fn topics() -> Result<model::Topics, ContentError> {
    fetch(paths::topics()).await
}

/// `index/{page}.json`: a page of the home page's listing.
pub async fn home_page(page: u32) -> Result<model::Listing, ContentError> {
    fetch(paths::home_page(page)).await
}

/// `pages/{slug}.json`.
pub async fn page(slug: Slug) -> Result<model::Page, ContentError> {
    fetch(paths::page(&slug)).await
}

/// `topics/{slug}/{page}.json`.
pub async fn topic(slug: Slug, page: u32) -> Result<model::Listing, ContentError> {
    fetch(paths::topic_page(&slug, page)).await
}

/// `podcasts.json`: every show with its newest episodes.
pub async fn podcasts() -> Result<model::Podcasts, ContentError> {
    fetch(paths::podcasts()).await
}

/// `podcasts/{slug}/{page}.json`: a page of a show's episodes, with the show.
pub async fn show(slug: Slug, page: u32) -> Result<model::Listing, ContentError> {
    fetch(paths::show_page(&slug, page)).await
}

/// `archive.json`: the years with articles.
pub async fn archive_years() -> Result<model::ArchiveYears, ContentError> {
    fetch(paths::archive_years()).await
}

/// `archive/{year}/{page}.json`.
pub async fn archive(year: u16, page: u32) -> Result<model::Listing, ContentError> {
    fetch(paths::archive_page(year, page)).await
}

/// `search/manifest.json`: how the search index is sharded.
pub async fn search_manifest() -> Result<model::SearchManifest, ContentError> {
    fetch(paths::search_manifest()).await
}

/// `search/terms/{shard}.json`.
pub async fn search_terms(shard: u32) -> Result<model::SearchTermShard, ContentError> {
    fetch(paths::search_terms(shard)).await
}

/// `search/docs/{shard}.json`.
pub async fn search_docs(shard: u32) -> Result<model::SearchDocShard, ContentError> {
    fetch(paths::search_docs(shard)).await
}

/// `contributors.json`: the contributors page, the masthead's sections of people.
pub async fn contributors() -> Result<model::Masthead, ContentError> {
    fetch(paths::contributors()).await
}

/// `contributors/{slug}.json`: one contributor's profile.
pub async fn contributor(slug: Slug) -> Result<model::Contributor, ContentError> {
    fetch(paths::contributor(&slug)).await
}

/// `contributors/{slug}/{page}.json`: one page of a contributor's articles.
pub async fn contributor_articles(slug: Slug, page: u32) -> Result<model::Listing, ContentError> {
    fetch(paths::contributor_articles(&slug, page)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_where_json_belongs_is_not_found() {
        let e = classify_response("articles/x.json", 200, Some("text/html; charset=utf-8"));
        assert_eq!(
            e,
            Some(ContentError::NotFound {
                file: "articles/x.json".into()
            })
        );
    }

    #[test]
    fn statuses_map_to_specific_errors() {
        assert_eq!(
            classify_response("a.json", 200, Some("application/json")),
            None
        );
        assert_eq!(
            classify_response("a.json", 200, Some("application/json; charset=utf-8")),
            None
        );
        assert!(classify_response("a.json", 404, None)
            .unwrap()
            .is_not_found());
        assert!(matches!(
            classify_response("a.json", 403, None),
            Some(ContentError::Forbidden { .. })
        ));
        let e = classify_response("a.json", 503, None).unwrap();
        assert!(e.is_transient());
        assert!(e.to_string().contains("503"));
        assert!(!classify_response("a.json", 404, None)
            .unwrap()
            .is_transient());
        assert!(matches!(
            classify_response("a.json", 200, Some("text/plain")),
            Some(ContentError::Malformed { .. })
        ));
    }

    #[test]
    fn only_transient_errors_are_retried_with_growing_waits() {
        let server = ContentError::Server {
            file: "a.json".into(),
            status: 503,
        };
        let network = ContentError::Network {
            file: "a.json".into(),
        };
        assert_eq!(retry_delay(&server, 0, 0.0), Some(300));
        assert_eq!(retry_delay(&server, 1, 0.0), Some(1_200));
        assert_eq!(
            retry_delay(&server, 2, 0.0),
            None,
            "two retries, then the reader is told"
        );
        assert_eq!(retry_delay(&network, 0, 0.999), Some(499));
        assert_eq!(
            retry_delay(&network, 0, 7.0),
            Some(500),
            "jitter stays under 200 ms"
        );
        for permanent in [
            ContentError::Server {
                file: "a.json".into(),
                status: 418,
            },
            ContentError::Forbidden {
                file: "a.json".into(),
            },
            ContentError::NotFound {
                file: "a.json".into(),
            },
            ContentError::TimedOut {
                file: "a.json".into(),
            },
            ContentError::TooLarge {
                file: "a.json".into(),
            },
            ContentError::Offline,
        ] {
            assert_eq!(retry_delay(&permanent, 0, 0.0), None, "{permanent:?}");
        }
    }

    #[test]
    fn base_always_ends_in_slash() {
        assert_eq!(normalise_base(Some("/content")), "/content/");
        assert_eq!(
            normalise_base(Some("https://c.example.org/")),
            "https://c.example.org/"
        );
        assert_eq!(normalise_base(Some("  ")), "/content/");
        assert_eq!(normalise_base(None), "/content/");
    }
}
