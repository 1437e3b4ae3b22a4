//! JSON Schemas of the bucket files, generated from the model's types (`press schema`).

use anyhow::{Context, Result};
use schemars::{schema_for, JsonSchema, Schema};
use std::fs;
use std::path::Path;

fn one<T: JsonSchema>(files: &str) -> String {
    let mut schema: Schema = schema_for!(T);
    schema.insert(
        "$comment".into(),
        format!("Bucket files: {files}. See docs/bucket.md.").into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Every schema file as `(file name, JSON text)`, one per bucket file kind.
pub fn schemas() -> Vec<(&'static str, String)> {
    use model::*;
    vec![
        ("site.schema.json", one::<Site>("site.json")),
        ("topics.schema.json", one::<Topics>("topics.json")),
        ("masthead.schema.json", one::<Masthead>("contributors.json")),
        ("contributor.schema.json", one::<Contributor>("contributors/{slug}.json")),
        ("article.schema.json", one::<Article>("articles/{slug}.json, drafts/{slug}.json")),
        (
            "listing.schema.json",
            one::<Listing>("index/{n}.json, topics/{slug}/{n}.json, archive/{year}/{n}.json, contributors/{slug}/{n}.json, podcasts/{slug}/{n}.json"),
        ),
        ("archive.schema.json", one::<ArchiveYears>("archive.json")),
        ("page.schema.json", one::<Page>("pages/{slug}.json")),
        ("search-manifest.schema.json", one::<SearchManifest>("search/manifest.json")),
        ("search-terms.schema.json", one::<SearchTermShard>("search/terms/{n}.json")),
        ("search-docs.schema.json", one::<SearchDocShard>("search/docs/{n}.json")),
        ("oembed.schema.json", one::<OEmbed>("oembed/{slug}.json")),
        ("podcasts.schema.json", one::<Podcasts>("podcasts.json")),
    ]
}

/// Writes every schema into `dir` (created if needed).
pub fn write_schemas(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for (name, text) in schemas() {
        let path = dir.join(name);
        fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// The schema files in `dir` that are missing or differ from what the code generates.
pub fn stale_schemas(dir: &Path) -> Vec<String> {
    schemas()
        .into_iter()
        .filter(|(name, text)| {
            fs::read_to_string(dir.join(name)).ok().as_deref() != Some(text.as_str())
        })
        .map(|(name, _)| name.to_owned())
        .collect()
}
