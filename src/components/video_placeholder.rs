//! A video on YouTube, Vimeo or another host, as a placeholder: poster, title, length and a
//! "Play on {host}" link. Nothing loads from the host until the reader follows it, so the
//! page makes no third-party request and the strict CSP needs no exception.

use crate::components::image::BucketImage;
use crate::format::spoken;
use leptos::prelude::*;
use model::Image;

/// The link's text: "Play on YouTube".
pub fn play_label(host: &str) -> String {
    let host = host.trim();
    if host.is_empty() {
        "Play the video".into()
    } else {
        format!("Play on {host}")
    }
}

/// The video's placeholder; `url` must already be checked safe.
#[component]
pub fn VideoPlaceholder(
    /// The video's page on its host.
    url: String,
    /// The host's name.
    host: String,
    /// The video's title (the article's headline).
    title: String,
    /// Its length, if known.
    duration: Option<u32>,
    /// A still served from the bucket.
    poster: Option<Image>,
) -> impl IntoView {
    let label = play_label(&host);
    let poster = poster.map(|img| {
        view! { <BucketImage image=img class="video__poster" sizes="(min-width: 40rem) 38rem, 100vw"/> }
    });
    view! {
        <figure class="video">
            {poster}
            <figcaption class="video__caption">
                <span class="video__title">{title}</span>
                {duration.map(|d| view! { <span class="video__length">{format!("Length: {}", spoken(d))}</span> })}
                <a class="button video__play" href=url rel="noopener noreferrer">{label}</a>
                <span class="video__note">{format!(
                    "Opens the video on {}. Nothing loads from {} until you choose to play it.",
                    if host.trim().is_empty() { "its host’s site" } else { host.trim() },
                    if host.trim().is_empty() { "the host" } else { host.trim() },
                )}</span>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_host_is_named() {
        assert_eq!(play_label("YouTube"), "Play on YouTube");
        assert_eq!(play_label(" Vimeo "), "Play on Vimeo");
        assert_eq!(play_label(""), "Play the video");
    }
}
