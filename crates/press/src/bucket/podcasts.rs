//! `podcasts.json` (every show with its newest episodes) and each show's RSS feed
//! (`podcasts/{slug}/feed.xml`); the shows' episode listings are written with the others
//! (`listings.rs`).

use super::articles::Prepared;
use super::{Catalog, Out};
use crate::xml::{self, FeedUrls};
use anyhow::Result;
use model::source::ShowSource;
use model::{paths, Article, ArticleSummary, Podcasts, SchemaVersion, Show, ShowCard};
use rayon::prelude::*;

/// How many of its newest episodes a show's card on `/podcasts` lists.
pub const LATEST_EPISODES: usize = 3;

/// The bucket's `Show` for a show file, with its feed's URL and episode count.
pub(super) fn show(cat: &Catalog, s: &ShowSource) -> Show {
    Show {
        slug: s.slug.clone(),
        title: s.title.clone(),
        description: s.description.clone(),
        hosts: s.hosts.iter().map(|h| cat.names.author(h)).collect(),
        artwork: s.artwork.clone(),
        language: s.language.clone(),
        categories: s.categories.clone(),
        advisory: s.advisory,
        show_type: s.show_type,
        feed_url: format!("{}/{}", cat.bucket_url, paths::show_feed(&s.slug)),
        episode_count: episodes(cat, s).len() as u32,
    }
}

/// A show's episodes, newest first, as indexes into the catalog's sources.
pub(super) fn episodes<'c>(cat: &'c Catalog, s: &ShowSource) -> &'c [usize] {
    cat.by_show.get(s.slug.as_str()).map_or(&[], Vec::as_slice)
}

/// Writes `podcasts.json` and every show's feed.
pub(super) fn write(
    out: &Out,
    cat: &Catalog,
    summaries: &[ArticleSummary],
    prepared: &[Prepared],
) -> Result<()> {
    let shows: Vec<Show> = cat.content.shows.iter().map(|s| show(cat, s)).collect();
    out.json(
        &paths::podcasts(),
        &Podcasts {
            schema_version: SchemaVersion::default(),
            shows: cat
                .content
                .shows
                .iter()
                .zip(&shows)
                .map(|(s, show)| ShowCard {
                    show: show.clone(),
                    latest: episodes(cat, s)
                        .iter()
                        .take(LATEST_EPISODES)
                        .map(|&i| summaries[i].clone())
                        .collect(),
                })
                .collect(),
        },
    )?;
    let urls = FeedUrls {
        site_url: &cat.site_url,
        bucket_url: &cat.bucket_url,
    };
    cat.content
        .shows
        .par_iter()
        .zip(&shows)
        .try_for_each(|(s, show)| {
            let items: Vec<&Article> = episodes(cat, s)
                .iter()
                .map(|&i| &prepared[i].article)
                .collect();
            out.bytes(
                &paths::show_feed(&s.slug),
                xml::podcast_feed(&cat.site, &urls, show, &items).as_bytes(),
            )
        })
}
