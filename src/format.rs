//! Reader-facing formatting: reading time, counts, dates, and the lengths of audio and video
//! (bylines are `model::text`). Plain functions, tested natively.

use model::{Date, ReadingTime};

/// "5 min read".
pub fn reading_time(t: ReadingTime) -> String {
    format!("{} min read", t.0.max(1))
}

/// "No articles yet", "1 article", "1,234 articles".
pub fn article_count(n: u32) -> String {
    match n {
        0 => "No articles yet".to_owned(),
        n => articles(n),
    }
}

/// "0 articles", "1 article", "1,234 articles": a count inside a sentence.
pub fn articles(n: u32) -> String {
    count(n, "article")
}

/// "1 episode", "12 episodes".
pub fn episodes(n: u32) -> String {
    count(n, "episode")
}

/// `n` of a thing whose plural takes an "s": "1 minute", "0 seconds", "1,234 articles".
pub fn count(n: u32, one: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{} {one}s", thousands(n)),
    }
}

/// "4:05", or "1:02:03" past an hour.
pub fn clock(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// How a screen reader should say a length: "1 hour 2 minutes", "4 minutes 5 seconds",
/// "12 seconds" (seconds are dropped past an hour, where they are noise).
pub fn spoken(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(count(h, "hour"));
    }
    if m > 0 {
        parts.push(count(m, "minute"));
    }
    if h == 0 && (s > 0 || m == 0) {
        parts.push(count(s, "second"));
    }
    parts.join(" ")
}

/// The position slider's `aria-valuetext`: "4 minutes 5 seconds of 32 minutes".
pub fn position_text(position: u32, duration: u32) -> String {
    if duration == 0 {
        spoken(position)
    } else {
        format!("{} of {}", spoken(position), spoken(duration))
    }
}

/// Digits grouped in threes with commas, as the magazine writes counts.
pub fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A date in English, used when the browser's Intl is unavailable (and in tests).
pub fn date_fallback(d: Date) -> String {
    d.english()
}

