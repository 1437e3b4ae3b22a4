//! The reader's text size: seven steps from 87.5% to 200% of their own default,
//! set as `data-text-size` on `<html>`, saved in localStorage, followed across tabs.

use leptos::prelude::*;

/// The steps, in percent of the reader's default font size, as written in the attribute and
/// storage. Strings rather than floats: formatting or parsing a float would pull core's float
/// tables into the wasm (about 3 KB brotli, docs/performance.md).
pub const STEPS: [&str; 7] = ["87.5", "100", "112.5", "125", "150", "175", "200"];
const DEFAULT_INDEX: usize = 1;
/// The localStorage key (boot.js reads the same key before first paint).
pub const STORAGE_KEY: &str = "convergence.text-size";
/// The attribute on `<html>` the stylesheet keys on.
pub const ROOT_ATTRIBUTE: &str = "data-text-size";

/// One step of the text-size scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextSize(usize);

impl Default for TextSize {
    fn default() -> Self {
        TextSize::DEFAULT
    }
}

impl TextSize {
    /// 100%, the reader's own default.
    pub const DEFAULT: TextSize = TextSize(DEFAULT_INDEX);

    /// Parses a stored or attribute value ("125"); garbage, out-of-scale and empty values give None.
    pub fn parse(raw: &str) -> Option<TextSize> {
        let value = raw.trim().trim_end_matches('%');
        // "125.0" and "112.50" name the same steps as "125" and "112.5".
        let value = match value.split_once('.') {
            Some((whole, fraction)) if fraction.bytes().all(|b| b == b'0') => whole,
            Some(_) => value.trim_end_matches('0'),
            None => value,
        };
        STEPS.iter().position(|s| *s == value).map(TextSize)
    }

    /// The attribute/storage value: "87.5", "100", "112.5"…
    pub fn value(self) -> String {
        STEPS[self.0].to_owned()
    }

    /// What the live region says: "Text size 125%".
    pub fn announcement(self) -> String {
        format!("Text size {}%", self.value())
    }

    /// One step larger, stopping at the top.
    pub fn larger(self) -> TextSize {
        TextSize((self.0 + 1).min(STEPS.len() - 1))
    }

    /// One step smaller, stopping at the bottom.
    pub fn smaller(self) -> TextSize {
        TextSize(self.0.saturating_sub(1))
    }

    /// Whether this is the smallest step (A- is then unavailable).
    pub fn is_min(self) -> bool {
        self.0 == 0
    }

    /// Whether this is the largest step (A+ is then unavailable).
    pub fn is_max(self) -> bool {
        self.0 == STEPS.len() - 1
    }
}

/// The text size shared through context.
#[derive(Clone, Copy)]
pub struct TextSizeContext {
    /// The current step.
    pub size: ReadSignal<TextSize>,
    set: WriteSignal<TextSize>,
}

impl TextSizeContext {
    /// Changes the size: the page, storage and other tabs follow.
    pub fn set(&self, size: TextSize) {
        self.set.set(size);
    }
}

fn root() -> Option<web_sys::Element> {
    crate::browser::window()?.document()?.document_element()
}

/// The size boot.js applied before first paint, else the saved one, else the default.
fn initial() -> TextSize {
    root()
        .and_then(|r| r.get_attribute(ROOT_ATTRIBUTE))
        .and_then(|v| TextSize::parse(&v))
        .or_else(|| {
            crate::browser::local_storage()
                .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
                .and_then(|v| TextSize::parse(&v))
        })
        .unwrap_or_default()
}

/// Starts tracking the text size: applies it to `<html>`, saves it, and follows other tabs.
pub fn provide_text_size() -> TextSizeContext {
    let (size, set) = signal(initial());
    Effect::new(move |_| {
        let s = size.get();
        if let Some(r) = root() {
            let _ = r.set_attribute(ROOT_ATTRIBUTE, &s.value());
        }
        // Storage may be unavailable; the control still works for this visit.
        if let Some(st) = crate::browser::local_storage() {
            let _ = st.set_item(STORAGE_KEY, &s.value());
        }
    });
    // Other tabs: only in a browser (at build time there is no window to listen on).
    if crate::browser::window().is_some() {
        let handle = window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
            if e.key().as_deref() == Some(STORAGE_KEY) {
                let next = e
                    .new_value()
                    .and_then(|v| TextSize::parse(&v))
                    .unwrap_or_default();
                if next != size.get_untracked() {
                    set.set(next);
                }
            }
        });
        on_cleanup(move || handle.remove());
    }
    let ctx = TextSizeContext { size, set };
    provide_context(ctx);
    ctx
}

/// The text size provided by [`provide_text_size`].
pub fn use_text_size() -> TextSizeContext {
    expect_context::<TextSizeContext>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_bounded() {
        let mut s = TextSize::DEFAULT;
        assert_eq!(s.value(), "100");
        for _ in 0..20 {
            s = s.larger();
        }
        assert!(s.is_max());
        assert_eq!(s.value(), "200");
        for _ in 0..20 {
            s = s.smaller();
        }
        assert!(s.is_min());
        assert_eq!(s.value(), "87.5");
        assert_eq!(
            TextSize::DEFAULT.larger().larger().announcement(),
            "Text size 125%"
        );
    }

    #[test]
    fn reset_is_the_default() {
        assert_eq!(TextSize::default(), TextSize::DEFAULT);
        assert!(!TextSize::DEFAULT.is_min() && !TextSize::DEFAULT.is_max());
    }

    #[test]
    fn parsing_stored_values() {
        assert_eq!(
            TextSize::parse("125"),
            Some(TextSize::DEFAULT.larger().larger())
        );
        assert_eq!(TextSize::parse(" 87.5 "), Some(TextSize(0)));
        assert_eq!(TextSize::parse("150%"), Some(TextSize(4)));
        assert_eq!(TextSize::parse("125.0"), Some(TextSize(3)));
        assert_eq!(TextSize::parse("112.50"), Some(TextSize(2)));
        for garbage in [
            "",
            "abc",
            "130",
            "-100",
            "NaN",
            "1e9",
            "200px",
            "{\"size\":125}",
            "12.5",
            "1.25",
            ".",
        ] {
            assert_eq!(TextSize::parse(garbage), None, "{garbage:?}");
        }
        for s in STEPS {
            let t = TextSize::parse(s).unwrap();
            assert_eq!(TextSize::parse(&t.value()), Some(t));
        }
    }
}
