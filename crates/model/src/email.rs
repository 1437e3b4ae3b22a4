//! Email address validation for the app's subscribe form, here (not in the app crate)
//! so the fuzz targets and host tests can reach it. It agrees with the HTML standard's
//! "valid email address" (the WHATWG pattern `input type=email` uses), plus RFC 5321's
//! length limits, written by hand so the wasm carries no regex engine.
//!
//! The WHATWG definition is deliberately looser than RFC 5322 in the local part (it allows
//! `.a@b` and `a..b@c`) and stricter elsewhere (no quoted strings, no IP literals, ASCII
//! only). Matching it exactly means our messages never disagree with what browsers and
//! providers built on the same definition accept.

/// Longest whole address (RFC 5321's 256-octet path minus the angle brackets).
pub const MAX_ADDRESS: usize = 254;
/// Longest part before the `@` (RFC 5321 §4.5.3.1.1).
pub const MAX_LOCAL: usize = 64;
/// Longest part after the `@` (RFC 5321 §4.5.3.1.2).
pub const MAX_DOMAIN: usize = 255;
/// Longest domain label (RFC 1035, and the `{0,61}` in the WHATWG pattern).
pub const MAX_LABEL: usize = 63;

/// Why an address was refused; `Display` is the message a reader sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Nothing was typed.
    #[error("Enter your email address.")]
    Empty,
    /// Spaces (or other whitespace) inside the address.
    #[error("Email addresses can’t contain spaces.")]
    HasSpace,
    /// No `@` at all.
    #[error("Enter an email address with an @, like name@example.com.")]
    NoAt,
    /// More than one `@`.
    #[error("Email addresses have only one @.")]
    MoreThanOneAt,
    /// Nothing before the `@`.
    #[error("Enter the part of your email address before the @.")]
    NothingBeforeAt,
    /// Nothing after the `@`.
    #[error("Enter the part of your email address after the @, like example.com.")]
    NothingAfterAt,
    /// Longer than [`MAX_ADDRESS`].
    #[error("Email addresses can be at most 254 characters long.")]
    TooLong,
    /// Local part longer than [`MAX_LOCAL`].
    #[error("The part before the @ can be at most 64 characters long.")]
    LocalTooLong,
    /// Domain longer than [`MAX_DOMAIN`].
    #[error("The part after the @ can be at most 255 characters long.")]
    DomainTooLong,
    /// A character the local part may not contain (quotes, accents, brackets…).
    #[error("The part before the @ contains a character email addresses can’t use.")]
    BadLocalCharacter,
    /// The domain is not dot-separated labels of letters, digits and inner hyphens.
    #[error("The part after the @ must be a domain name, like example.com.")]
    BadDomain,
}

/// Checks an address as typed; Ok holds it with surrounding whitespace removed, as the
/// browser's value sanitisation for `type=email` would.
pub fn validate(raw: &str) -> Result<String, EmailError> {
    let address = raw.trim_matches(|c: char| c.is_ascii_whitespace());
    if address.is_empty() {
        return Err(EmailError::Empty);
    }
    if address.chars().any(char::is_whitespace) {
        return Err(EmailError::HasSpace);
    }
    let Some((local, domain)) = address.split_once('@') else {
        return Err(EmailError::NoAt);
    };
    if domain.contains('@') {
        return Err(EmailError::MoreThanOneAt);
    }
    if local.is_empty() {
        return Err(EmailError::NothingBeforeAt);
    }
    if domain.is_empty() {
        return Err(EmailError::NothingAfterAt);
    }
    // Lengths are in octets; anything non-ASCII fails the character checks below anyway.
    if address.len() > MAX_ADDRESS {
        return Err(EmailError::TooLong);
    }
    if local.len() > MAX_LOCAL {
        return Err(EmailError::LocalTooLong);
    }
    if domain.len() > MAX_DOMAIN {
        return Err(EmailError::DomainTooLong);
    }
    if !local.bytes().all(is_local_byte) {
        return Err(EmailError::BadLocalCharacter);
    }
    if !domain.split('.').all(is_label) {
        return Err(EmailError::BadDomain);
    }
    Ok(address.to_owned())
}

