//! Search: the one definition of what a search term is (the builder indexes with it,
//! the app folds a reader's query with it) and how postings are ranked.

/// Terms longer than this (in characters) are not indexed: they are URLs or noise.
pub const MAX_TERM_CHARS: usize = 32;

/// Common English words that carry no meaning for search.
pub const STOP_WORDS: &[&str] = &[
    "about",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Whether a normalised term is a stop word.
pub fn is_stop_word(term: &str) -> bool {
    STOP_WORDS.binary_search(&term).is_ok()
}

/// Calls `f` with each search term of `text`, in order: lowercased, diacritics
/// stripped, split at anything that is not a letter or digit (apostrophes inside
/// a word are dropped, so "don’t" is "dont"), skipping stop words, one-character
/// terms and terms over [`MAX_TERM_CHARS`].
pub fn for_each_term(text: &str, mut f: impl FnMut(&str)) {
    let mut term = String::with_capacity(32);
    let mut chars = 0usize;
    let mut emit = |term: &mut String, chars: &mut usize| {
        if *chars >= 2 && *chars <= MAX_TERM_CHARS && !is_stop_word(term) {
            f(term);
        }
        term.clear();
        *chars = 0;
    };
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                term.push(c.to_ascii_lowercase());
                chars += 1;
            } else if c == '\'' && !term.is_empty() {
                // inside a word: drop it and keep going
            } else {
                emit(&mut term, &mut chars);
            }
            continue;
        }
        if matches!(c, '\u{2019}' | '\u{02bc}') && !term.is_empty() {
            continue;
        }
        if is_combining_mark(c) {
            continue;
        }
        if let Some(folded) = fold(c) {
            term.push_str(folded);
            chars += folded.len();
            continue;
        }
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                term.push(l);
                chars += 1;
            }
        } else {
            emit(&mut term, &mut chars);
        }
    }
    emit(&mut term, &mut chars);
}

/// The search terms of `text`, in order (see [`for_each_term`]).
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_term(text, |t| out.push(t.to_owned()));
    out
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// Latin letters with diacritics (Latin-1 Supplement and Latin Extended-A), folded to ASCII.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'Ā' | 'ā' | 'Ă'
        | 'ă' | 'Ą' | 'ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "c",
        'Ð' | 'ð' | 'Ď' | 'ď' | 'Đ' | 'đ' => "d",
        'È' | 'É' | 'Ê' | 'Ë' | 'è' | 'é' | 'ê' | 'ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę'
        | 'ę' | 'Ě' | 'ě' => "e",
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "g",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => "h",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'ì' | 'í' | 'î' | 'ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Ĭ' | 'ĭ' | 'Į'
        | 'į' | 'İ' | 'ı' => "i",
        'Ĳ' | 'ĳ' => "ij",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => "n",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ'
        | 'ŏ' | 'Ő' | 'ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' => "s",
        'ß' => "ss",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' => "t",
        'Þ' | 'þ' => "th",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'ù' | 'ú' | 'û' | 'ü' | 'Ũ' | 'ũ' | 'Ū' | 'ū' | 'Ŭ' | 'ŭ' | 'Ů'
        | 'ů' | 'Ű' | 'ű' | 'Ų' | 'ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
        _ => return None,
    })
}

/// Ranks documents for a query from each query term's postings (`None`: the term is in no
/// document). A document must have every term; the score is the sum of its weights; ties go
/// to the lower id, i.e. the newer article.
pub fn rank(postings: &[Option<&[(u32, u16)]>]) -> Vec<u32> {
    use std::collections::HashMap;
    let mut scores: Option<HashMap<u32, u32>> = None;
    for p in postings {
        let hits: HashMap<u32, u32> = p
            .map(|p| p.iter().map(|&(d, w)| (d, u32::from(w))).collect())
            .unwrap_or_default();
        scores = Some(match scores.take() {
            None => hits,
            Some(prev) => prev
                .into_iter()
                .filter_map(|(d, s)| hits.get(&d).map(|w| (d, s + w)))
                .collect(),
        });
    }
    let mut ranked: Vec<(u32, u32)> = scores.unwrap_or_default().into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.into_iter().map(|(d, _)| d).collect()
}

/// At most this many results are shown for one query.
pub const MAX_RESULTS: usize = 30;

/// A query, ready to look up: its normalised terms and, for each, the term shard to load.
/// The app and the builder's tests run the same steps: [`Query::new`], load
/// [`Query::term_shards`], [`Query::rank`], load [`doc_shards`], [`pick_docs`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The query's terms (empty: nothing searchable was typed).
    pub terms: Vec<String>,
    /// For each term, in order, the term shard that holds it.
    pub term_shards: Vec<u32>,
}

impl Query {
    /// Normalises `text` and finds its terms' shards in an index of `manifest`'s shape.
    pub fn new(text: &str, manifest: &crate::SearchManifest) -> Self {
        let terms = terms(text);
        let term_shards = terms
            .iter()
            .map(|t| crate::paths::term_shard(t, manifest.term_shards))
            .collect();
        Query { terms, term_shards }
    }

