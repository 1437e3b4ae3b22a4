//! Search over the bucket's sharded index: a query loads only the term shards of its
//! terms and the document shards of the results it shows, and only when search is used.
//! The steps are `model::search`'s; this module only fetches what they ask for.

use crate::api::{self, ContentError};
use futures::future::try_join_all;
use model::search::{doc_shards, pick_docs, Query, MAX_RESULTS};
use model::SearchDoc;

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

/// Runs a query against the bucket's index.
pub async fn search(query: &str) -> Result<Results, ContentError> {
    if model::search::terms(query).is_empty() {
        return Ok(Results {
            terms: Vec::new(),
            docs: Vec::new(),
            total: 0,
        });
    }
    let manifest = api::search_manifest().await?;
    let q = Query::new(query, &manifest);
    let loaded = try_join_all(q.term_shards.iter().map(|&s| api::search_terms(s))).await?;
    let ranked = q.rank(&loaded.iter().collect::<Vec<_>>());
    let total = ranked.len();
    let shown: Vec<u32> = ranked.into_iter().take(MAX_RESULTS).collect();
    let needed = doc_shards(&shown, manifest.docs_per_shard);
    let doc_files = try_join_all(needed.iter().map(|&s| api::search_docs(s))).await?;
    let docs = pick_docs(&shown, &needed, &doc_files, manifest.docs_per_shard);
    Ok(Results {
        terms: q.terms,
        docs,
        total,
    })
}
