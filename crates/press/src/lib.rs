//! `press`: checks the content folder staff write (docs/content-format.md) and builds
//! the JSON bucket the app reads (docs/bucket.md).

#![warn(missing_docs)]

pub mod bench;
pub mod bucket;
pub mod build;
pub mod generate;
pub mod load;
pub mod routes;
pub mod schema;
pub mod search;
pub mod terms;
pub mod xml;

pub use build::{build, BuildOptions, BuildReport};
pub use load::{check, read_content, Checked, Content, ContentFiles};

/// Reads and checks a content folder, drafts included (what `press check` does).
pub fn check_dir(dir: &std::path::Path) -> std::io::Result<Checked> {
    let files = read_content(dir)?;
    Ok(check(&files, true))
}
