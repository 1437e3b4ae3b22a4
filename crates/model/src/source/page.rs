//! Static pages (`pages/{slug}.md`): About, Submissions and the like, served at `/{slug}`.

use super::checker::open_front;
use super::diagnostics::SourceText;
use super::files::file_slug;
use super::links::Catalog;
use super::Parsed;
use crate::ids::Slug;
use crate::route;
use serde::Deserialize;
use toml::Spanned;

/// `pages/{slug}.md`, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSource {
    /// The file, relative to the content folder.
    pub path: String,
    /// From the file name.
    pub slug: Slug,
    /// Heading and title.
    pub title: String,
    /// Meta description.
    pub description: String,
    /// Markdown body.
    pub body: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFront {
    title: Option<Spanned<String>>,
    description: Option<Spanned<String>>,
}

/// Parses and checks a static page.
pub fn parse_page(path: &str, text: &str, catalog: &Catalog) -> Parsed<PageSource> {
    let src = SourceText::new(path, text);
    let mut diags = Vec::new();
    let slug = file_slug(&src, "page").map_err(|d| diags.push(d)).ok();
    if let Some(s) = &slug {
        if route::is_reserved(s.as_str()) {
            diags.push(src.error(
                0,
                format!("`{s}` cannot be a page: the site uses /{s} itself"),
                "rename the file",
            ));
        }
    }
    let (front, fm, mut c) = match open_front::<PageFront>(src, diags) {
        Ok(opened) => opened,
        Err(diags) => return Parsed::new(None, diags),
    };
    let title = c.required("title", front.title, "\"About Convergence\"");
    let description = c.required(
        "description",
        front.description,
        "\"One sentence for search engines.\"",
    );
    c.body(fm.body, fm.body_start, catalog, false);
    let value = (|| {
        Some(PageSource {
            path: path.to_owned(),
            slug: slug?,
            title: title?,
            description: description?,
            body: fm.body.to_owned(),
        })
    })();
    Parsed::new(value, c.diags)
}