/// A date in the reader's locale ("1 June 2023", "June 1, 2023"…) through `Intl`, once
/// [`allow_reader_dates`] has been called; the English date the build rendered until then.
#[cfg(target_arch = "wasm32")]
pub fn date_local(d: Date) -> String {
    if READER_DATES.with(std::cell::Cell::get) {
        date_in_locale(d, "default")
    } else {
        date_fallback(d)
    }
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Whether dates are written in the reader's locale yet.
    static READER_DATES: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// From now on dates follow the reader's locale, and the English dates on screen (each
/// `<time datetime>` whose text is its date in English) change to it. Called once the app has
/// started: Intl's first formatter costs milliseconds (45 ms of a phone's start-up at 4x CPU),
/// which the start-up's own task should not carry.
pub fn allow_reader_dates() {
    #[cfg(target_arch = "wasm32")]
    {
        if READER_DATES.with(|allowed| allowed.replace(true)) {
            return;
        }
        let Some(doc) = crate::browser::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(times) = doc.query_selector_all("time[datetime]") else {
            return;
        };
        for i in 0..times.length() {
            let Some(el) = times.item(i) else { continue };
            let datetime = wasm_bindgen::JsCast::unchecked_ref::<web_sys::Element>(&el)
                .get_attribute("datetime");
            let Some(d) = datetime.and_then(|v| Date::parse(&v).ok()) else {
                continue;
            };
            if el.text_content().as_deref() == Some(date_fallback(d).as_str()) {
                el.set_text_content(Some(&date_local(d)));
            }
        }
    }
}

/// A date in the given BCP 47 locale through `Intl` (the English fallback if Intl fails).
#[cfg(target_arch = "wasm32")]
pub fn date_in_locale(d: Date, locale: &str) -> String {
    use wasm_bindgen::JsValue;
    // An ISO instant at UTC midnight, formatted in UTC, so no time zone shifts the day.
    let utc = js_sys::Date::new(&JsValue::from_str(&format!("{d}T00:00:00Z")));
    let s = date_format(locale)
        .and_then(|f| f.call1(&JsValue::NULL, &utc).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    if s.is_empty() || s == "Invalid Date" {
        date_fallback(d)
    } else {
        s
    }
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// One `Intl.DateTimeFormat` per locale: building one costs milliseconds (a phone at 4x
    /// CPU spent 45 ms of the article's start-up in `toLocaleDateString`, which builds one on
    /// every call), formatting with it microseconds.
    static DATE_FORMATS: std::cell::RefCell<Vec<(String, Option<js_sys::Function>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The bound `format` of an `Intl.DateTimeFormat` for `locale` ("default": the reader's),
/// long dates at UTC; `None` where Intl is missing or refuses the locale.
#[cfg(target_arch = "wasm32")]
fn date_format(locale: &str) -> Option<js_sys::Function> {
    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    if let Some(found) = DATE_FORMATS.with(|c| {
        c.borrow()
            .iter()
            .find(|(l, _)| l == locale)
            .map(|(_, f)| f.clone())
    }) {
        return found;
    }
    let build = || -> Option<Function> {
        let options = Object::new();
        for (k, v) in [
            ("year", "numeric"),
            ("month", "long"),
            ("day", "numeric"),
            ("timeZone", "UTC"),
        ] {
            Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v)).ok()?;
        }
        let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
        let ctor: Function = Reflect::get(&intl, &JsValue::from_str("DateTimeFormat"))
            .ok()?
            .dyn_into()
            .ok()?;
        let locales = if locale == "default" {
            Array::new()
        } else {
            Array::of1(&JsValue::from_str(locale))
        };
        // Reflect.construct reports a refused locale as an error instead of throwing.
        let format = Reflect::construct(&ctor, &Array::of2(&locales, &options)).ok()?;
        Reflect::get(&format, &JsValue::from_str("format"))
            .ok()?
            .dyn_into()
            .ok()
    };
    let format = build();
    DATE_FORMATS.with(|c| c.borrow_mut().push((locale.to_owned(), format.clone())));
    format
}

/// A date in the reader's locale (native builds use the English fallback).
#[cfg(not(target_arch = "wasm32"))]
pub fn date_local(d: Date) -> String {
    date_fallback(d)
}

/// "820 bytes", "14 KB", "1.2 MB", "2.3 GB": what saved articles take on the device
/// (1 KB = 1,000 bytes, as browsers' storage figures count). Integer arithmetic only: float
/// formatting would add kilobytes of wasm for one line of text.
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 3] = ["KB", "MB", "GB"];
    if n < 1_000 {
        return format!("{n} bytes");
    }
    let (mut unit, mut scale) = (0, 1_000u64);
    // Up a unit once the figure would round to 1,000 of this one.
    while unit + 1 < UNITS.len() && n >= scale * 1_000 - scale / 20 {
        scale *= 1_000;
        unit += 1;
    }
    let tenths = (n * 10 + scale / 2) / scale;
    if tenths < 100 {
        format!("{}.{} {}", tenths / 10, tenths % 10, UNITS[unit])
    } else {
        format!("{} {}", (n + scale / 2) / scale, UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_sizes_read_as_a_reader_expects() {
        assert_eq!(bytes(820), "820 bytes");
        assert_eq!(bytes(1_000), "1.0 KB");
        assert_eq!(bytes(14_321), "14 KB");
        assert_eq!(bytes(1_234_567), "1.2 MB");
        assert_eq!(bytes(999_999), "1.0 MB");
        assert_eq!(bytes(2_300_000_000), "2.3 GB");
        assert_eq!(bytes(9_960), "10 KB");
        assert_eq!(bytes(99_960), "100 KB");
    }

    #[test]
    fn clocks_read_like_players() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(65), "1:05");
        assert_eq!(clock(3723), "1:02:03");
    }

    #[test]
    fn lengths_are_spoken_in_words() {
        assert_eq!(spoken(0), "0 seconds");
        assert_eq!(spoken(1), "1 second");
        assert_eq!(spoken(60), "1 minute");
        assert_eq!(spoken(245), "4 minutes 5 seconds");
        assert_eq!(spoken(3725), "1 hour 2 minutes");
        assert_eq!(spoken(7200), "2 hours");
        assert_eq!(
            position_text(245, 1920),
            "4 minutes 5 seconds of 32 minutes"
        );
        assert_eq!(position_text(12, 0), "12 seconds");
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(article_count(0), "No articles yet");
        assert_eq!(article_count(1), "1 article");
        assert_eq!(article_count(12), "12 articles");
        assert_eq!(article_count(1234), "1,234 articles");
        assert_eq!(articles(0), "0 articles");
        assert_eq!(articles(1), "1 article");
        assert_eq!(episodes(1), "1 episode");
        assert_eq!(episodes(1_200), "1,200 episodes");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(12_345), "12,345");
    }

    #[test]
    fn times_and_dates() {
        assert_eq!(reading_time(ReadingTime(0)), "1 min read");
        assert_eq!(reading_time(ReadingTime(7)), "7 min read");
        assert_eq!(
            date_fallback(Date::parse("2023-06-01").unwrap()),
            "June 1, 2023"
        );
    }
}
