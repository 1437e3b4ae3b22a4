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
}