    /// The matching document ids, best first, from the loaded term shards (one per term, in
    /// the order of [`Query::term_shards`]).
    pub fn rank(&self, shards: &[&crate::SearchTermShard]) -> Vec<u32> {
        let postings: Vec<Option<&[(u32, u16)]>> = self
            .terms
            .iter()
            .zip(shards)
            .map(|(t, shard)| shard.terms.get(t).map(Vec::as_slice))
            .collect();
        rank(&postings)
    }
}

/// The document shards that hold `ids`, each once, in order.
pub fn doc_shards(ids: &[u32], docs_per_shard: u32) -> Vec<u32> {
    ids.iter()
        .map(|id| id / docs_per_shard.max(1))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// The documents `ids` names, in that order, out of the loaded document shards (`loaded[i]`
/// is shard `needed[i]`, as [`doc_shards`] listed them); an id no shard holds is skipped.
pub fn pick_docs(
    ids: &[u32],
    needed: &[u32],
    loaded: &[crate::SearchDocShard],
    docs_per_shard: u32,
) -> Vec<crate::SearchDoc> {
    let per = docs_per_shard.max(1);
    ids.iter()
        .filter_map(|id| {
            let shard = needed.iter().position(|&s| s == id / per)?;
            loaded.get(shard)?.docs.get((id % per) as usize).cloned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn folds_case_diacritics_and_punctuation() {
        assert_eq!(
            terms("The Café’s “Power” — in São Paulo!"),
            ["cafes", "power", "sao", "paulo"]
        );
        assert_eq!(
            terms("Don't stop: a b 2012 x1"),
            ["dont", "stop", "2012", "x1"]
        );
        assert_eq!(
            terms("Cafe\u{301} Łódź straße"),
            ["cafe", "lodz", "strasse"]
        );
        assert_eq!(terms("co-governance"), ["co", "governance"]);
        assert!(terms(&"x".repeat(40)).is_empty());
    }

    #[test]
    fn ranking_needs_every_term_and_sums_weights() {
        let power: &[(u32, u16)] = &[(3, 16), (1, 4), (7, 1)];
        let arizona: &[(u32, u16)] = &[(1, 20), (7, 1), (9, 5)];
        assert_eq!(rank(&[Some(power), Some(arizona)]), [1, 7]);
        assert_eq!(rank(&[Some(power)]), [3, 1, 7]);
        assert!(rank(&[Some(power), None]).is_empty());
        assert!(rank(&[]).is_empty());
        // Ties go to the newer (lower) id.
        let tie: &[(u32, u16)] = &[(5, 2), (2, 2)];
        assert_eq!(rank(&[Some(tie)]), [2, 5]);
    }

    #[test]
    fn doc_shards_are_unique_and_sorted() {
        assert_eq!(doc_shards(&[130, 5, 7, 250, 129], 128), [0, 1]);
        assert_eq!(doc_shards(&[], 128), Vec::<u32>::new());
        assert_eq!(doc_shards(&[3], 0), [3]);
    }

    #[test]
    fn a_query_runs_from_terms_to_documents() {
        use crate::{SchemaVersion, SearchDoc, SearchDocShard, SearchManifest, SearchTermShard};
        let manifest = SearchManifest {
            schema_version: SchemaVersion::default(),
            term_shards: 3,
            docs_per_shard: 2,
            documents: 4,
        };
        let docs: Vec<SearchDoc> = ["zero", "one", "two", "three"]
            .iter()
            .map(|n| SearchDoc::Contributor {
                slug: crate::Slug::parse(n).unwrap(),
                name: n.to_string(),
                summary: String::new(),
            })
            .collect();
        let postings = [
            ("power", vec![(3, 16), (1, 4)]),
            ("arizona", vec![(1, 20), (2, 1), (3, 1)]),
        ];
        let mut term_shards: Vec<SearchTermShard> = (0..3)
            .map(|_| SearchTermShard {
                schema_version: SchemaVersion::default(),
                terms: Default::default(),
            })
            .collect();
        for (term, p) in postings {
            let shard = crate::paths::term_shard(term, 3) as usize;
            term_shards[shard].terms.insert(term.into(), p);
        }
        let doc_files: Vec<SearchDocShard> = docs
            .chunks(2)
            .map(|c| SearchDocShard {
                schema_version: SchemaVersion::default(),
                docs: c.to_vec(),
            })
            .collect();

        let q = Query::new("The POWER of Arizona", &manifest);
        assert_eq!(q.terms, ["power", "arizona"]);
        let loaded: Vec<&SearchTermShard> = q
            .term_shards
            .iter()
            .map(|&s| &term_shards[s as usize])
            .collect();
        let ranked = q.rank(&loaded);
        assert_eq!(ranked, [1, 3]);
        let needed = doc_shards(&ranked, manifest.docs_per_shard);
        assert_eq!(needed, [0, 1]);
        let files: Vec<SearchDocShard> = needed
            .iter()
            .map(|&s| doc_files[s as usize].clone())
            .collect();
        assert_eq!(
            pick_docs(&ranked, &needed, &files, manifest.docs_per_shard),
            [docs[1].clone(), docs[3].clone()]
        );
        // A shard that failed to hold an id skips it rather than showing the wrong document.
        assert_eq!(pick_docs(&[1, 3], &[0], &files[..1], 2), [docs[1].clone()]);
        assert!(Query::new("the of", &manifest).terms.is_empty());
    }
}
