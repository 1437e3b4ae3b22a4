//! What the layout lab checks: the candidate stylesheet, how it is applied, the pages, widths,
//! text sizes and colour schemes, kept in this browser and carried by a share link.

use model::route::{form_urldecode, form_urlencode, AppRoute};
use model::Slug;
use serde::{Deserialize, Serialize};

/// The localStorage key of the lab's settings.
pub const LAB_KEY: &str = "convergence.preview.lab";
/// The widths staff can check, in CSS pixels: the reflow minimum, a phone, a tablet, a desktop.
pub const WIDTHS: [u32; 4] = [320, 375, 768, 1280];
/// The text sizes staff can check: the default and the largest step of the reader's control.
pub const SIZES: [&str; 2] = ["100", "200"];
/// The longest share link (in characters of encoded stylesheet) before the CSS is left out
/// and handed over as a download instead: links this long still survive chat and mail.
pub const MAX_LINK_CSS: usize = 2_000;
/// The default movement threshold in CSS pixels.
pub const DEFAULT_THRESHOLD: u32 = 4;

/// How the candidate meets the site's stylesheet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CssMode {
    /// After the site's stylesheet: it overrides what it names.
    #[default]
    Over,
    /// Instead of the site's stylesheet: a whole new one.
    Instead,
}

/// A colour scheme the frames can be put in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Scheme {
    /// Both, in the order the lab offers them.
    pub const ALL: [Scheme; 2] = [Scheme::Light, Scheme::Dark];

    /// The value of the frame's `data-theme` and of the share link.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }

    fn parse(raw: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|s| s.as_str() == raw)
    }
}

/// A page the lab shows before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "slug", rename_all = "lowercase")]
pub enum LabPage {
    /// The home page.
    Home,
    /// A published article at its reader URL.
    Article(Slug),
    /// A draft from the bucket, in the preview.
    Draft(Slug),
    /// A contributor's page.
    Contributor(Slug),
}

impl LabPage {
    /// The URL a frame loads.
    pub fn src(&self) -> String {
        match self {
            LabPage::Home => AppRoute::Home { page: 1 }.href(),
            LabPage::Article(s) => AppRoute::Article(s.clone()).href(),
            LabPage::Draft(s) => format!("/preview/?draft={s}"),
            LabPage::Contributor(s) => AppRoute::Contributor {
                slug: s.clone(),
                page: 1,
            }
            .href(),
        }
    }

    /// What staff read in lists and headings.
    pub fn label(&self) -> String {
        match self {
            LabPage::Home => "Home".to_owned(),
            LabPage::Article(s) => format!("Article {s}"),
            LabPage::Draft(s) => format!("Draft {s}"),
            LabPage::Contributor(s) => format!("Contributor {s}"),
        }
    }

    /// The share link's form: `home`, `article:slug`, `draft:slug`, `contributor:slug`.
    pub fn token(&self) -> String {
        match self {
            LabPage::Home => "home".to_owned(),
            LabPage::Article(s) => format!("article:{s}"),
            LabPage::Draft(s) => format!("draft:{s}"),
            LabPage::Contributor(s) => format!("contributor:{s}"),
        }
    }

    /// Reads [`LabPage::token`]'s form, saying what is wrong with anything else.
    pub fn parse(raw: &str) -> Result<LabPage, String> {
        let raw = raw.trim();
        if raw == "home" {
            return Ok(LabPage::Home);
        }
        let (kind, slug) = raw.split_once(':').ok_or_else(|| {
            format!(
                "“{raw}” is not a page: write home, article:slug, draft:slug or contributor:slug"
            )
        })?;
        let slug = Slug::parse(slug.trim()).map_err(|e| format!("“{raw}”: {e}"))?;
        match kind.trim() {
            "article" => Ok(LabPage::Article(slug)),
            "draft" => Ok(LabPage::Draft(slug)),
            "contributor" => Ok(LabPage::Contributor(slug)),
            other => Err(format!(
                "“{other}” is not a kind of page: use article, draft or contributor"
            )),
        }
    }
}

