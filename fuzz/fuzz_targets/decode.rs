//! Bucket JSON decoding: every top-level bucket type, from arbitrary bytes.
//! Oracle: no panic; an error names the file; a decoded value re-encodes to JSON
//! that decodes to the same value (nothing is lost or invented on the way).
#![no_main]

use libfuzzer_sys::fuzz_target;
use model::{decode, DecodeError};
use serde::{de::DeserializeOwned, Serialize};
use std::fmt::Debug;

const FILE: &str = "fuzz/input.json";

fn round_trip<T: DeserializeOwned + Serialize + PartialEq + Debug>(text: &str) {
    match decode::<T>(FILE, text) {
        Ok(value) => {
            let again = serde_json::to_string(&value).expect("a decoded value re-encodes");
            let back: T = decode(FILE, &again).expect("re-encoded JSON decodes");
            assert_eq!(back, value, "round trip changed the value");
        }
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.starts_with(FILE),
                "error does not name the file: {message}"
            );
            if let DecodeError::UnsupportedSchema {
                found, supported, ..
            } = e
            {
                assert_ne!(found, supported);
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    round_trip::<model::Site>(text);
    round_trip::<model::Article>(text);
    round_trip::<model::Listing>(text);
    round_trip::<model::ArchiveYears>(text);
    round_trip::<model::Topics>(text);
    round_trip::<model::Masthead>(text);
    round_trip::<model::Contributor>(text);
    round_trip::<model::Page>(text);
    round_trip::<model::SearchManifest>(text);
    round_trip::<model::SearchTermShard>(text);
    round_trip::<model::SearchDocShard>(text);
    round_trip::<model::OEmbed>(text);
});
