//! `site.toml`: the fields of the bucket's `site.json`, checked for unknown keys, the URL's
//! form, internal links and the republication page.

use super::diagnostics::SourceText;
use super::front_matter::toml_diagnostic;
use super::links::{check_image_src, check_link, Catalog};
use super::Parsed;
use crate::types::{Contact, Image, Link, Republication, SchemaVersion, Site, SubscribeConfig};
use serde::Deserialize;
use std::ops::Range;

/// `site.toml`: the fields of `site.json` except `schema_version`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SiteSource {
    /// See [`Site::title`].
    pub title: String,
    /// See [`Site::tagline`].
    pub tagline: String,
    /// See [`Site::description`].
    pub description: String,
    /// See [`Site::url`].
    pub url: String,
    /// See [`Site::navigation`].
    #[serde(default)]
    pub navigation: Vec<Link>,
    /// See [`Site::secondary_navigation`].
    #[serde(default)]
    pub secondary_navigation: Vec<Link>,
    /// See [`Site::footer_text`].
    pub footer_text: String,
    /// See [`Site::fiscal_sponsor`].
    pub fiscal_sponsor: String,
    /// See [`Site::contact`].
    pub contact: Contact,
    /// See [`Site::subscribe`].
    pub subscribe: SubscribeConfig,
    /// See [`Site::support`].
    pub support: Link,
    /// See [`Site::republication`].
    pub republication: Republication,
    /// See [`Site::social`].
    #[serde(default)]
    pub social: Vec<Link>,
    /// See [`Site::default_image`].
    #[serde(default)]
    pub default_image: Option<Image>,
}

impl SiteSource {
    /// The bucket's `site.json`.
    pub fn into_site(self) -> Site {
        Site {
            schema_version: SchemaVersion::default(),
            title: self.title,
            tagline: self.tagline,
            description: self.description,
            url: self.url,
            navigation: self.navigation,
            secondary_navigation: self.secondary_navigation,
            footer_text: self.footer_text,
            fiscal_sponsor: self.fiscal_sponsor,
            contact: self.contact,
            subscribe: self.subscribe,
            support: self.support,
            republication: self.republication,
            social: self.social,
            default_image: self.default_image,
        }
    }
}

/// Parses and checks `site.toml` (unknown keys, the URL's form, internal links, the republication page).
pub fn parse_site(path: &str, text: &str, catalog: &Catalog) -> Parsed<SiteSource> {
    let src = SourceText::new(path, text);
    let de = match toml::Deserializer::parse(text) {
        Ok(de) => de,
        Err(e) => return Parsed::new(None, vec![toml_diagnostic(&src, 0, &e)]),
    };
    let mut ignored = Vec::new();
    let site: SiteSource = match serde_ignored::deserialize(de, |p| ignored.push(p.to_string())) {
        Ok(s) => s,
        Err(e) => return Parsed::new(None, vec![toml_diagnostic(&src, 0, &e)]),
    };
    let table = toml::de::DeTable::parse(text).ok();
    let locate = |path: &str| -> usize {
        table
            .as_ref()
            .and_then(|t| locate_key(t.get_ref(), path))
            .map_or(0, |r| r.start)
    };
    let mut diags = Vec::new();
    for p in &ignored {
        let field = p.rsplit('.').next().unwrap_or(p);
        diags.push(src.error(
            locate(p),
            format!("unknown field `{p}`"),
            format!("site.toml has the fields of site.json (docs/bucket.md); remove or correct `{field}`"),
        ));
    }
    if !(site.url.starts_with("https://") || site.url.starts_with("http://"))
        || site.url.ends_with('/')
    {
        diags.push(src.error(
            locate("url"),
            format!(
                "`url` must be an absolute origin without a trailing slash, not `{}`",
                site.url
            ),
            "e.g. url = \"https://convergencemag.com\"",
        ));
    }
    let mut cat = catalog.clone();
    cat.site_url = Some(site.url.clone());
    let links = site
        .navigation
        .iter()
        .enumerate()
        .map(|(i, l)| (format!("navigation.{i}.url"), &l.url))
        .chain(
            site.secondary_navigation
                .iter()
                .enumerate()
                .map(|(i, l)| (format!("secondary_navigation.{i}.url"), &l.url)),
        )
        .chain(std::iter::once((
            "support.url".to_owned(),
            &site.support.url,
        )));
    for (key, url) in links {
        if let Some((message, hint)) = check_link(url, &cat, false) {
            diags.push(src.error(locate(&key), message, hint));
        }
    }
    if let Some(image) = &site.default_image {
        if let Some((message, hint)) = check_image_src(&image.src, catalog) {
            diags.push(src.error(locate("default_image.src"), message, hint));
        }
        // Link previews show this image on every page without one: it always needs a description.
        if image.alt.trim().is_empty() {
            diags.push(src.error(
                locate("default_image.alt"),
                "`default_image` has no alt text",
                "add `alt = \"…\"` describing what the image shows",
            ));
        }
    }
    let page = site.republication.page.as_str();
    if !catalog.pages.contains(page) {
        diags.push(src.error(
            locate("republication.page"),
            format!("unknown page `{page}` for the republication policy"),
            format!("there is no content/pages/{page}.md"),
        ));
    }
    Parsed::new(Some(site), diags)
}

