//! The sharded search index: `search/manifest.json`, `search/terms/{n}.json`,
//! `search/docs/{n}.json` (see docs/bucket.md, "Search").

use crate::terms::for_each_term;
use model::{SchemaVersion, SearchDoc, SearchDocShard, SearchManifest, SearchTermShard};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// Aim for term shards of about this many bytes of JSON…
pub const TARGET_SHARD_BYTES: usize = 16 * 1024;
/// …and never let a term or document shard exceed this.
pub const MAX_SHARD_BYTES: usize = 30 * 1024;
/// Postings kept per term, best first: a very common word keeps its best documents only,
/// so no single term can outgrow a shard.
pub const MAX_POSTINGS: usize = 400;
/// Per field occurrence weights.
pub const WEIGHT_TITLE: u32 = 16;
/// Weight of a byline (or a contributor's name).
pub const WEIGHT_AUTHOR: u32 = 12;
/// Weight of a topic name.
pub const WEIGHT_TOPIC: u32 = 8;
/// Weight of the dek (or a contributor's roles).
pub const WEIGHT_DEK: u32 = 4;
/// Weight of one occurrence in the body…
pub const WEIGHT_BODY: u32 = 1;
/// …up to this much from the body for one term.
pub const BODY_CAP: u32 = 10;

/// One document to index: what a result shows, and its text by field.
#[derive(Debug, Clone)]
pub struct DocInput {
    /// The result.
    pub doc: SearchDoc,
    /// `(text, weight per occurrence, cap for this field)`.
    pub fields: Vec<(String, u32, u32)>,
}

/// The whole index, ready to write.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// `search/manifest.json`.
    pub manifest: SearchManifest,
    /// `search/terms/{n}.json`, n from 0.
    pub term_shards: Vec<SearchTermShard>,
    /// `search/docs/{n}.json`, n from 0.
    pub doc_shards: Vec<SearchDocShard>,
}

/// Weighs the terms of one document.
pub fn doc_terms(fields: &[(String, u32, u32)]) -> Vec<(String, u16)> {
    let mut total: HashMap<String, u32> = HashMap::new();
    for (text, weight, cap) in fields {
        let mut owned: Vec<(String, u32)> = Vec::new();
        {
            let mut counts: HashMap<String, u32> = HashMap::new();
            for_each_term(text, |t| {
                if let Some(c) = counts.get_mut(t) {
                    *c += weight;
                } else {
                    counts.insert(t.to_owned(), *weight);
                }
            });
            owned.extend(counts.into_iter().map(|(t, c)| (t, c.min(*cap))));
        }
        for (t, w) in owned {
            *total.entry(t).or_default() += w;
        }
    }
    let mut out: Vec<(String, u16)> = total
        .into_iter()
        .map(|(t, w)| (t, w.min(u32::from(u16::MAX)) as u16))
        .collect();
    out.sort_unstable();
    out
}

fn digits(n: u32) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// Bytes a term's entry takes in a shard's compact JSON: `"term":[[id,w],…],`.
fn entry_bytes(term: &str, postings: &[(u32, u16)]) -> usize {
    let body: usize = postings
        .iter()
        .map(|&(d, w)| digits(d) + digits(u32::from(w)) + 4)
        .sum();
    serde_json::to_string(term).map_or(term.len() + 2, |s| s.len()) + 3 + body
}

