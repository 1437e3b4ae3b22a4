//! What an episode page adds to the article template: the show and numbering, the duration,
//! a button that starts the site-wide player, a download link, and the audio policy where
//! articles offer republication.

use crate::format;
use crate::format::spoken;
use crate::hooks::use_player::{use_player, Track};
use crate::hooks::use_site::use_site;
use crate::routes::AppRoute;
use leptos::prelude::*;
use model::{Article, EpisodeInfo, Media};

/// The policy on republishing audio, as the republication policy states it.
pub const AUDIO_POLICY: &str = "Audio content (podcasts) are the joint intellectual property of the show host(s) and Convergence. This material may not be re-published without explicit written permission from both the host(s) and Convergence.";

/// "Season 2, episode 5", "Episode 5", or nothing.
pub fn numbering(episode: &EpisodeInfo) -> Option<String> {
    match (episode.season, episode.number) {
        (Some(s), Some(n)) => Some(format!("Season {s}, episode {n}")),
        (None, Some(n)) => Some(format!("Episode {n}")),
        (Some(s), None) => Some(format!("Season {s}")),
        (None, None) => None,
    }
}

/// The file's kind for the download link: "MP3 audio", else the MIME type.
pub fn file_kind(mime: &str) -> String {
    match mime {
        "audio/mpeg" | "audio/mp3" => "MP3 audio".into(),
        "audio/mp4" | "audio/x-m4a" | "audio/aac" => "M4A audio".into(),
        "audio/ogg" | "audio/opus" => "Ogg audio".into(),
        other => other.to_owned(),
    }
}

/// The episode's player block: show, numbering, length, Play and Download.
#[component]
pub fn EpisodePlayer(article: Article) -> impl IntoView {
    let player = use_player();
    let track = Track::from_article(&article);
    let info = article.episode.clone();
    let (length, bytes, mime) = match &article.media {
        Some(Media::Audio {
            duration_seconds,
            length_bytes,
            mime,
            ..
        }) => (*duration_seconds, *length_bytes, mime.clone()),
        _ => (0, 0, String::new()),
    };
    let show = info.as_ref().map(|e| {
        let number = numbering(e);
        view! {
            <p class="episode__show">
                // A plain link: this block is also drawn by the embed-free article template.
                <a href=AppRoute::show(e.show.slug.clone()).href()>{e.show.title.clone()}</a>
                {number.map(|n| view! { <span aria-hidden="true">" · "</span> <span>{n}</span> })}
            </p>
        }
    });
    let controls = track.map(|track| {
        let slug = track.slug.clone();
        let download = track.src.clone();
        let this = move || {
            player
                .track
                .with(|t| t.as_ref().is_some_and(|t| t.slug == slug))
        };
        let this_for_label = this.clone();
        let label = move || {
            if this_for_label() && player.playing.get() {
                "Pause episode"
            } else if this_for_label() && player.position.get() > 0 {
                "Resume episode"
            } else {
                "Play episode"
            }
        };
        let size = (bytes > 0).then(|| format!(", {}", format::bytes(bytes)));
        view! {
            <div class="episode__actions">
                <button type="button" class="button episode__play" on:click=move |_| {
                    if this() {
                        player.toggle();
                    } else {
                        player.start(track.clone());
                    }
                }>{label}</button>
                <a class="episode__download" href=download download="">
                    "Download the episode"
                    <span class="episode__file">{format!(" ({}{})", file_kind(&mime), size.unwrap_or_default())}</span>
                </a>
            </div>
        }
    });
    view! {
        <section class="episode" aria-labelledby="podcast-episode-heading">
            <h2 id="podcast-episode-heading" class="visually-hidden">"Listen"</h2>
            {show}
            {(length > 0).then(|| view! {
                <p class="episode__length">"Length: " <span>{spoken(length)}</span></p>
            })}
            {controls}
        </section>
    }
}

/// In place of the Republish button on episodes: the audio policy and whom to ask.
#[component]
pub fn AudioPolicy() -> impl IntoView {
    let site = use_site();
    let ask = move || {
        site.get().and_then(|r| r.ok()).map(|s| {
            let mail = format!("mailto:{}", s.contact.email);
            view! {
                <p>
                    "To ask, write to " <a href=mail>{s.contact.email}</a>
                    " and name the episode; we will put you in touch with the host(s). "
                    <a href=AppRoute::Page(s.republication.page).href()>"Read our republication policy"</a>
                </p>
            }
        })
    };
    view! {
        <aside class="republication republication--audio" aria-labelledby="podcast-policy-heading">
            <h2 id="podcast-policy-heading" class="republication__heading">"Republishing this episode"</h2>
            <p>{AUDIO_POLICY}</p>
            <p>"There is no embed code or republication snippet for podcast episodes."</p>
            {ask}
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{EpisodeBody, ShowRef, Slug};

    fn info(season: Option<u32>, number: Option<u32>) -> EpisodeInfo {
        EpisodeInfo {
            show: ShowRef {
                slug: Slug::parse("black-work-talk").unwrap(),
                title: "Black Work Talk".into(),
            },
            season,
            number,
            body: EpisodeBody::ShowNotes,
            artwork: None,
        }
    }

    #[test]
    fn numbering_says_what_is_known() {
        assert_eq!(
            numbering(&info(Some(2), Some(5))).unwrap(),
            "Season 2, episode 5"
        );
        assert_eq!(numbering(&info(None, Some(5))).unwrap(), "Episode 5");
        assert_eq!(numbering(&info(Some(1), None)).unwrap(), "Season 1");
        assert_eq!(numbering(&info(None, None)), None);
    }

    #[test]
    fn file_kinds_are_named() {
        assert_eq!(file_kind("audio/mpeg"), "MP3 audio");
        assert_eq!(file_kind("audio/x-m4a"), "M4A audio");
        assert_eq!(file_kind("audio/flac"), "audio/flac");
    }

    #[test]
    fn the_policy_is_the_republication_policy_word_for_word() {
        let policy = include_str!("../../content/pages/republication.md");
        let flat = policy.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(AUDIO_POLICY), "{flat}");
    }
}
