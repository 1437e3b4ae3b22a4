//! Email validation from arbitrary text. Oracle: no panic; the verdict agrees with
//! the WHATWG "valid email address" regular expression plus RFC 5321's length
//! limits (a differential check against an independent implementation); an
//! accepted address is trimmed, and validating it again gives it back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model::email::{validate, MAX_ADDRESS, MAX_DOMAIN, MAX_LOCAL};
use regex::Regex;
use std::sync::OnceLock;

/// The pattern from the HTML standard's definition of a valid email address.
fn whatwg() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$",
        )
        .expect("the WHATWG pattern compiles")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    let verdict = validate(raw);
    let trimmed = raw.trim_matches(|c: char| c.is_ascii_whitespace());
    let expected = whatwg().is_match(trimmed)
        && trimmed.len() <= MAX_ADDRESS
        && trimmed
            .split_once('@')
            .is_some_and(|(local, domain)| local.len() <= MAX_LOCAL && domain.len() <= MAX_DOMAIN);
    match &verdict {
        Ok(address) => {
            assert!(
                expected,
                "{raw:?} accepted but the WHATWG pattern refuses it"
            );
            assert_eq!(address, trimmed);
            assert_eq!(validate(address).as_ref(), Ok(address));
        }
        Err(e) => {
            assert!(
                !expected,
                "{raw:?} refused ({e}) but the WHATWG pattern accepts it"
            );
            assert!(e.to_string().ends_with('.'));
        }
    }
});