/// Finds the span of a dotted key path (`a.0.b`) in a parsed TOML document.
fn locate_key(table: &toml::de::DeTable, path: &str) -> Option<Range<usize>> {
    let mut parts = path.split('.');
    let first = parts.next()?;
    let (mut key_span, mut value) = table
        .iter()
        .find(|(k, _)| k.get_ref() == first)
        .map(|(k, v)| (k.span(), v))?;
    for part in parts {
        let next = match value.get_ref() {
            toml::de::DeValue::Table(t) => t
                .iter()
                .find(|(k, _)| k.get_ref() == part)
                .map(|(k, v)| (k.span(), v)),
            toml::de::DeValue::Array(a) => {
                let i: usize = part.parse().ok()?;
                a.get(i).map(|v| (v.span(), v))
            }
            _ => None,
        };
        match next {
            Some((k, v)) => {
                key_span = k;
                value = v;
            }
            None => return Some(key_span),
        }
    }
    Some(key_span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::Slug;
    use crate::source::fixtures::{catalog, first};

    #[test]
    fn site_reports_unknown_nested_keys() {
        let site = Site {
            schema_version: SchemaVersion::default(),
            title: "C".into(),
            tagline: "t".into(),
            description: "d".into(),
            url: "https://convergencemag.com".into(),
            navigation: vec![Link {
                label: "About".into(),
                url: "/about".into(),
            }],
            secondary_navigation: vec![],
            footer_text: "f".into(),
            fiscal_sponsor: "s".into(),
            contact: Contact {
                email: "e@example.org".into(),
                label: "eds".into(),
            },
            subscribe: SubscribeConfig {
                pitch: "p".into(),
                lists: vec![],
                consent: crate::types::Consent {
                    text: "c".into(),
                    requirement: crate::types::ConsentRequirement::Required,
                },
                provider: crate::types::Provider::GenericJson {
                    endpoint: "http://127.0.0.1/x".into(),
                },
            },
            support: Link {
                label: "Donate".into(),
                url: "/subscribe#support".into(),
            },
            republication: Republication {
                summary: "s".into(),
                page: Slug::parse("about").unwrap(),
            },
            social: vec![],
            default_image: Some(crate::types::Image {
                src: "images/x.jpg".into(),
                alt: "The masthead".into(),
                caption: None,
                credit: None,
                width: 1200,
                height: 630,
                srcset: vec![],
            }),
        };
        let mut value = toml::Value::try_from(&site).unwrap();
        value.as_table_mut().unwrap().remove("schema_version");
        let text = toml::to_string(&value).unwrap();
        let p = parse_site("site.toml", &text, &catalog());
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        assert_eq!(
            p.value.unwrap().into_site(),
            site,
            "site.toml and site.json have drifted"
        );
        let typo = text.replace("email =", "phone = \"1\"\nemail =");
        let p = parse_site("site.toml", &typo, &catalog());
        assert!(
            first(&p.diagnostics).contains("unknown field `contact.phone`"),
            "{:?}",
            p.diagnostics
        );
        assert!(p.diagnostics[0].line > 1);
        let missing = text.replace("images/x.jpg", "images/y.jpg");
        let p = parse_site("site.toml", &missing, &catalog());
        assert!(
            first(&p.diagnostics).contains("image file `images/y.jpg` does not exist"),
            "{:?}",
            p.diagnostics
        );
        let no_alt = text.replace("alt = \"The masthead\"", "alt = \" \"");
        let p = parse_site("site.toml", &no_alt, &catalog());
        assert!(
            first(&p.diagnostics).contains("`default_image` has no alt text"),
            "{:?}",
            p.diagnostics
        );
    }
}
