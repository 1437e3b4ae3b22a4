//! `oembed/{slug}.json`: what a partner's oEmbed consumer reads to embed an article; none for
//! podcast episodes, which may not be republished without the written permission of their
//! hosts and of Convergence.

use super::articles::Prepared;
use super::{Catalog, Out};
use anyhow::Result;
use model::route::AppRoute;
use model::{paths, Article, OEmbed, SchemaVersion, Site};
use rayon::prelude::*;

/// The oEmbed iframe's suggested size.
pub const EMBED_SIZE: (u32, u32) = (600, 400);

/// Writes one oEmbed response per published article that is not a podcast episode.
pub(super) fn write(out: &Out, cat: &Catalog, prepared: &[Prepared]) -> Result<()> {
    prepared
        .par_iter()
        .filter(|p| p.article.kind.may_republish())
        .try_for_each(|p| {
            let a = &p.article;
            out.json(&paths::oembed(&a.slug), &oembed(&cat.site, a))
        })
}

fn oembed(site: &Site, a: &Article) -> OEmbed {
    let url = site.url.trim_end_matches('/');
    let (width, height) = EMBED_SIZE;
    let src = model::embed::embed_url(url, &a.slug, model::embed::Variant::Card);
    let html = model::embed::iframe_snippet(
        &src,
        &format!("{} — {}", a.title, site.title),
        width,
        height,
    );
    OEmbed {
        schema_version: SchemaVersion::default(),
        version: "1.0".into(),
        kind: "rich".into(),
        title: a.title.clone(),
        author_name: model::text::byline(&a.authors),
        author_url: a.authors.first().map_or_else(
            || url.to_owned(),
            |au| AppRoute::contributor(au.slug.clone()).absolute(url),
        ),
        provider_name: site.title.clone(),
        provider_url: url.to_owned(),
        html,
        width,
        height,
    }
}
