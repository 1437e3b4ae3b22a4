//! Contributor files (`contributors/{slug}.md`): name, roles, links and photo in the front
//! matter, the biography as the body.

use super::checker::{open_front, ImageFront};
use super::diagnostics::SourceText;
use super::files::file_slug;
use super::links::Catalog;
use super::Parsed;
use crate::ids::Slug;
use crate::types::{Image, Link};
use serde::Deserialize;
use toml::Spanned;

/// `contributors/{slug}.md`, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContributorSource {
    /// The file, relative to the content folder.
    pub path: String,
    /// From the file name.
    pub slug: Slug,
    /// Full name.
    pub name: String,
    /// Roles at the magazine.
    pub roles: Vec<String>,
    /// Outside affiliation.
    pub affiliation: Option<String>,
    /// Website and social links.
    pub links: Vec<Link>,
    /// Portrait.
    pub photo: Option<Image>,
    /// Biography, Markdown.
    pub bio: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContributorFront {
    name: Option<Spanned<String>>,
    #[serde(default)]
    roles: Vec<String>,
    affiliation: Option<String>,
    #[serde(default)]
    links: Vec<LinkFront>,
    photo: Option<Spanned<ImageFront>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkFront {
    label: String,
    url: Spanned<String>,
}

/// Parses and checks a contributor file.
pub fn parse_contributor(path: &str, text: &str, catalog: &Catalog) -> Parsed<ContributorSource> {
    let src = SourceText::new(path, text);
    let mut diags = Vec::new();
    let slug = file_slug(&src, "contributor")
        .map_err(|d| diags.push(d))
        .ok();
    let (front, fm, mut c) = match open_front::<ContributorFront>(src, diags) {
        Ok(opened) => opened,
        Err(diags) => return Parsed::new(None, diags),
    };
    let name = c.required("name", front.name, "\"Full Name\"");
    let photo = match front.photo {
        None => Some(None),
        Some(i) => c.image("the photo", i, catalog).map(Some),
    };
    let mut links = Vec::new();
    for l in front.links {
        c.link(&l.url.span(), l.url.get_ref(), catalog, false);
        links.push(Link {
            label: l.label,
            url: l.url.into_inner(),
        });
    }
    c.body(fm.body, fm.body_start, catalog, false);
    let value = (|| {
        Some(ContributorSource {
            path: path.to_owned(),
            slug: slug?,
            name: name?,
            roles: front.roles,
            affiliation: front.affiliation,
            links,
            photo: photo?,
            bio: fm.body.trim().to_owned(),
        })
    })();
    Parsed::new(value, c.diags)
}
