//! The podcast player: one `<audio>` element for the whole visit, owned here rather than by a
//! page, so an episode keeps playing while the reader moves around the site. Pages start an
//! episode with [`Player::start`]; the mini-player reads and drives the same signals. Where
//! each episode was left is saved in localStorage, and the episode in the player survives a
//! reload (paused, where it was).

use leptos::prelude::*;
use model::{Article, Media, Slug};

/// localStorage key of the episode in the player (its slug).
pub const TRACK_KEY: &str = "convergence.player.episode";
/// localStorage key prefix of an episode's saved position (whole seconds).
pub const POSITION_PREFIX: &str = "convergence.player.position.";
/// How far "back" jumps.
pub const BACK_SECONDS: u32 = 15;
/// How far "forward" jumps.
pub const FORWARD_SECONDS: u32 = 30;
/// A position is saved at most this often while playing (and always on pause and page hide).
const SAVE_EVERY_SECONDS: u32 = 5;

/// A playback speed the player offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Speed(usize);

/// The speeds, as the browser takes them and as readers read them (no float formatting).
const SPEEDS: [(f64, &str); 6] = [
    (0.75, "0.75×"),
    (1.0, "1×"),
    (1.25, "1.25×"),
    (1.5, "1.5×"),
    (1.75, "1.75×"),
    (2.0, "2×"),
];

impl Speed {
    /// Normal speed.
    pub const NORMAL: Speed = Speed(1);

    /// Every speed, slowest first.
    pub fn all() -> impl Iterator<Item = Speed> {
        (0..SPEEDS.len()).map(Speed)
    }

    /// The rate for `playbackRate`.
    pub fn rate(self) -> f64 {
        SPEEDS[self.0].0
    }

    /// What the reader sees, e.g. "1.5×".
    pub fn label(self) -> &'static str {
        SPEEDS[self.0].1
    }

    /// The option value ("0".."5").
    pub fn value(self) -> String {
        self.0.to_string()
    }

    /// Reads an option value; anything else is `None`.
    pub fn parse(raw: &str) -> Option<Speed> {
        raw.parse::<usize>()
            .ok()
            .filter(|i| *i < SPEEDS.len())
            .map(Speed)
    }
}

/// The episode in the player.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Track {
    /// The episode's slug (its page, and the key its position is saved under).
    pub slug: Slug,
    /// The episode's title.
    pub title: String,
    /// The show's title, when the episode names one.
    pub show: Option<String>,
    /// The audio file, already checked safe to load.
    pub src: String,
    /// Its MIME type.
    pub mime: String,
    /// Its length in seconds, as the bucket gives it (the file's own wins once known).
    pub duration: u32,
    /// Cover art for the lock screen, already resolved against the bucket.
    pub artwork: Option<String>,
}

impl Track {
    /// The track of an episode, or `None` for an article without (safe) audio.
    pub fn from_article(article: &Article) -> Option<Track> {
        let Some(Media::Audio {
            src,
            mime,
            duration_seconds,
            ..
        }) = &article.media
        else {
            return None;
        };
        // Bucket-relative like images (`audio/x.mp3`); a refused scheme gives no player.
        let src = crate::api::asset_url(src)?;
        Some(Track {
            slug: article.slug.clone(),
            title: article.title.clone(),
            show: article.episode.as_ref().map(|e| e.show.title.clone()),
            src,
            mime: mime.clone(),
            duration: *duration_seconds,
            // The show's cover first, as podcast apps show it; else the episode's own picture.
            artwork: article
                .episode
                .as_ref()
                .and_then(|e| e.artwork.as_ref())
                .or(article.feature_image.as_ref())
                .and_then(|i| crate::api::asset_url(&i.src)),
        })
    }
}

/// A jump from `position` by `delta` seconds, kept inside the episode.
pub fn seek_target(position: u32, delta: i64, duration: u32) -> u32 {
    let target = (i64::from(position) + delta).max(0);
    let target = u32::try_from(target).unwrap_or(u32::MAX);
    if duration > 0 {
        target.min(duration)
    } else {
        target
    }
}

/// Where to start an episode saved at `saved`: from the top when it was (nearly) finished.
pub fn resume_at(saved: u32, duration: u32) -> u32 {
    if duration > 0 && saved + 5 >= duration {
        0
    } else {
        saved
    }
}

/// The localStorage key of an episode's position.
pub fn position_key(slug: &Slug) -> String {
    format!("{POSITION_PREFIX}{slug}")
}