/// Everything the lab checks and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabSettings {
    /// The candidate stylesheet.
    pub css: String,
    /// On top of the site's stylesheet, or instead of it.
    pub mode: CssMode,
    /// The pages, in order.
    pub pages: Vec<LabPage>,
    /// Frame widths in CSS pixels (from [`WIDTHS`]).
    pub widths: Vec<u32>,
    /// Text sizes in percent (from [`SIZES`]).
    pub sizes: Vec<String>,
    /// Colour schemes.
    pub schemes: Vec<Scheme>,
    /// How far (CSS px) a box may move or resize before it is listed.
    pub threshold: u32,
}

impl LabSettings {
    /// A first visit: the given pages at every width and size, light and dark.
    pub fn defaults(pages: Vec<LabPage>) -> LabSettings {
        LabSettings {
            css: String::new(),
            mode: CssMode::Over,
            pages,
            widths: WIDTHS.to_vec(),
            sizes: SIZES.iter().map(|s| (*s).to_owned()).collect(),
            schemes: Scheme::ALL.to_vec(),
            threshold: DEFAULT_THRESHOLD,
        }
    }

    /// How many before-and-after pairs a check compares.
    pub fn combinations(&self) -> usize {
        self.pages.len() * self.widths.len() * self.sizes.len() * self.schemes.len()
    }

    /// The stored form.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored value; anything unreadable is None (the lab then starts afresh).
    pub fn from_json(raw: &str) -> Option<LabSettings> {
        serde_json::from_str(raw).ok()
    }

    /// The share link's query (without `?`), and whether the stylesheet had to be left out
    /// because it is too long for a link ([`MAX_LINK_CSS`]).
    pub fn to_query(&self) -> (String, bool) {
        let css = form_urlencode(&self.css);
        let fits = css.len() <= MAX_LINK_CSS;
        let mut parts = Vec::new();
        if fits && !self.css.is_empty() {
            parts.push(format!("css={css}"));
        }
        if self.mode == CssMode::Instead {
            parts.push("mode=instead".to_owned());
        }
        let pages: Vec<String> = self.pages.iter().map(LabPage::token).collect();
        parts.push(format!("pages={}", form_urlencode(&pages.join(","))));
        let widths: Vec<String> = self.widths.iter().map(u32::to_string).collect();
        parts.push(format!("widths={}", form_urlencode(&widths.join(","))));
        parts.push(format!("sizes={}", form_urlencode(&self.sizes.join(","))));
        let schemes: Vec<&str> = self.schemes.iter().map(|s| s.as_str()).collect();
        parts.push(format!("schemes={}", form_urlencode(&schemes.join(","))));
        parts.push(format!("threshold={}", self.threshold));
        (parts.join("&"), fits)
    }

