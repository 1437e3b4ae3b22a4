//! `site.json`, `topics.json` (with article counts) and `archive.json` (the years).

use super::{Catalog, Out};
use anyhow::Result;
use model::{paths, ArchiveYears, SchemaVersion, Topics, YearCount};

/// Writes the three files that describe the whole site.
pub(super) fn write(out: &Out, cat: &Catalog) -> Result<()> {
    out.json(&paths::site(), &cat.site)?;
    out.json(
        &paths::topics(),
        &Topics {
            schema_version: SchemaVersion::default(),
            topics: cat
                .content
                .topics
                .topics
                .iter()
                .map(|t| model::Topic {
                    article_count: Some(
                        cat.by_topic
                            .get(t.slug.as_str())
                            .map_or(0, |l| l.len() as u32),
                    ),
                    ..t.clone()
                })
                .collect(),
        },
    )?;
    out.json(
        &paths::archive_years(),
        &ArchiveYears {
            schema_version: SchemaVersion::default(),
            years: cat
                .by_year
                .iter()
                .rev()
                .map(|(&year, items)| YearCount {
                    year,
                    count: items.len() as u32,
                })
                .collect(),
        },
    )
}