/// The position saved for an episode, 0 when none (or storage is refused).
pub fn saved_position(slug: &Slug) -> u32 {
    crate::browser::local_storage()
        .and_then(|s| s.get_item(&position_key(slug)).ok().flatten())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn save_position(slug: &Slug, seconds: u32) {
    if let Some(s) = crate::browser::local_storage() {
        let _ = s.set_item(&position_key(slug), &seconds.to_string());
    }
}

/// The shared player: what is loaded, whether it plays, where it is, how fast.
#[derive(Clone, Copy)]
pub struct Player {
    /// The episode in the player, if any.
    pub track: RwSignal<Option<Track>>,
    /// Whether it is playing (the element's own state, as its events report it).
    pub playing: RwSignal<bool>,
    /// Whole seconds into the episode.
    pub position: RwSignal<u32>,
    /// Length in seconds (the file's, once its metadata loads).
    pub duration: RwSignal<u32>,
    /// Playback speed.
    pub speed: RwSignal<Speed>,
    /// A reader-facing message when the audio cannot play.
    pub error: RwSignal<Option<String>>,
    audio: StoredValue<Option<SendAudio>, LocalStorage>,
}

/// The element, kept in a local-only store (it never crosses threads: the app has one).
#[derive(Clone)]
struct SendAudio(web_sys::HtmlAudioElement);

impl Player {
    fn audio(&self) -> Option<web_sys::HtmlAudioElement> {
        if let Some(a) = self.audio.get_value() {
            return Some(a.0);
        }
        let audio = create_audio(*self)?;
        self.audio.set_value(Some(SendAudio(audio.clone())));
        Some(audio)
    }

    /// Loads `track` (unless it is already in the player) and plays it from where the reader
    /// left it.
    pub fn start(&self, track: Track) {
        if self.track.get_untracked().as_ref() != Some(&track) {
            self.load(track, true);
        } else {
            self.play();
        }
    }

    /// Puts `track` in the player at its saved position; plays it when `play` is set.
    fn load(&self, track: Track, play: bool) {
        self.save_now();
        let Some(audio) = self.audio() else { return };
        let at = resume_at(saved_position(&track.slug), track.duration);
        audio.set_src(&track.src);
        apply_speed(&audio, self.speed.get_untracked());
        // Seeking before metadata loads is allowed: the element applies it once it can.
        audio.set_current_time(f64::from(at));
        self.position.set(at);
        self.duration.set(track.duration);
        self.error.set(None);
        if let Some(s) = crate::browser::local_storage() {
            let _ = s.set_item(TRACK_KEY, track.slug.as_str());
        }
        crate::media_session::set_metadata(&track);
        self.track.set(Some(track));
        if play {
            self.play();
        }
    }

    /// Plays; a refusal (autoplay policy, a broken file) is shown, not thrown.
    pub fn play(&self) {
        let Some(audio) = self.audio() else { return };
        if let Ok(promise) = audio.play() {
            let error = self.error;
            leptos::task::spawn_local(async move {
                if wasm_bindgen_futures::JsFuture::from(promise).await.is_err()
                    && error.get_untracked().is_none()
                {
                    error.set(Some(
                        "The episode could not start. Press Play to try again.".into(),
                    ));
                }
            });
        }
    }

    /// Pauses (and saves where it stopped).
    pub fn pause(&self) {
        if let Some(a) = self.audio() {
            let _ = a.pause();
        }
        self.save_now();
    }

    /// Plays or pauses.
    pub fn toggle(&self) {
        if self.playing.get_untracked() {
            self.pause()
        } else {
            self.play()
        }
    }

    /// Jumps by `delta` seconds within the episode.
    pub fn skip(&self, delta: i64) {
        let target = seek_target(
            self.position.get_untracked(),
            delta,
            self.duration.get_untracked(),
        );
        self.seek(target);
    }

    /// Goes to `seconds` into the episode.
    pub fn seek(&self, seconds: u32) {
        if let Some(a) = self.audio() {
            a.set_current_time(f64::from(seconds));
        }
        self.position.set(seconds);
        self.save_now();
    }

    /// Sets the speed.
    pub fn set_speed(&self, speed: Speed) {
        self.speed.set(speed);
        if let Some(a) = self.audio() {
            apply_speed(&a, speed);
        }
    }

    /// Stops and empties the player (the episode's position stays saved).
    pub fn close(&self) {
        self.pause();
        if let Some(a) = self.audio.get_value() {
            let _ = a.0.remove_attribute("src");
            a.0.load();
        }
        if let Some(s) = crate::browser::local_storage() {
            let _ = s.remove_item(TRACK_KEY);
        }
        crate::media_session::clear();
        self.track.set(None);
        self.playing.set(false);
    }

    /// Saves where the episode in the player is.
    pub fn save_now(&self) {
        if let Some(t) = self.track.get_untracked() {
            save_position(&t.slug, self.position.get_untracked());
        }
    }
}

/// Sets the element's speed, also as its default, which a new source keeps.
fn apply_speed(audio: &web_sys::HtmlAudioElement, speed: Speed) {
    audio.set_playback_rate(speed.rate());
    audio.set_default_playback_rate(speed.rate());
}

/// The element, in the document (so the browser treats it like any page audio), with its
/// events feeding the player's signals.
fn create_audio(player: Player) -> Option<web_sys::HtmlAudioElement> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let document = crate::browser::window()?.document()?;
    let audio = web_sys::HtmlAudioElement::new().ok()?;
    audio.set_preload("metadata");
    let _ = audio.set_attribute("data-player-audio", "");
    document.body()?.append_child(&audio).ok()?;
    let on = |event: &str, f: Box<dyn FnMut()>| {
        let cb = Closure::<dyn FnMut()>::wrap(f);
        let _ = audio.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
        // The element lives as long as the page; so do its listeners.
        cb.forget();
    };
    let el = audio.clone();
    on(
        "timeupdate",
        Box::new(move || {
            let now = seconds(el.current_time());
            if now != player.position.get_untracked() {
                player.position.set(now);
                // timeupdate fires several times a second, so every whole second is seen.
                if now.is_multiple_of(SAVE_EVERY_SECONDS) {
                    player.save_now();
                }
            }
        }),
    );
    let el = audio.clone();
    on(
        "loadedmetadata",
        Box::new(move || {
            let d = seconds(el.duration());
            if d > 0 {
                player.duration.set(d);
            }
        }),
    );
    on("play", Box::new(move || player.playing.set(true)));
    on(
        "playing",
        Box::new(move || {
            player.playing.set(true);
            player.error.set(None);
        }),
    );
    on(
        "pause",
        Box::new(move || {
            player.playing.set(false);
            player.save_now();
        }),
    );
    on(
        "ended",
        Box::new(move || {
            player.playing.set(false);
            // Finished: next time it starts from the top.
            if let Some(t) = player.track.get_untracked() {
                save_position(&t.slug, 0);
            }
        }),
    );
    on(
        "error",
        Box::new(move || {
            player.playing.set(false);
            player.error.set(Some(
                "This episode’s audio could not be loaded. Check your connection, or download it from the episode page."
                    .into(),
            ));
        }),
    );
    crate::media_session::set_handlers(player);
    Some(audio)
}

