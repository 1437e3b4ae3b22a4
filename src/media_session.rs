//! The Media Session API (the lock screen's and the headset's controls), reached through
//! `Reflect` because web-sys keeps it behind its unstable APIs. Browsers without it get none
//! of this and lose nothing else.

use crate::hooks::use_player::{Player, Track, BACK_SECONDS, FORWARD_SECONDS};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// What one lock-screen button does.
type Action = Box<dyn FnMut()>;

/// Where the lock screen finds cover art when an episode has none of its own.
const FALLBACK_ARTWORK: &str = "/icons/icon-512.png";

fn session() -> Option<JsValue> {
    let navigator = crate::browser::window()?.navigator();
    let s = Reflect::get(&navigator, &JsValue::from_str("mediaSession")).ok()?;
    (!s.is_undefined() && !s.is_null()).then_some(s)
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// Shows `track` on the lock screen: title, show, the magazine, and cover art.
pub fn set_metadata(track: &Track) {
    let Some(session) = session() else { return };
    let Some(window) = crate::browser::window() else {
        return;
    };
    let Ok(ctor) = Reflect::get(&window, &JsValue::from_str("MediaMetadata")) else {
        return;
    };
    let Some(ctor) = ctor.dyn_ref::<js_sys::Function>() else {
        return;
    };
    let init = Object::new();
    set(&init, "title", &JsValue::from_str(&track.title));
    if let Some(show) = &track.show {
        set(&init, "artist", &JsValue::from_str(show));
    }
    set(&init, "album", &JsValue::from_str("Convergence"));
    let art = Object::new();
    set(
        &art,
        "src",
        &JsValue::from_str(track.artwork.as_deref().unwrap_or(FALLBACK_ARTWORK)),
    );
    let artwork = Array::of1(&art);
    set(&init, "artwork", &artwork);
    if let Ok(metadata) = Reflect::construct(ctor, &Array::of1(&init)) {
        set(&session, "metadata", &metadata);
    }
}

/// Takes the episode off the lock screen.
pub fn clear() {
    if let Some(session) = session() {
        set(&session, "metadata", &JsValue::NULL);
    }
}

/// Lets the lock screen and headsets play, pause and jump.
pub fn set_handlers(player: Player) {
    let Some(session) = session() else { return };
    let Ok(handler) = Reflect::get(&session, &JsValue::from_str("setActionHandler")) else {
        return;
    };
    let Some(handler) = handler.dyn_ref::<js_sys::Function>() else {
        return;
    };
    let actions: [(&str, Action); 4] = [
        ("play", Box::new(move || player.play())),
        ("pause", Box::new(move || player.pause())),
        (
            "seekbackward",
            Box::new(move || player.skip(-i64::from(BACK_SECONDS))),
        ),
        (
            "seekforward",
            Box::new(move || player.skip(i64::from(FORWARD_SECONDS))),
        ),
    ];
    for (action, f) in actions {
        let cb = Closure::<dyn FnMut()>::wrap(f);
        // An action a browser does not know throws; the others still get theirs.
        let _ = handler.call2(&session, &JsValue::from_str(action), cb.as_ref());
        // Handlers live as long as the page's one player.
        cb.forget();
    }
}