    /// Reads a share link's query (with or without `?`) over `base`: what the link names
    /// replaces it, what it leaves out stays. Errors say which value is wrong.
    pub fn from_query(query: &str, base: &LabSettings) -> Result<LabSettings, String> {
        let mut out = base.clone();
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = form_urldecode(value);
            let list = || value.split(',').map(str::trim).filter(|v| !v.is_empty());
            match key {
                "css" => out.css = value,
                "mode" => {
                    out.mode = match value.as_str() {
                        "instead" => CssMode::Instead,
                        "over" => CssMode::Over,
                        other => return Err(format!("mode “{other}”: use over or instead")),
                    }
                }
                "pages" => out.pages = list().map(LabPage::parse).collect::<Result<_, _>>()?,
                "widths" => {
                    out.widths = list()
                        .map(|w| {
                            w.parse::<u32>()
                                .ok()
                                .filter(|w| WIDTHS.contains(w))
                                .ok_or_else(|| format!("width “{w}”: use 320, 375, 768 or 1280"))
                        })
                        .collect::<Result<_, _>>()?
                }
                "sizes" => {
                    out.sizes = list()
                        .map(|s| {
                            SIZES
                                .contains(&s)
                                .then(|| s.to_owned())
                                .ok_or_else(|| format!("text size “{s}”: use 100 or 200"))
                        })
                        .collect::<Result<_, _>>()?
                }
                "schemes" => {
                    out.schemes = list()
                        .map(|s| {
                            Scheme::parse(s)
                                .ok_or_else(|| format!("colour scheme “{s}”: use light or dark"))
                        })
                        .collect::<Result<_, _>>()?
                }
                "threshold" => {
                    out.threshold = value.parse().ok().filter(|t| *t <= 500).ok_or_else(|| {
                        format!("threshold “{value}”: a number of pixels, 0 to 500")
                    })?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

/// Whether a query carries lab settings (a share link) rather than nothing.
pub fn is_share_query(query: &str) -> bool {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|p| p.split('=').next())
        .any(|k| matches!(k, "css" | "pages" | "widths" | "sizes" | "schemes" | "mode"))
}

/// Why the lab's settings cannot be kept in this browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotKept;

/// The settings saved in this browser, if any.
pub fn load() -> Option<LabSettings> {
    let raw = crate::browser::local_storage()?.get_item(LAB_KEY).ok()??;
    LabSettings::from_json(&raw)
}

/// Keeps the settings in this browser.
pub fn keep(settings: &LabSettings) -> Result<(), NotKept> {
    crate::browser::local_storage()
        .ok_or(NotKept)?
        .set_item(LAB_KEY, &settings.to_json())
        .map_err(|_| NotKept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(s: &str) -> Slug {
        Slug::parse(s).unwrap()
    }

    fn sample() -> LabSettings {
        let mut s = LabSettings::defaults(vec![
            LabPage::Home,
            LabPage::Article(slug("broad-front-panel")),
        ]);
        s.css = ":root { --accent: #0a5; }\np { max-width: 40ch; } /* & ünïcode + 100% */".into();
        s
    }

    #[test]
    fn pages_have_their_reader_urls_and_tokens_round_trip() {
        let pages = [
            LabPage::Home,
            LabPage::Article(slug("a")),
            LabPage::Draft(slug("d")),
            LabPage::Contributor(slug("c")),
        ];
        let srcs: Vec<String> = pages.iter().map(LabPage::src).collect();
        assert_eq!(
            srcs,
            ["/", "/articles/a", "/preview/?draft=d", "/contributors/c"]
        );
        for p in pages {
            assert_eq!(LabPage::parse(&p.token()), Ok(p));
        }
        assert!(LabPage::parse("article:Not A Slug")
            .unwrap_err()
            .contains("article:Not A Slug"));
        assert!(LabPage::parse("topic:x")
            .unwrap_err()
            .contains("“topic” is not a kind of page"));
        assert!(LabPage::parse("broad-front-panel")
            .unwrap_err()
            .contains("home, article:slug"));
    }

    #[test]
    fn a_share_link_round_trips_every_setting() {
        let mut s = sample();
        s.mode = CssMode::Instead;
        s.widths = vec![320, 1280];
        s.sizes = vec!["200".into()];
        s.schemes = vec![Scheme::Dark];
        s.threshold = 12;
        let (query, fits) = s.to_query();
        assert!(fits);
        assert!(is_share_query(&query));
        let base = LabSettings::defaults(vec![]);
        assert_eq!(LabSettings::from_query(&format!("?{query}"), &base), Ok(s));
    }

    #[test]
    fn a_long_stylesheet_is_left_out_of_the_link() {
        let mut s = sample();
        s.css = "p { color: red; }\n".repeat(200);
        let (query, fits) = s.to_query();
        assert!(!fits);
        assert!(!query.contains("css="));
        let base = LabSettings::defaults(vec![]);
        let back = LabSettings::from_query(&query, &base).unwrap();
        assert_eq!(back.css, "");
        assert_eq!(back.pages, s.pages);
    }

    #[test]
    fn bad_share_links_say_which_value_is_wrong() {
        let base = LabSettings::defaults(vec![LabPage::Home]);
        let err = |q: &str| LabSettings::from_query(q, &base).unwrap_err();
        assert!(err("widths=320,999").contains("width “999”"));
        assert!(err("sizes=150").contains("text size “150”"));
        assert!(err("schemes=sepia").contains("colour scheme “sepia”"));
        assert!(err("mode=under").contains("mode “under”"));
        assert!(err("threshold=-3").contains("threshold “-3”"));
        // Unknown keys are ignored; what the link leaves out stays as it was.
        assert_eq!(
            LabSettings::from_query("utm_source=x", &base),
            Ok(base.clone())
        );
        assert!(!is_share_query("utm_source=x"));
    }

    #[test]
    fn stored_settings_round_trip_and_garbage_is_ignored() {
        let s = sample();
        assert_eq!(LabSettings::from_json(&s.to_json()), Some(s.clone()));
        assert_eq!(LabSettings::from_json("{\"css\":1}"), None);
        assert_eq!(s.combinations(), 2 * 4 * 2 * 2);
    }
}
