//! The field checks every parser shares: a [`Checker`] collects one file's diagnostics and
//! knows required fields, dates, slug lists, images, links and Markdown bodies.

use super::diagnostics::SourceText;
use super::front_matter::{from_toml, split_front_matter, FrontMatter};
use super::links::{check_image_src, check_link, Catalog};
use super::{suggest, Diagnostic};
use crate::ids::{Date, Slug};
use crate::types::{Image, ImageSource};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::ops::Range;
use toml::Spanned;

/// An image table as staff write it (an article's `[image]`, a contributor's `[photo]`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ImageFront {
    src: Spanned<String>,
    alt: Option<Spanned<String>>,
    caption: Option<String>,
    credit: Option<String>,
    width: u32,
    height: u32,
    #[serde(default)]
    srcset: Vec<ImageSource>,
}

/// Collects diagnostics for one file, shifting front matter spans to file offsets.
pub(super) struct Checker<'a> {
    pub(super) src: SourceText<'a>,
    pub(super) toml_start: usize,
    pub(super) diags: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    /// Reads a file that is all TOML (`topics.toml`, `masthead.toml`) into `T`, with a checker
    /// for its fields; or the one diagnostic that says why it could not be read.
    pub(super) fn open_toml<T: DeserializeOwned>(
        path: &'a str,
        text: &'a str,
    ) -> Result<(T, Checker<'a>), Diagnostic> {
        let src = SourceText::new(path, text);
        let file = from_toml(&src, text, 0)?;
        let checker = Checker {
            src,
            toml_start: 0,
            diags: Vec::new(),
        };
        Ok((file, checker))
    }

    fn at(&self, span: &Range<usize>) -> usize {
        self.toml_start + span.start
    }

    pub(super) fn error(
        &mut self,
        span: &Range<usize>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let d = self.src.error(self.at(span), message, hint);
        self.diags.push(d);
    }

    pub(super) fn warning(
        &mut self,
        span: &Range<usize>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let d = self.src.warning(self.at(span), message, hint);
        self.diags.push(d);
    }

    /// Reports a required front-matter field that is absent, with an example to add.
    pub(super) fn missing(&mut self, field: &str, example: &str) {
        let d = self.src.error(
            0,
            format!("missing required field `{field}`"),
            format!("add `{field} = {example}` to the front matter"),
        );
        self.diags.push(d);
    }

    /// A required field: reports it missing (at the opening `+++`) or empty.
    pub(super) fn required(
        &mut self,
        field: &str,
        value: Option<Spanned<String>>,
        example: &str,
    ) -> Option<String> {
        match value {
            None => {
                self.missing(field, example);
                None
            }
            Some(v) if v.get_ref().trim().is_empty() => {
                self.error(
                    &v.span(),
                    format!("`{field}` is empty"),
                    format!("write it, e.g. `{field} = {example}`"),
                );
                None
            }
            Some(v) => Some(v.into_inner()),
        }
    }

    pub(super) fn date(&mut self, field: &str, value: &Spanned<toml::Value>) -> Option<Date> {
        let span = value.span();
        let text = match value.get_ref() {
            toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
                _ => {
                    self.error(
                        &span,
                        format!("`{field}` must be a date without a time: {dt}"),
                        "write it as YYYY-MM-DD, e.g. 2023-06-14",
                    );
                    return None;
                }
            },
            toml::Value::String(s) => s.trim().to_owned(),
            other => {
                self.error(
                    &span,
                    format!("`{field}` must be a date, not a {}", other.type_str()),
                    "write it as YYYY-MM-DD, e.g. 2023-06-14",
                );
                return None;
            }
        };
        match Date::parse(&text) {
            Ok(d) => Some(d),
            Err(e) => {
                self.error(
                    &span,
                    e.to_string(),
                    format!("`{field}` takes a real calendar date, e.g. {field} = 2023-06-14"),
                );
                None
            }
        }
    }

    /// A required list of slugs that must each name something in `known` (when known):
    /// reported missing (with `example`), empty, malformed, unknown or repeated.
    pub(super) fn slugs(
        &mut self,
        field: &str,
        list: Option<Spanned<Vec<Spanned<String>>>>,
        example: &str,
        what: &str,
        known: Option<&BTreeSet<String>>,
        where_: &str,
    ) -> Option<Vec<Slug>> {
        let Some(list) = list else {
            self.missing(field, example);
            return None;
        };
        let span = list.span();
        let list = list.into_inner();
        if list.is_empty() {
            self.error(
                &span,
                format!("`{field}` is empty"),
                format!("list at least one {what} slug"),
            );
            return None;
        }
        let mut out = Vec::new();
        let mut ok = true;
        let parse_hint = format!("`{field}` lists {what} slugs");
        for item in list {
            match self.slug(&item, what, known, where_, &parse_hint) {
                None => ok = false,
                Some(slug) => {
                    if out.contains(&slug) {
                        self.warning(
                            &item.span(),
                            format!("{what} `{slug}` is listed twice"),
                            "remove the repeat",
                        );
                    }
                    out.push(slug);
                }
            }
        }
        ok.then_some(out)
    }

    /// One slug that must name something in `known` (when known): a malformed one is reported
    /// with `parse_hint` and gives None; an unknown one is reported, with the nearest known
    /// slug and `where_` (`{slug}` filled in) saying what is missing, and still given back.
    pub(super) fn slug(
        &mut self,
        value: &Spanned<String>,
        what: &str,
        known: Option<&BTreeSet<String>>,
        where_: &str,
        parse_hint: &str,
    ) -> Option<Slug> {
        let span = value.span();
        let slug = match Slug::parse(value.get_ref()) {
            Ok(slug) => slug,
            Err(e) => {
                self.error(&span, e.to_string(), parse_hint);
                return None;
            }
        };
        if let Some(known) = known {
            if !known.contains(slug.as_str()) {
                let mut hint = format!("there is no {where_}");
                if let Some(s) = suggest(slug.as_str(), known.iter().map(String::as_str)) {
                    hint.push_str(&format!("; did you mean `{s}`?"));
                }
                self.error(
                    &span,
                    format!("unknown {what} `{slug}`"),
                    hint.replace("{slug}", slug.as_str()),
                );
            }
        }
        Some(slug)
    }

    pub(super) fn image(
        &mut self,
        what: &str,
        image: Spanned<ImageFront>,
        catalog: &Catalog,
    ) -> Option<Image> {
        let span = image.span();
        let i = image.into_inner();
        let alt = match i.alt {
            None => {
                self.error(
                    &span,
                    format!("{what} has no alt text"),
                    "add `alt = \"…\"` describing what the image shows, for readers who cannot see it",
                );
                return None;
            }
            Some(alt) => {
                if alt.get_ref().trim().is_empty() {
                    self.warning(
                        &alt.span(),
                        format!("{what} has empty alt text, which marks it as decorative"),
                        "describe what the image shows unless it adds nothing to the page",
                    );
                }
                alt.into_inner()
            }
        };
        let src_span = i.src.span();
        let src = i.src.into_inner();
        if let Some((message, hint)) = check_image_src(&src, catalog) {
            self.error(&src_span, message, hint);
        }
        Some(Image {
            src,
            alt,
            caption: i.caption,
            credit: i.credit,
            width: i.width,
            height: i.height,
            srcset: i.srcset,
        })
    }

    pub(super) fn link(
        &mut self,
        span: &Range<usize>,
        url: &str,
        catalog: &Catalog,
        from_draft: bool,
    ) {
        if let Some((message, hint)) = check_link(url, catalog, from_draft) {
            self.error(span, message, hint);
        }
    }

    /// Images without alt text and broken internal links in a Markdown body.
    pub(super) fn body(
        &mut self,
        body: &str,
        body_start: usize,
        catalog: &Catalog,
        from_draft: bool,
    ) {
        let mut image: Option<(usize, String, String)> = None;
        let mut depth = 0usize;
        for (event, range) in
            Parser::new_ext(body, crate::markdown::article_options()).into_offset_iter()
        {
            let at = body_start + range.start;
            match event {
                Event::Start(Tag::Image { dest_url, .. }) => {
                    if image.is_none() {
                        image = Some((at, dest_url.to_string(), String::new()));
                    } else {
                        depth += 1;
                    }
                }
                Event::End(TagEnd::Image) => {
                    if depth > 0 {
                        depth -= 1;
                        continue;
                    }
                    if let Some((at, src, alt)) = image.take() {
                        if alt.trim().is_empty() {
                            let d = self.src.error(
                                at,
                                format!("image `{src}` has no alt text"),
                                format!("describe it between the brackets: ![What the image shows]({src})"),
                            );
                            self.diags.push(d);
                        }
                        if let Some((message, hint)) = check_image_src(&src, catalog) {
                            let d = self.src.error(at, message, hint);
                            self.diags.push(d);
                        }
                    }
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some((_, _, alt)) = &mut image {
                        alt.push_str(&t);
                    }
                }
                Event::Start(Tag::Link { dest_url, .. }) => {
                    if let Some((message, hint)) = check_link(&dest_url, catalog, from_draft) {
                        let d = self.src.error(at, message, hint);
                        self.diags.push(d);
                    }
                }
                _ => {}
            }
        }
    }
}

/// Splits a Markdown content file's front matter and decodes it into `F`, ready for checking;
/// on failure, the diagnostics so far plus the one that stopped it.
pub(super) fn open_front<'a, F: DeserializeOwned>(
    src: SourceText<'a>,
    mut diags: Vec<Diagnostic>,
) -> Result<(F, FrontMatter<'a>, Checker<'a>), Vec<Diagnostic>> {
    let fm = match split_front_matter(src.path, src.text) {
        Ok(fm) => fm,
        Err(d) => {
            diags.push(d);
            return Err(diags);
        }
    };
    let front = match from_toml(&src, fm.toml, fm.toml_start) {
        Ok(f) => f,
        Err(d) => {
            diags.push(d);
            return Err(diags);
        }
    };
    let checker = Checker {
        src,
        toml_start: fm.toml_start,
        diags,
    };
    Ok((front, fm, checker))
}
