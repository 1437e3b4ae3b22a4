//! Performance marks for the benchmarks (`cargo xtask bench`, tests/bench/page-load.mjs),
//! which compare the app's first article paint with a static page of the same article.

/// Set once an article body is in the document (the bench times the next frame from it).
pub const ARTICLE_RENDERED: &str = "article-rendered";

/// `performance.mark(name)`; nothing where the Performance API is missing (it only feeds benchmarks).
pub fn mark(name: &str) {
    if let Some(p) = crate::browser::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}
