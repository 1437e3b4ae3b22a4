//! Search over the bucket's sharded index: a query loads only the term shards of its
//! terms and the document shards of the results it shows, and only when search is used.

use crate::api::{self, ContentError};
use futures::future::try_join_all;
use model::search::{rank, terms};
use model::{paths::term_shard, SearchDoc};
use std::collections::BTreeSet;

/// At most this many results are shown for one query.
pub const MAX_RESULTS: usize = 30;

/// The results of one query.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// The query's normalised terms (empty: nothing searchable was typed).
    pub terms: Vec<String>,
    /// Matching documents, best first, at most [`MAX_RESULTS`].
    pub docs: Vec<SearchDoc>,
    /// How many documents matched in all.
    pub total: usize,
}

/// The document shards that hold `ids`, each once, in order.
pub fn doc_shards(ids: &[u32], docs_per_shard: u32) -> Vec<u32> {
    ids.iter()
        .map(|id| id / docs_per_shard.max(1))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// Runs a query against the bucket's index.
pub async fn search(query: &str) -> Result<Results, ContentError> {
    let terms = terms(query);
    if terms.is_empty() {
        return Ok(Results {
            terms,
            docs: Vec::new(),
            total: 0,
        });
    }
    let manifest = api::search_manifest().await?;
    let shards: Vec<u32> = terms
        .iter()
        .map(|t| term_shard(t, manifest.term_shards))
        .collect();
    let loaded = try_join_all(shards.iter().map(|&s| api::search_terms(s))).await?;
    let postings: Vec<Option<&[(u32, u16)]>> = terms
        .iter()
        .zip(&loaded)
        .map(|(t, shard)| shard.terms.get(t).map(Vec::as_slice))
        .collect();
    let ranked = rank(&postings);
    let total = ranked.len();
    let shown: Vec<u32> = ranked.into_iter().take(MAX_RESULTS).collect();
    let per = manifest.docs_per_shard.max(1);
    let needed = doc_shards(&shown, per);
    let doc_files = try_join_all(needed.iter().map(|&s| api::search_docs(s))).await?;
    let docs = shown
        .iter()
        .filter_map(|id| {
            let shard = needed.iter().position(|&s| s == id / per)?;
            doc_files[shard].docs.get((id % per) as usize).cloned()
        })
        .collect();
    Ok(Results { terms, docs, total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_shards_are_unique_and_sorted() {
        assert_eq!(doc_shards(&[250, 3, 120, 7], 100), [0, 1, 2]);
        assert_eq!(doc_shards(&[], 100), Vec::<u32>::new());
        assert_eq!(doc_shards(&[5], 0), [5]);
    }
}
