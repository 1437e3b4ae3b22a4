//! The mini-player: the episode in the player, pinned to the bottom of the window on every
//! page, with play/pause, jumps, speed and a position slider, all keyboard operable.

use crate::format::{clock, position_text};
use crate::hooks::use_player::{use_player, Speed, BACK_SECONDS, FORWARD_SECONDS};
use crate::routes::AppRoute;
use leptos::prelude::*;

/// The player bar; renders nothing until an episode is started (or restored).
#[component]
pub fn MiniPlayer() -> impl IntoView {
    let player = use_player();
    move || {
        let track = player.track.get()?;
        let href = AppRoute::Article(track.slug.clone()).href();
        let show = track.show.clone();
        let speeds = Speed::all()
            .map(|s| {
                view! {
                    <option value=s.value() selected=move || player.speed.get() == s>{s.label()}</option>
                }
            })
            .collect_view();
        Some(view! {
            <section class="mini-player" aria-labelledby="player-title">
                <div class="mini-player__what">
                    <p class="mini-player__kicker">
                        <span class="visually-hidden">"Now playing: "</span>
                        {show.unwrap_or_else(|| "Podcast".into())}
                    </p>
                    // A plain link: the player is also drawn where the router's link is not wanted.
                    <p class="mini-player__title"><a id="player-title" href=href>{track.title.clone()}</a></p>
                </div>
                <div class="mini-player__controls">
                    <button type="button" class="mini-player__button"
                        on:click=move |_| player.skip(-i64::from(BACK_SECONDS))>
                        {format!("Back {BACK_SECONDS} seconds")}
                    </button>
                    <button type="button" class="mini-player__button mini-player__play"
                        on:click=move |_| player.toggle()>
                        {move || if player.playing.get() { "Pause" } else { "Play" }}
                    </button>
                    <button type="button" class="mini-player__button"
                        on:click=move |_| player.skip(i64::from(FORWARD_SECONDS))>
                        {format!("Forward {FORWARD_SECONDS} seconds")}
                    </button>
                </div>
                <div class="mini-player__timeline">
                    <span class="mini-player__time" aria-hidden="true">{move || clock(player.position.get())}</span>
                    <input type="range" class="mini-player__slider" min="0" step="1"
                        aria-label="Position"
                        max=move || player.duration.get().to_string()
                        prop:value=move || player.position.get().to_string()
                        aria-valuetext=move || position_text(player.position.get(), player.duration.get())
                        on:change=move |ev| {
                            if let Ok(s) = event_target_value(&ev).parse::<u32>() {
                                player.seek(s);
                            }
                        }/>
                    <span class="mini-player__time" aria-hidden="true">{move || clock(player.duration.get())}</span>
                </div>
                <label class="mini-player__speed">
                    "Speed "
                    <select on:change=move |ev| {
                        if let Some(s) = Speed::parse(&event_target_value(&ev)) {
                            player.set_speed(s);
                        }
                    }>{speeds}</select>
                </label>
                <button type="button" class="mini-player__button mini-player__close"
                    on:click=move |_| player.close()>"Close player"</button>
                {move || player.error.get().map(|e| view! { <p class="mini-player__error" role="alert">{e}</p> })}
            </section>
        })
    }
}