/// `[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]` from the WHATWG pattern.
fn is_local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b)
}

/// `[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?`: 1–63 characters, hyphens only inside.
fn is_label(label: &str) -> bool {
    let b = label.as_bytes();
    match (b.first(), b.last()) {
        (Some(first), Some(last)) => {
            b.len() <= MAX_LABEL
                && first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) {
        assert!(
            validate(s).is_ok(),
            "{s:?} should be valid: {:?}",
            validate(s)
        );
    }

    fn err(s: &str, e: EmailError) {
        assert_eq!(validate(s), Err(e), "{s:?}");
    }

    #[test]
    fn ordinary_addresses_are_valid() {
        for s in [
            "name@example.com",
            "a@b",
            "first.last@sub.example.co.uk",
            "user+tag@example.org",
            "UPPER@EXAMPLE.COM",
            "x@1.2.3.4",
            "a@a-b.c",
            "a@xn--exmple-cua.com",
            "!#$%&'*+/=?^_`{|}~-@example.com",
            "o'neil@example.ie",
        ] {
            ok(s);
        }
    }

    #[test]
    fn whatwg_allows_dots_anywhere_in_the_local_part() {
        // RFC 5322 forbids these; the HTML standard (and so every browser) accepts them.
        for s in [".a@b.c", "a.@b.c", "a..b@c.d", "...@x"] {
            ok(s);
        }
    }

    #[test]
    fn surrounding_whitespace_is_trimmed_like_the_browser_does() {
        assert_eq!(validate("  a@b.c\n").unwrap(), "a@b.c");
        assert_eq!(validate("\ta@b.c ").unwrap(), "a@b.c");
    }

    #[test]
    fn structure_errors_have_specific_messages() {
        err("", EmailError::Empty);
        err("   ", EmailError::Empty);
        err("a b@c.d", EmailError::HasSpace);
        err("a@b .c", EmailError::HasSpace);
        err("a\u{a0}b@c.d", EmailError::HasSpace);
        err("name.example.com", EmailError::NoAt);
        err("a@b@c", EmailError::MoreThanOneAt);
        err("@example.com", EmailError::NothingBeforeAt);
        err("name@", EmailError::NothingAfterAt);
    }

    #[test]
    fn unicode_is_refused_as_the_whatwg_pattern_does() {
        err("josé@example.com", EmailError::BadLocalCharacter);
        err("用户@例子.广告", EmailError::BadLocalCharacter);
        err("a@exämple.com", EmailError::BadDomain);
        err("a@例子.广告", EmailError::BadDomain);
    }

    #[test]
    fn quoted_strings_brackets_and_ip_literals_are_refused() {
        err("\"quoted\"@example.com", EmailError::BadLocalCharacter);
        err("a(comment)@example.com", EmailError::BadLocalCharacter);
        err("a,b@example.com", EmailError::BadLocalCharacter);
        err("a@[127.0.0.1]", EmailError::BadDomain);
        err("a\\b@example.com", EmailError::BadLocalCharacter);
    }

    #[test]
    fn domains_are_dot_separated_labels() {
        for s in [
            "a@-b.com",
            "a@b-.com",
            "a@b..com",
            "a@.b",
            "a@b.",
            "a@b_c.com",
            "a@b.c-",
            "a@exa mple.com",
        ] {
            assert!(validate(s).is_err(), "{s:?}");
        }
        err("a@b..com", EmailError::BadDomain);
        err("a@b.", EmailError::BadDomain);
    }

    #[test]
    fn label_length_is_at_most_63() {
        let l63 = "a".repeat(63);
        ok(&format!("x@{l63}.com"));
        err(&format!("x@{}.com", "a".repeat(64)), EmailError::BadDomain);
        // Hyphens inside a maximal label are fine.
        ok(&format!("x@a{}a.com", "-".repeat(61)));
    }

    #[test]
    fn rfc_5321_length_limits() {
        let local64 = "l".repeat(64);
        ok(&format!("{local64}@example.com"));
        err(
            &format!("{}@example.com", "l".repeat(65)),
            EmailError::LocalTooLong,
        );
        // 254 characters in all is the most; labels of 63 keep the domain valid.
        let domain = format!(
            "{}.{}.{}.{}",
            "a".repeat(63),
            "b".repeat(63),
            "c".repeat(63),
            "d".repeat(60)
        );
        let at_limit = format!("x@{domain}");
        assert_eq!(at_limit.len(), 254);
        ok(&at_limit);
        let over = format!("xyz@{domain}");
        assert_eq!(over.len(), 256);
        err(&over, EmailError::TooLong);
        let just_over = format!("xy@{domain}");
        assert_eq!(just_over.len(), 255);
        err(&just_over, EmailError::TooLong);
    }

    #[test]
    fn every_error_reads_as_a_sentence() {
        for e in [
            EmailError::Empty,
            EmailError::HasSpace,
            EmailError::NoAt,
            EmailError::MoreThanOneAt,
            EmailError::NothingBeforeAt,
            EmailError::NothingAfterAt,
            EmailError::TooLong,
            EmailError::LocalTooLong,
            EmailError::DomainTooLong,
            EmailError::BadLocalCharacter,
            EmailError::BadDomain,
        ] {
            let m = e.to_string();
            assert!(
                m.ends_with('.') && m.chars().next().unwrap().is_uppercase(),
                "{m}"
            );
        }
    }

    // ----- properties: the fuzz target's oracle (fuzz/fuzz_targets/email.rs) at a CI count

    use proptest::prelude::*;

    /// Addresses the WHATWG pattern accepts, within RFC 5321's lengths.
    const VALID: &str = "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]{1,30}@[a-zA-Z0-9]([a-zA-Z0-9-]{0,10}[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,10}[a-zA-Z0-9])?){0,3}";

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn whatwg_addresses_are_accepted_and_trimmed(
            address in VALID,
            before in "[ \t\n\r\x0c]{0,3}",
            after in "[ \t\n\r\x0c]{0,3}",
        ) {
            let typed = format!("{before}{address}{after}");
            prop_assert_eq!(validate(&typed), Ok(address));
        }

        #[test]
        fn a_foreign_character_anywhere_is_refused(
            address in VALID,
            at in any::<prop::sample::Index>(),
            bad in prop::sample::select(vec!['"', '(', ')', ',', ':', ';', '<', '>', '[', '\\', ']', 'é', ' ', '\u{0}', '\u{2028}', '@']),
        ) {
            let mut chars: Vec<char> = address.chars().collect();
            let at = at.index(chars.len() + 1);
            // At the very ends a space is trimmed away, as browsers do; inside it is refused.
            prop_assume!(!(bad == ' ' && (at == 0 || at == chars.len())));
            chars.insert(at, bad);
            let typed: String = chars.into_iter().collect();
            prop_assert!(validate(&typed).is_err(), "{:?} accepted", typed);
        }

        #[test]
        fn any_text_gets_a_verdict_that_holds_up(typed in "\\PC{0,80}|[a-z@.\\- ]{0,80}") {
            match validate(&typed) {
                Ok(address) => {
                    prop_assert!(address.is_ascii() && address.len() <= MAX_ADDRESS);
                    prop_assert_eq!(address.matches('@').count(), 1);
                    prop_assert_eq!(validate(&address), Ok(address.clone()));
                }
                Err(e) => prop_assert!(e.to_string().ends_with('.')),
            }
        }
    }
}
