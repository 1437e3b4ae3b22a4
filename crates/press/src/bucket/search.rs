//! `search/`: the documents and fields [`crate::search`] indexes, and its shards written out.

use super::articles::Prepared;
use super::{Catalog, Out};
use crate::search::{
    build_index, DocInput, BODY_CAP, WEIGHT_AUTHOR, WEIGHT_BODY, WEIGHT_DEK, WEIGHT_TITLE,
    WEIGHT_TOPIC,
};
use anyhow::Result;
use model::source::ContributorSource;
use model::{markdown, paths, SearchDoc};
use rayon::prelude::*;

/// Characters of excerpt in a search result.
pub const SEARCH_EXCERPT_CHARS: usize = 100;

/// Indexes the published articles and the contributors, then writes the manifest and
/// every shard. Takes `prepared` so the article bodies are freed before the index is built.
pub(super) fn write(out: &Out, cat: &Catalog, prepared: Vec<Prepared>) -> Result<()> {
    let mut docs: Vec<DocInput> = prepared.iter().map(article_doc).collect();
    drop(prepared);
    docs.extend(cat.content.contributors.iter().map(contributor_doc));
    let index = build_index(docs);
    out.json(&paths::search_manifest(), &index.manifest)?;
    index
        .term_shards
        .par_iter()
        .enumerate()
        .try_for_each(|(i, s)| out.json(&paths::search_terms(i as u32), s))?;
    index
        .doc_shards
        .par_iter()
        .enumerate()
        .try_for_each(|(i, s)| out.json(&paths::search_docs(i as u32), s))
}

fn article_doc(p: &Prepared) -> DocInput {
    let a = &p.article;
    let authors = a
        .authors
        .iter()
        .map(|x| x.name.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let topics = a
        .topics
        .iter()
        .map(|x| x.name.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    DocInput {
        doc: SearchDoc::Article {
            slug: a.slug.clone(),
            title: a.title.clone(),
            authors: a.authors.clone(),
            published_at: a.published_at,
            excerpt: shorten(&a.excerpt, SEARCH_EXCERPT_CHARS),
        },
        fields: vec![
            (a.title.clone(), WEIGHT_TITLE, u32::MAX),
            (a.dek.clone(), WEIGHT_DEK, u32::MAX),
            (authors, WEIGHT_AUTHOR, u32::MAX),
            (topics, WEIGHT_TOPIC, u32::MAX),
            (p.body_text.clone(), WEIGHT_BODY, BODY_CAP),
        ],
    }
}

fn contributor_doc(c: &ContributorSource) -> DocInput {
    let summary = contributor_summary(c);
    DocInput {
        doc: SearchDoc::Contributor {
            slug: c.slug.clone(),
            name: c.name.clone(),
            summary: summary.clone(),
        },
        fields: vec![
            (c.name.clone(), WEIGHT_TITLE, u32::MAX),
            (summary, WEIGHT_DEK, u32::MAX),
            (markdown::plain_text(&c.bio), WEIGHT_BODY, BODY_CAP),
        ],
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

fn contributor_summary(c: &ContributorSource) -> String {
    let mut parts: Vec<&str> = c.roles.iter().map(String::as_str).collect();
    if let Some(a) = &c.affiliation {
        parts.push(a);
    }
    parts.join("; ")
}