/// Builds the index from documents in id order (a document's id is its position).
pub fn build_index(docs: Vec<DocInput>) -> SearchIndex {
    let per_doc: Vec<Vec<(String, u16)>> = docs.par_iter().map(|d| doc_terms(&d.fields)).collect();
    let mut postings: HashMap<String, Vec<(u32, u16)>> = HashMap::new();
    for (id, terms) in per_doc.into_iter().enumerate() {
        for (t, w) in terms {
            postings.entry(t).or_default().push((id as u32, w));
        }
    }
    let mut terms: Vec<(String, Vec<(u32, u16)>)> = postings.into_iter().collect();
    terms.par_iter_mut().for_each(|(_, p)| {
        p.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        p.truncate(MAX_POSTINGS);
    });
    let sizes: Vec<usize> = terms.iter().map(|(t, p)| entry_bytes(t, p)).collect();
    let total: usize = sizes.iter().sum();
    let mut shards = (total.div_ceil(TARGET_SHARD_BYTES)).max(1) as u32;
    loop {
        let mut per = vec![40usize; shards as usize];
        for ((t, _), s) in terms.iter().zip(&sizes) {
            per[model::paths::term_shard(t, shards) as usize] += s;
        }
        if per.iter().all(|&b| b <= MAX_SHARD_BYTES) {
            break;
        }
        shards = shards + shards / 4 + 1;
    }
    let mut term_shards: Vec<BTreeMap<String, Vec<(u32, u16)>>> =
        vec![BTreeMap::new(); shards as usize];
    for (t, p) in terms {
        term_shards[model::paths::term_shard(&t, shards) as usize].insert(t, p);
    }

    let largest_doc = docs
        .iter()
        .map(|d| serde_json::to_vec(&d.doc).map_or(1024, |v| v.len()) + 1)
        .max()
        .unwrap_or(1);
    let docs_per_shard = ((MAX_SHARD_BYTES - 64) / largest_doc).clamp(1, 1000);
    let documents = docs.len() as u32;
    let all: Vec<SearchDoc> = docs.into_iter().map(|d| d.doc).collect();
    let doc_shards = all
        .chunks(docs_per_shard)
        .map(|c| SearchDocShard {
            schema_version: SchemaVersion::default(),
            docs: c.to_vec(),
        })
        .collect();

    SearchIndex {
        manifest: SearchManifest {
            schema_version: SchemaVersion::default(),
            term_shards: shards,
            docs_per_shard: docs_per_shard as u32,
            documents,
        },
        term_shards: term_shards
            .into_iter()
            .map(|terms| SearchTermShard {
                schema_version: SchemaVersion::default(),
                terms,
            })
            .collect(),
        doc_shards,
    }
}

/// Looks a query up in an index held in memory with the app's own steps
/// (`model::search::Query`): every term must match; ranked by summed weights.
pub fn query(index: &SearchIndex, q: &str) -> Vec<u32> {
    let q = model::search::Query::new(q, &index.manifest);
    let shards: Vec<&SearchTermShard> = q
        .term_shards
        .iter()
        .map(|&s| &index.term_shards[s as usize])
        .collect();
    q.rank(&shards)
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::Slug;

    fn doc(i: usize, title: &str, body: &str) -> DocInput {
        DocInput {
            doc: SearchDoc::Contributor {
                slug: Slug::parse(&format!("d{i}")).unwrap(),
                name: title.into(),
                summary: String::new(),
            },
            fields: vec![
                (title.into(), WEIGHT_TITLE, u32::MAX),
                (body.into(), WEIGHT_BODY, BODY_CAP),
            ],
        }
    }

    #[test]
    fn titles_outrank_bodies_and_all_terms_must_match() {
        let idx = build_index(vec![
            doc(0, "Arizona organizing", "power power power"),
            doc(1, "Something else", "organizing in Arizona builds power"),
            doc(2, "Power", "nothing"),
        ]);
        assert_eq!(query(&idx, "power"), [2, 0, 1]);
        assert_eq!(query(&idx, "Arizona POWER"), [0, 1]);
        assert!(query(&idx, "absent").is_empty());
    }

    #[test]
    fn shards_stay_small() {
        let docs = (0..3000)
            .map(|i| {
                doc(
                    i,
                    &format!("title{i}"),
                    &format!("common word{} word{} w{}", i % 97, i % 13, i),
                )
            })
            .collect();
        let idx = build_index(docs);
        assert!(idx.manifest.term_shards > 1);
        for s in &idx.term_shards {
            assert!(serde_json::to_vec(s).unwrap().len() <= MAX_SHARD_BYTES);
        }
        for s in &idx.doc_shards {
            assert!(serde_json::to_vec(s).unwrap().len() <= MAX_SHARD_BYTES);
        }
        assert_eq!(
            idx.term_shards
                .iter()
                .map(|s| s.terms.get("common").map_or(0, Vec::len))
                .sum::<usize>(),
            MAX_POSTINGS
        );
    }
}
