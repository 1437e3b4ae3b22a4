//! `articles/{slug}.json` (with related articles), the summaries every listing shows,
//! and `drafts/{slug}.json`.

use super::{Catalog, Names, Out};
use crate::build::BuildOptions;
use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use model::markdown;
use model::source::ArticleSource;
use model::{paths, Article, ArticleSummary, Image, Site, Slug};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::IsTerminal;

/// Characters of plain text in an excerpt (cards, meta descriptions).
pub const EXCERPT_CHARS: usize = model::source::EXCERPT_CHARS;
/// How many related articles an article lists.
pub const RELATED: usize = 3;

/// An article with everything derived from its body.
pub(super) struct Prepared {
    pub(super) article: Article,
    pub(super) summary: ArticleSummary,
    pub(super) featured: bool,
    pub(super) body_text: String,
}

/// Prepares the published articles (newest first, as `cat.sources`) and writes their
/// files. Returns them and their summaries, which the other kinds of file are made of.
pub(super) fn write(
    out: &Out,
    cat: &Catalog,
    opts: &BuildOptions,
) -> Result<(Vec<Prepared>, Vec<ArticleSummary>)> {
    let n = cat.sources.len();
    let bar = progress(opts, 2 * n as u64);
    bar.set_message("reading");
    let mut prepared: Vec<Prepared> = cat
        .sources
        .par_iter()
        .map(|a| {
            let p = prepare(a, &cat.site, &cat.names);
            bar.inc(1);
            p
        })
        .collect();
    let related_of: Vec<Vec<usize>> = cat
        .sources
        .par_iter()
        .enumerate()
        .map(|(i, a)| related(Some(i), &a.topics, &cat.by_topic, n))
        .collect();
    let summaries: Vec<ArticleSummary> = prepared.iter().map(|p| p.summary.clone()).collect();
    for (p, rel) in prepared.iter_mut().zip(&related_of) {
        p.article.related = rel.iter().map(|&i| summaries[i].clone()).collect();
    }

    bar.set_message("writing");
    prepared.par_iter().try_for_each(|p| -> Result<()> {
        out.json(&paths::article(&p.article.slug), &p.article)?;
        bar.inc(1);
        Ok(())
    })?;
    bar.finish_and_clear();
    Ok((prepared, summaries))
}

/// Writes `drafts/{slug}.json`: drafts are related to published articles, never to
/// each other, so the preview shows what publishing would.
pub(super) fn write_drafts(out: &Out, cat: &Catalog, summaries: &[ArticleSummary]) -> Result<()> {
    let n = cat.sources.len();
    cat.content
        .drafts
        .par_iter()
        .try_for_each(|d| -> Result<()> {
            let mut p = prepare(d, &cat.site, &cat.names);
            p.article.related = related(None, &d.topics, &cat.by_topic, n)
                .iter()
                .map(|&i| summaries[i].clone())
                .collect();
            out.json(&paths::draft(&d.slug), &p.article)
        })
}

fn progress(opts: &BuildOptions, len: u64) -> ProgressBar {
    if !opts.progress || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len} ({elapsed})")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

fn prepare(a: &ArticleSource, site: &Site, names: &Names) -> Prepared {
    let body_text = markdown::plain_text(&a.body);
    // One conversion for press and the staff preview, so a preview shows what gets published.
    let mut article = a.to_article(
        &site.url,
        |s| names.author(s),
        |s| names.topic(s),
        |s| names.show(s),
    );
    if let Some(episode) = article.episode.as_mut() {
        episode.artwork = names.show_artwork(&episode.show.slug);
    }
    let reading_time = article.reading_time;
    let (authors, topics) = (article.authors.clone(), article.topics.clone());
    let summary = ArticleSummary {
        slug: a.slug.clone(),
        title: a.title.clone(),
        dek: a.dek.clone(),
        kind: a.kind,
        published_at: a.published,
        authors,
        topics,
        // Cards show neither captions nor credits.
        feature_image: a.image.clone().map(|i| Image {
            caption: None,
            credit: None,
            ..i
        }),
        reading_time,
    };
    Prepared {
        article,
        summary,
        featured: a.featured,
        body_text,
    }
}

/// Up to [`RELATED`] articles sharing a topic with `topics` (newest first), else the latest.
/// `order` indexes are newest first; `by_topic` lists them per topic.
fn related(
    own: Option<usize>,
    topics: &[Slug],
    by_topic: &HashMap<&str, Vec<usize>>,
    total: usize,
) -> Vec<usize> {
    let mut picked: Vec<usize> = Vec::new();
    for t in topics {
        if let Some(list) = by_topic.get(t.as_str()) {
            picked.extend(
                list.iter()
                    .copied()
                    .filter(|&i| Some(i) != own)
                    .take(RELATED),
            );
        }
    }
    picked.sort_unstable();
    picked.dedup();
    picked.truncate(RELATED);
    let mut i = 0;
    while picked.len() < RELATED && i < total {
        if Some(i) != own && !picked.contains(&i) {
            picked.push(i);
        }
        i += 1;
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn related_prefers_shared_topics_then_latest() {
        let t = |s: &str| Slug::parse(s).unwrap();
        let by_topic: HashMap<&str, Vec<usize>> =
            [("a", vec![0, 3, 5, 7]), ("b", vec![1, 2])].into();
        assert_eq!(related(Some(3), &[t("a")], &by_topic, 10), [0, 5, 7]);
        assert_eq!(related(Some(2), &[t("b")], &by_topic, 10), [1, 0, 3]);
        assert_eq!(related(None, &[t("b"), t("a")], &by_topic, 10), [0, 1, 2]);
    }
}
