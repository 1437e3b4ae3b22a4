//! The catalog and helpers the tests of several files share.

use super::{Catalog, Diagnostic};
use std::collections::BTreeSet;

/// A catalog of a small magazine: articles `a` and `b` (2012), draft `d`, one contributor,
/// two topics, the page `about`, one image, years 2012 and 2023, the show `black-work-talk`
/// and a 1,000-byte audio file.
pub(super) fn catalog() -> Catalog {
    let mut c = Catalog {
        topics: Some(["strategy", "elections"].map(String::from).into()),
        images: Some(BTreeSet::from(["images/x.jpg".to_owned()])),
        years: Some(BTreeSet::from([2012, 2023])),
        site_url: Some("https://convergencemag.com".into()),
        audio: Some([("audio/tone.mp3".to_owned(), 1000)].into()),
        ..Catalog::default()
    };
    for p in [
        "articles/a.md",
        "articles/2012/b.md",
        "drafts/d.md",
        "contributors/maurice-mitchell.md",
        "pages/about.md",
        "shows/black-work-talk.md",
    ] {
        c.add_path(p);
    }
    c
}

/// The first diagnostic's headline, or nothing.
pub(super) fn first(p: &[Diagnostic]) -> String {
    p.first().map(Diagnostic::headline).unwrap_or_default()
}
