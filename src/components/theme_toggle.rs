//! Light/dark toggle: follows `prefers-color-scheme` until the reader chooses, then
//! remembers the choice (boot.js applies it before first paint).

use leptos::prelude::*;

/// The localStorage key boot.js reads.
pub const THEME_KEY: &str = "convergence.theme";

/// The theme a stored value asks for, if it is one we know.
pub fn parse_theme(raw: &str) -> Option<bool> {
    match raw {
        "dark" => Some(true),
        "light" => Some(false),
        _ => None,
    }
}

fn root() -> Option<web_sys::Element> {
    crate::browser::window()?.document()?.document_element()
}

fn system_prefers_dark() -> bool {
    crate::browser::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// A pressed/unpressed "Dark theme" button.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let initial = root()
        .and_then(|r| r.get_attribute("data-theme"))
        .and_then(|t| parse_theme(&t))
        .unwrap_or_else(system_prefers_dark);
    let dark = RwSignal::new(initial);
    let toggle = move |_| {
        let next = !dark.get_untracked();
        dark.set(next);
        let value = if next { "dark" } else { "light" };
        if let Some(r) = root() {
            let _ = r.set_attribute("data-theme", value);
        }
        // Storage may be unavailable; the choice then lasts for this visit.
        if let Some(s) = crate::browser::local_storage() {
            let _ = s.set_item(THEME_KEY, value);
        }
    };
    view! {
        <button type="button" class="theme-toggle" aria-pressed=move || dark.get().to_string() on:click=toggle>
            "Dark theme"
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_themes() {
        assert_eq!(parse_theme("dark"), Some(true));
        assert_eq!(parse_theme("light"), Some(false));
        assert_eq!(parse_theme("blue"), None);
    }
}
