//! The route's `:slug`, parsed once for every page that loads by slug.

use crate::error::ContentError;
use leptos::prelude::Read;
use leptos_router::hooks::use_params_map;
use model::Slug;

/// A raw `:slug` as a slug; anything else (missing, malformed) is simply not found.
pub fn parse_slug_param(raw: Option<String>) -> Result<Slug, ContentError> {
    let raw = raw.unwrap_or_default();
    Slug::parse(&raw).map_err(|_| ContentError::NotFound { file: raw })
}

/// The route's `:slug`, parsed, read reactively: a resource that calls it inside its source
/// loads again when the slug changes. (A closure rather than a memo: parsing a slug costs
/// less than the memo's code in every page.)
pub fn use_slug_param() -> impl Fn() -> Result<Slug, ContentError> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || parse_slug_param(params.read().get("slug"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_parse_and_anything_else_is_not_found() {
        assert_eq!(
            parse_slug_param(Some("broad-front-panel".into()))
                .unwrap()
                .as_str(),
            "broad-front-panel"
        );
        for bad in [
            None,
            Some(String::new()),
            Some("Bad Slug".into()),
            Some("../x".into()),
        ] {
            let e = parse_slug_param(bad.clone()).unwrap_err();
            assert!(e.is_not_found(), "{bad:?}: {e:?}");
        }
    }
}
