//! Validated identifiers: a slug or a date that parsed once is valid everywhere.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a slug or date was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// The slug is empty, too long, or has characters outside `a-z`, `0-9` and `-`.
    #[error("“{0}” is not a valid slug: use 1–100 lowercase letters, digits and single hyphens, e.g. “broad-front-panel”")]
    Slug(String),
    /// The date is not a real calendar date written as YYYY-MM-DD.
    #[error("“{0}” is not a valid date: write it as YYYY-MM-DD, e.g. 2023-06-14")]
    Date(String),
}

/// A URL-safe identifier for an article, contributor, topic or page.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    /// Parses a slug, refusing anything that would not be a clean path segment.
    pub fn parse(s: &str) -> Result<Self, IdError> {
        let ok = !s.is_empty()
            && s.len() <= 100
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if ok {
            Ok(Slug(s.to_owned()))
        } else {
            Err(IdError::Slug(s.to_owned()))
        }
    }

    /// The slug as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Slug {
    type Error = IdError;
    fn try_from(s: String) -> Result<Self, IdError> {
        Slug::parse(&s)
    }
}

impl From<Slug> for String {
    fn from(s: Slug) -> String {
        s.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A calendar date (no time zone: the magazine dates issues, not instants).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    /// Four-digit year.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31 as the month allows.
    pub day: u8,
}

impl Date {
    /// "June 1, 2023": the English date where the browser's `Intl` is not at hand (the app's
    /// fallback, the bench's static twin).
    pub fn english(self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = MONTHS[usize::from(self.month.clamp(1, 12)) - 1];
        format!("{month} {}, {}", self.day, self.year)
    }

    /// Parses `YYYY-MM-DD`, refusing dates that do not exist (2023-02-30).
    pub fn parse(s: &str) -> Result<Self, IdError> {
        let err = || IdError::Date(s.to_owned());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(err());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, IdError> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if year < 1900 || !(1..=12).contains(&month) || day == 0 {
            return Err(err());
        }
        if day > days_in_month(year, month) {
            return Err(err());
        }
        Ok(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl TryFrom<String> for Date {
    type Error = IdError;
    fn try_from(s: String) -> Result<Self, IdError> {
        Date::parse(&s)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(Slug::parse("broad-front-panel").is_ok());
        assert!(Slug::parse("a1").is_ok());
        for bad in [
            "",
            "Caps",
            "a--b",
            "-a",
            "a-",
            "a b",
            "a/b",
            "é",
            &"x".repeat(101),
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        for bad in [
            "2023-02-29",
            "2023-13-01",
            "2023-00-10",
            "23-01-01",
            "2023-1-01",
            "2023-01-32",
            "2023-01-0a",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad:?} accepted");
        }
        assert!(Date::parse("2012-01-01").unwrap() < Date::parse("2023-06-14").unwrap());
    }

    #[test]
    fn serde_refuses_bad_values() {
        assert!(serde_json::from_str::<Slug>("\"Bad Slug\"").is_err());
        assert!(serde_json::from_str::<Date>("\"2023-02-30\"").is_err());
        let d: Date = serde_json::from_str("\"2023-06-14\"").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2023-06-14\"");
    }
}