/// Whole seconds from the element's (possibly NaN or infinite) time.
fn seconds(t: f64) -> u32 {
    if t.is_finite() && t > 0.0 {
        t as u32
    } else {
        0
    }
}

/// Starts the player for the visit: restores the episode left in it (paused, where it was)
/// and saves the position when the page is hidden.
pub fn provide_player() -> Player {
    let player = Player {
        track: RwSignal::new(None),
        playing: RwSignal::new(false),
        position: RwSignal::new(0),
        duration: RwSignal::new(0),
        speed: RwSignal::new(Speed::NORMAL),
        error: RwSignal::new(None),
        audio: StoredValue::new_local(None),
    };
    provide_context(player);
    if crate::browser::window().is_some() {
        let handle = window_event_listener(leptos::ev::pagehide, move |_| player.save_now());
        on_cleanup(move || handle.remove());
        let left = crate::browser::local_storage()
            .and_then(|s| s.get_item(TRACK_KEY).ok().flatten())
            .and_then(|v| Slug::parse(&v).ok());
        if let Some(slug) = left {
            leptos::task::spawn_local(async move {
                // An episode that no longer loads is simply not restored.
                if let Ok(article) = crate::api::article(slug).await {
                    if let Some(track) = Track::from_article(&article) {
                        if player.track.get_untracked().is_none() {
                            player.load(track, false);
                        }
                    }
                }
            });
        }
    }
    player
}

/// The shared player (see [`provide_player`]).
pub fn use_player() -> Player {
    expect_context::<Player>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jumps_stay_inside_the_episode() {
        assert_eq!(seek_target(10, -15, 100), 0);
        assert_eq!(seek_target(80, 30, 100), 100);
        assert_eq!(seek_target(20, 30, 100), 50);
        assert_eq!(seek_target(20, 30, 0), 50);
    }

    #[test]
    fn a_finished_episode_starts_again() {
        assert_eq!(resume_at(0, 100), 0);
        assert_eq!(resume_at(40, 100), 40);
        assert_eq!(resume_at(97, 100), 0);
        assert_eq!(resume_at(40, 0), 40);
    }

    #[test]
    fn speeds_round_trip_through_their_values() {
        let all: Vec<&str> = Speed::all().map(Speed::label).collect();
        assert_eq!(all, ["0.75×", "1×", "1.25×", "1.5×", "1.75×", "2×"]);
        assert_eq!(Speed::parse(&Speed::NORMAL.value()), Some(Speed::NORMAL));
        assert_eq!(Speed::NORMAL.rate(), 1.0);
        assert_eq!(Speed::parse("9"), None);
        assert_eq!(Speed::parse("x"), None);
    }
}
