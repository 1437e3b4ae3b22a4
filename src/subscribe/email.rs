//! Email address validation: the pure validator lives in `model::email` so the fuzz
//! crate and host tests can reach it; the subscribe form uses it from here.

pub use model::email::*;
