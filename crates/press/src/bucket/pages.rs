//! `pages/{slug}.json`: the static pages (About, Submissions, …).

use super::{Catalog, Out};
use anyhow::Result;
use model::{paths, Page, SchemaVersion};

/// Writes every static page; they are few, so one at a time.
pub(super) fn write(out: &Out, cat: &Catalog) -> Result<()> {
    for p in &cat.content.pages {
        out.json(
            &paths::page(&p.slug),
            &Page {
                schema_version: SchemaVersion::default(),
                slug: p.slug.clone(),
                title: p.title.clone(),
                description: p.description.clone(),
                markdown: p.body.clone(),
            },
        )?;
    }
    Ok(())
}
