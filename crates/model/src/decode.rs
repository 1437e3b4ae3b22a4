//! Decoding bucket files with errors that name the file and say what is wrong.

use serde::de::DeserializeOwned;
use serde::Deserialize;

/// Why a bucket file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The file is not JSON, is cut short, or does not have the expected shape.
    #[error("{file} is malformed: {detail}")]
    Malformed {
        /// Bucket path of the file.
        file: String,
        /// What serde found, with line and column.
        detail: String,
    },
    /// The file was written for a bucket format this build cannot read.
    #[error("{file} uses content format version {found}, but this site reads version {supported}")]
    UnsupportedSchema {
        /// Bucket path of the file.
        file: String,
        /// The version in the file.
        found: u32,
        /// The version this build reads.
        supported: u32,
    },
}

#[derive(Deserialize)]
struct VersionProbe {
    schema_version: Option<u32>,
}

/// Decodes one bucket file, checking `schema_version` before the shape so a
/// newer bucket says "unsupported version", not a confusing field error.
pub fn decode<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, DecodeError> {
    let malformed = |e: serde_json::Error| DecodeError::Malformed {
        file: file.to_owned(),
        detail: e.to_string(),
    };
    let probe: VersionProbe = serde_json::from_str(text).map_err(malformed)?;
    match probe.schema_version {
        Some(v) if v == crate::SCHEMA_VERSION => serde_json::from_str(text).map_err(malformed),
        Some(found) => Err(DecodeError::UnsupportedSchema {
            file: file.to_owned(),
            found,
            supported: crate::SCHEMA_VERSION,
        }),
        None => Err(DecodeError::Malformed {
            file: file.to_owned(),
            detail: "it has no schema_version".to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Page;

    const PAGE: &str =
        r#"{"schema_version":1,"slug":"about","title":"About","description":"d","markdown":"Hi"}"#;

    #[test]
    fn decodes_a_page() {
        let p: Page = decode("pages/about.json", PAGE).unwrap();
        assert_eq!(p.title, "About");
    }

    #[test]
    fn names_the_file_when_truncated() {
        let e = decode::<Page>("pages/about.json", &PAGE[..30]).unwrap_err();
        assert!(matches!(&e, DecodeError::Malformed { file, .. } if file == "pages/about.json"));
        assert!(
            e.to_string().starts_with("pages/about.json is malformed"),
            "{e}"
        );
    }

    #[test]
    fn future_versions_are_refused_by_version() {
        let text = PAGE.replace("\"schema_version\":1", "\"schema_version\":7");
        let e = decode::<Page>("pages/about.json", &text).unwrap_err();
        assert_eq!(
            e,
            DecodeError::UnsupportedSchema {
                file: "pages/about.json".into(),
                found: 7,
                supported: 1
            }
        );
    }

    #[test]
    fn wrong_shape_and_missing_version() {
        assert!(decode::<Page>("x.json", r#"{"schema_version":1,"title":3}"#).is_err());
        let e = decode::<Page>("x.json", r#"{"title":"t"}"#).unwrap_err();
        assert!(e.to_string().contains("no schema_version"));
        assert!(decode::<Page>("x.json", "[1,2]").is_err());
    }

    // ----- properties: the fuzz target's oracle (fuzz/fuzz_targets/decode.rs) at a CI count

    use crate::{ArchiveYears, Topics};
    use proptest::prelude::*;
    use serde::{de::DeserializeOwned, Serialize};
    use std::fmt::Debug;

    const YEARS: &str =
        r#"{"schema_version":1,"years":[{"year":2024,"count":3},{"year":2012,"count":1}]}"#;
    const TOPICS: &str = r#"{"schema_version":1,"topics":[{"slug":"strategy","name":"Strategy <b>","description":"D\u0000","article_count":3}]}"#;

    /// No panic; an error names the file; a value survives a re-encode unchanged.
    fn oracle<T: DeserializeOwned + Serialize + PartialEq + Debug>(text: &str) {
        match decode::<T>("x/y.json", text) {
            Ok(value) => {
                let again = serde_json::to_string(&value).unwrap();
                assert_eq!(decode::<T>("x/y.json", &again).unwrap(), value);
            }
            Err(e) => assert!(e.to_string().starts_with("x/y.json "), "{e}"),
        }
    }

    fn all(text: &str) {
        oracle::<Page>(text);
        oracle::<ArchiveYears>(text);
        oracle::<Topics>(text);
    }

    /// A valid file cut short, with one byte replaced, or with a fragment spliced in.
    fn damaged() -> impl Strategy<Value = String> {
        let base = prop::sample::select(vec![PAGE, YEARS, TOPICS]);
        let fragment = prop::sample::select(vec![
            "",
            "{",
            "}",
            "[",
            "]",
            "\"",
            ",",
            ":",
            "null",
            "1e999",
            "-1",
            "4294967296",
            "\"schema_version\":2",
            "\"schema_version\":1",
            "\\u0000",
            "\\ud800",
            "\u{0}",
            "é",
        ]);
        (
            base,
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            fragment,
        )
            .prop_map(|(base, cut, at, fragment)| {
                let bytes = base.as_bytes();
                let cut = cut.index(bytes.len() + 1);
                let at = at.index(cut + 1);
                let mut out = bytes[..at].to_vec();
                out.extend_from_slice(fragment.as_bytes());
                out.extend_from_slice(&bytes[at..cut]);
                String::from_utf8_lossy(&out).into_owned()
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn damaged_files_decode_or_fail_with_the_file_named(text in damaged()) {
            all(&text);
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,64}") {
            all(&text);
        }
    }

    #[test]
    fn the_property_inputs_decode_when_whole() {
        decode::<ArchiveYears>("a.json", YEARS).unwrap();
        decode::<Topics>("t.json", TOPICS).unwrap();
    }
}
