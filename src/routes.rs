//! Every in-app path comes from the model's one URL scheme (`model::route`), which the
//! builder's sitemap and link checks share; the route table in `app.rs` matches it.

pub use model::route::{form_urlencode, page_href, parse_page, parse_year, AppRoute};
