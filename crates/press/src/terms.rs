//! Search term normalisation lives in the model crate, so the builder and the app
//! fold text identically; re-exported here for the builder's modules.

pub use model::search::{for_each_term, is_stop_word, terms, MAX_TERM_CHARS, STOP_WORDS};
