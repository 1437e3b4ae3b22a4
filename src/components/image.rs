//! The one bucket image: every `<img>` the app draws from the bucket goes through it, so each
//! gets the same URL policy, its sizes for `srcset`, its reserved box and its alt text.

use leptos::prelude::*;
use model::Image;

/// `srcset` for an image's extra sizes under the bucket at `base` (empty when it has none);
/// a size whose URL the policy refuses is left out.
pub fn srcset(image: &Image, base: &str) -> String {
    image
        .srcset
        .iter()
        .filter_map(|s| {
            let url = model::url::resolve_asset(&s.src, base)?;
            Some(format!("{url} {}w", s.width))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// An image from the bucket, or nothing when its URL is refused (a compromised bucket).
#[component]
pub fn BucketImage(
    /// The image as the bucket describes it.
    image: Image,
    /// Its class, if it has one.
    #[prop(optional)]
    class: Option<&'static str>,
    /// The `sizes` that goes with its `srcset` (used only when it has extra sizes).
    #[prop(optional)]
    sizes: Option<&'static str>,
    /// Below the fold: let the browser fetch it when it comes near.
    #[prop(optional)]
    lazy: bool,
) -> impl IntoView {
    let base = crate::api::content_base();
    let src = model::url::resolve_asset(&image.src, &base)?;
    let set = srcset(&image, &base);
    let sizes = sizes.filter(|_| !set.is_empty());
    Some(view! {
        <img class=class src=src srcset=(!set.is_empty()).then_some(set) sizes=sizes
            alt=image.alt width=image.width height=image.height
            loading=lazy.then_some("lazy") decoding="async"/>
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::ImageSource;

    #[test]
    fn srcset_lists_each_safe_size() {
        let mut image = Image {
            src: "images/a.jpg".into(),
            alt: "A".into(),
            caption: None,
            credit: None,
            width: 1200,
            height: 800,
            srcset: vec![],
        };
        assert_eq!(srcset(&image, "/content/"), "");
        image.srcset = vec![
            ImageSource {
                src: "images/a-600.jpg".into(),
                width: 600,
            },
            ImageSource {
                src: "javascript:alert(1)".into(),
                width: 300,
            },
        ];
        assert_eq!(
            srcset(&image, "/content/"),
            "/content/images/a-600.jpg 600w"
        );
    }
}
