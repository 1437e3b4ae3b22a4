//! Building a long view in two tasks: what sits below the fold (the shell's footer and
//! player, an article's footer, inline subscribe box and related articles) is built in a task
//! after the rest, so starting the app is two shorter tasks rather than one long one, and a
//! tap in between is answered. At build time everything renders at once.

use leptos::prelude::*;

/// Renders `children` in a task after the one that builds the view around it. Until then it
/// counts as a load in flight, so a page the build rendered is taken over only with it there.
#[component]
pub fn Later(children: Children) -> impl IntoView {
    #[cfg(feature = "prerender")]
    {
        children()
    }
    #[cfg(not(feature = "prerender"))]
    {
        use std::sync::{Arc, Mutex};
        let ready = ArcRwSignal::new(false);
        let counted = crate::hooks::use_content::InFlight::start();
        {
            let ready = ready.clone();
            leptos::task::spawn_local(async move {
                crate::browser::sleep(0).await;
                // A view gone meanwhile drops its signal's last reader; setting it is harmless.
                ready.set(true);
                drop(counted);
            });
        }
        // `ready` changes once, so the children are built once.
        let children = Arc::new(Mutex::new(Some(children)));
        move || {
            ready
                .get()
                .then(|| children.lock().ok().and_then(|mut c| c.take()).map(|c| c()))
                .flatten()
        }
    }
}
