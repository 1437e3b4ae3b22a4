//! What became of a sign-up, each with the message a reader sees, and `Retry-After` parsing.

use serde::{Deserialize, Serialize};

/// What happened to one submission (after any automatic retries).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// The provider took it; it sends a confirmation email (double opt-in).
    Subscribed,
    /// The provider already has this address.
    AlreadySubscribed,
    /// The provider refused the address itself.
    InvalidAddress,
    /// Too many requests; `retry_after_secs` is when the provider said to come back.
    RateLimited {
        /// Seconds to wait, from `Retry-After`, when the provider said.
        retry_after_secs: Option<u64>,
    },
    /// The provider failed (5xx, or 408).
    ServerError {
        /// HTTP status.
        status: u16,
    },
    /// The provider turned the request down for a reason that is not the reader's (404, 403…):
    /// usually a configuration problem on our side.
    Refused {
        /// HTTP status.
        status: u16,
    },
    /// No answer at all (DNS, TLS, CORS, connection reset).
    NetworkError,
    /// No answer within the time limit.
    TimedOut,
    /// The browser is offline; the submission waits in the outbox.
    Offline,
    /// Sent with `no-cors`, so the answer could not be read.
    Unconfirmed,
}

impl Outcome {
    /// Whether the reader has nothing more to do here (the news is good, or as good as we can know).
    pub fn is_settled(&self) -> bool {
        matches!(
            self,
            Outcome::Subscribed | Outcome::AlreadySubscribed | Outcome::Unconfirmed
        )
    }

    /// Whether the provider may never have seen the request, or may have taken it without
    /// telling us: a resubmission of the same details should then reuse its idempotency key.
    pub fn is_uncertain(&self) -> bool {
        matches!(
            self,
            Outcome::NetworkError
                | Outcome::TimedOut
                | Outcome::ServerError { .. }
                | Outcome::RateLimited { .. }
                | Outcome::Offline
        )
    }

    /// The message a reader sees.
    pub fn message(&self) -> String {
        match self {
            Outcome::Subscribed => {
                "Thank you! Check your inbox to confirm: we’ve sent you an email with a link \
                 that completes your subscription."
                    .into()
            }
            Outcome::AlreadySubscribed => {
                "You’re already subscribed with this address. If our emails aren’t arriving, \
                 check your spam or junk folder."
                    .into()
            }
            Outcome::InvalidAddress => {
                "Our newsletter service says this email address isn’t valid. Check it for \
                 typos, then try again."
                    .into()
            }
            Outcome::RateLimited {
                retry_after_secs: Some(secs),
            } => format!(
                "Our newsletter service is getting too many sign-ups just now. Please try \
                 again in {}.",
                describe_wait(*secs)
            ),
            Outcome::RateLimited {
                retry_after_secs: None,
            } => "Our newsletter service is getting too many sign-ups just now. Please try \
                  again in a few minutes."
                .into(),
            Outcome::ServerError { status } => format!(
                "Our newsletter service had a problem (error {status}). Nothing you typed is \
                 lost: please try again in a moment."
            ),
            Outcome::Refused { status } => format!(
                "Our newsletter service couldn’t take this sign-up (error {status}). This is \
                 a problem on our side: please try again later."
            ),
            Outcome::NetworkError => "We couldn’t reach our newsletter service. Check your \
                                      connection, then try again."
                .into(),
            Outcome::TimedOut => "Our newsletter service took too long to answer. Please try \
                                  again; if a confirmation email arrives meanwhile, you’re \
                                  all set."
                .into(),
            Outcome::Offline => "You’re offline. We’ll send this when you’re back online.".into(),
            Outcome::Unconfirmed => {
                "Sent, but we couldn’t confirm it — check your inbox in a few minutes.".into()
            }
        }
    }
}

/// "30 seconds", "2 minutes", "about 3 hours": how long to wait, for a sentence.
pub fn describe_wait(secs: u64) -> String {
    match secs {
        0 | 1 => "a second".into(),
        2..=59 => format!("{secs} seconds"),
        60..=3599 => match secs.div_ceil(60) {
            1 => "a minute".into(),
            m => format!("{m} minutes"),
        },
        _ => match secs.div_ceil(3600) {
            1 => "about an hour".into(),
            h => format!("about {h} hours"),
        },
    }
}

/// Seconds to wait from a `Retry-After` value: delta-seconds, or an HTTP-date compared
/// with `now_ms` (Unix milliseconds). Dates in the past mean "now" (0); garbage is None.
pub fn parse_retry_after(value: &str, now_ms: f64) -> Option<u64> {
    let v = value.trim();
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        // Absurdly long numbers saturate rather than vanish: the provider said "a long time".
        return Some(v.parse::<u64>().unwrap_or(u64::MAX));
    }
    let at = parse_http_date(v)?;
    let now = (now_ms / 1000.0).floor() as i64;
    Some(at.saturating_sub(now).max(0) as u64)
}

