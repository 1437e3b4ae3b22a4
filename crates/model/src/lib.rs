//! The Convergence content model: the one definition of the bucket format,
//! shared by the `press` builder (which writes it) and the app (which reads it).
//!
//! Pure Rust: builds for the host and for wasm32, with no web-sys.

pub mod decode;
pub mod email;
pub mod embed;
pub mod head;
#[cfg(any(test, feature = "html-check"))]
pub mod html_check;
pub mod ids;
pub mod markdown;
pub mod paths;
pub mod route;
pub mod search;
#[cfg(feature = "source")]
pub mod source;
pub mod text;
pub mod types;
pub mod url;

pub use decode::{decode, DecodeError};
pub use ids::{Date, IdError, Slug};
pub use types::*;

/// The bucket format version this crate reads and writes; every file carries it.
pub const SCHEMA_VERSION: u32 = 1;

/// How many article summaries go on one listing page (home, topic, archive, contributor).
pub const PAGE_SIZE: usize = 20;