/// Unix seconds from an HTTP-date in any of the three forms RFC 9110 §5.6.7 says
/// recipients accept: IMF-fixdate, RFC 850 and asctime. Only GMT is meaningful.
pub fn parse_http_date(value: &str) -> Option<i64> {
    let tokens: Vec<&str> = value
        .split([' ', ',', '-'])
        .filter(|t| !t.is_empty())
        .collect();
    let month = tokens.iter().find_map(|t| month_number(t))?;
    let time = tokens.iter().find(|t| t.contains(':'))?;
    let numbers: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| t.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    // All three forms put the day before the year.
    let [day, year] = numbers.as_slice() else {
        return None;
    };
    let day: u32 = day.parse().ok()?;
    let mut year: i64 = year.parse().ok()?;
    if year < 100 {
        // RFC 850's two-digit years: RFC 9110 says to read far-future years as the past.
        year += if year < 70 { 2000 } else { 1900 };
    }
    let mut hms = time.split(':').map(|p| p.parse::<u32>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if hms.next().is_some() || !(1..=31).contains(&day) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(days * 86_400 + i64::from(h * 3600 + m * 60 + s))
}

fn month_number(token: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if token.len() != 3 {
        return None;
    }
    let lower = token.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == lower)
        .map(|i| i as u32 + 1)
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 1994-11-06T08:49:37Z, the date in RFC 9110's examples.
    const RFC_EXAMPLE: i64 = 784_111_777;

    #[test]
    fn http_dates_in_all_three_forms() {
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(RFC_EXAMPLE)
        );
        assert_eq!(
            parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"),
            Some(RFC_EXAMPLE)
        );
        assert_eq!(
            parse_http_date("Sun Nov  6 08:49:37 1994"),
            Some(RFC_EXAMPLE)
        );
        assert_eq!(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(
            parse_http_date("Tue, 29 Feb 2028 12:00:00 GMT"),
            Some(1_835_438_400)
        );
        for bad in [
            "",
            "soon",
            "Sun, 06 Nov 1994",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 25:49:37 GMT",
            "Sun, 06 Nov 1994 08:49 GMT",
        ] {
            assert_eq!(parse_http_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = RFC_EXAMPLE as f64 * 1000.0;
        assert_eq!(parse_retry_after("120", now), Some(120));
        assert_eq!(parse_retry_after(" 0 ", now), Some(0));
        assert_eq!(
            parse_retry_after("99999999999999999999999", now),
            Some(u64::MAX)
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:50:07 GMT", now),
            Some(30)
        );
        // A date already past means "now", not a negative wait.
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now),
            Some(0)
        );
        for bad in ["", "-5", "1.5", "soon", "3 minutes"] {
            assert_eq!(parse_retry_after(bad, now), None, "{bad:?}");
        }
    }

    #[test]
    fn waits_read_naturally() {
        assert_eq!(describe_wait(1), "a second");
        assert_eq!(describe_wait(30), "30 seconds");
        assert_eq!(describe_wait(60), "a minute");
        assert_eq!(describe_wait(90), "2 minutes");
        assert_eq!(describe_wait(120), "2 minutes");
        assert_eq!(describe_wait(3600), "about an hour");
        assert_eq!(describe_wait(7200), "about 2 hours");
    }

    #[test]
    fn each_outcome_has_its_own_message() {
        let all = [
            Outcome::Subscribed,
            Outcome::AlreadySubscribed,
            Outcome::InvalidAddress,
            Outcome::RateLimited {
                retry_after_secs: Some(120),
            },
            Outcome::RateLimited {
                retry_after_secs: None,
            },
            Outcome::ServerError { status: 502 },
            Outcome::Refused { status: 404 },
            Outcome::NetworkError,
            Outcome::TimedOut,
            Outcome::Offline,
            Outcome::Unconfirmed,
        ];
        let messages: Vec<String> = all.iter().map(Outcome::message).collect();
        for (i, m) in messages.iter().enumerate() {
            assert!(
                !messages[..i].contains(m),
                "duplicate message for {:?}",
                all[i]
            );
        }
        assert!(Outcome::Subscribed
            .message()
            .contains("Check your inbox to confirm"));
        assert!(all[3].message().contains("try again in 2 minutes"));
        assert!(Outcome::ServerError { status: 502 }
            .message()
            .contains("502"));
        assert!(Outcome::Unconfirmed
            .message()
            .starts_with("Sent, but we couldn’t confirm it"));
        assert!(Outcome::Offline
            .message()
            .contains("We’ll send this when you’re back online"));
    }

    #[test]
    fn settled_and_uncertain_outcomes() {
        assert!(Outcome::Subscribed.is_settled());
        assert!(Outcome::Unconfirmed.is_settled());
        assert!(!Outcome::TimedOut.is_settled());
        assert!(Outcome::TimedOut.is_uncertain());
        assert!(Outcome::ServerError { status: 500 }.is_uncertain());
        assert!(!Outcome::InvalidAddress.is_uncertain());
        assert!(!Outcome::Subscribed.is_uncertain());
    }
}
