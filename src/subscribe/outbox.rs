//! The offline outbox: submissions made while offline wait in localStorage (or, when the
//! browser refuses storage, in memory for this visit), are shown again after a reload,
//! and are sent exactly once when the browser is back online — by one tab only.
//!
//! One outbox per page load, started by the first form that appears (the footer's is on
//! every page) and living as long as the page.

use super::client::{self, deliver, now_ms};
use super::form::FormInput;
use super::outcome::Outcome;
use super::queue::{self, QueuedSubmission, STORAGE_KEY};
use crate::browser::is_offline;
use crate::browser::sleep;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::sync::Arc;

/// Pause between writing a claim and reading it back: long enough for another tab's
/// competing write to land, so only one of them still sees its own claim.
const CLAIM_SETTLE_MS: u32 = 200;

/// A queued submission that has been sent, waiting for its form to show the outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivered {
    /// The item's id (its idempotency key).
    pub id: String,
    /// The placement it came from.
    pub origin: String,
    /// What happened.
    pub outcome: Outcome,
    /// The fields as typed, for the form to keep showing.
    pub input: FormInput,
}

/// The shared outbox; cheap to clone, everything in it is reactive.
#[derive(Clone)]
pub struct Outbox {
    tab: Arc<str>,
    /// Queued items, mirrored from storage (and updated when other tabs change it).
    pub items: ArcRwSignal<Vec<QueuedSubmission>>,
    /// Items sent by this tab whose outcome no form has shown yet.
    pub delivered: ArcRwSignal<Vec<Delivered>>,
    /// Origins of the forms on the page now (one entry per form).
    pub mounted: ArcRwSignal<Vec<&'static str>>,
    /// The id this tab is sending now.
    pub sending: ArcRwSignal<Option<String>>,
    /// Whether the queue survives a reload (false: storage unavailable, memory only).
    pub persistent: ArcRwSignal<bool>,
}

thread_local! {
    static OUTBOX: RefCell<Option<Outbox>> = const { RefCell::new(None) };
    static FLUSHING: Cell<bool> = const { Cell::new(false) };
}

/// The page's outbox, started on first use: reads the stored queue, follows other tabs
/// and the `online` event, and sends what waits if the browser is online.
pub fn outbox() -> Outbox {
    if let Some(o) = OUTBOX.with(|o| o.borrow().clone()) {
        return o;
    }
    let o = Outbox::start();
    OUTBOX.with(|slot| *slot.borrow_mut() = Some(o.clone()));
    // At build time there is nothing to send and nowhere to send it from.
    if crate::browser::window().is_some() {
        o.flush();
    }
    o
}

/// Whether localStorage really accepts writes (private modes may expose it and throw).
fn storage_works() -> bool {
    const PROBE: &str = "convergence.subscribe.probe";
    crate::browser::local_storage()
        .is_some_and(|s| s.set_item(PROBE, "1").is_ok() && s.remove_item(PROBE).is_ok())
}

impl Outbox {
    fn start() -> Outbox {
        let persistent = storage_works();
        let items = if persistent {
            queue::parse(
                crate::browser::local_storage()
                    .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
                    .as_deref(),
            )
        } else {
            Vec::new()
        };
        let in_browser = crate::browser::window().is_some();
        let o = Outbox {
            tab: if in_browser {
                client::new_key().into()
            } else {
                String::new().into()
            },
            items: ArcRwSignal::new(items),
            delivered: ArcRwSignal::new(Vec::new()),
            mounted: ArcRwSignal::new(Vec::new()),
            sending: ArcRwSignal::new(None),
            persistent: ArcRwSignal::new(persistent),
        };
        if !in_browser {
            return o;
        }
        // Both listeners live as long as the page, like the outbox itself.
        let online = o.clone();
        let _ = window_event_listener(leptos::ev::online, move |_| online.flush());
        // A reload gives the page a new tab id: claims it held would read as another tab's
        // ("Another tab is sending…") until they went stale. A send already on its way is
        // answered once by the provider, which knows its idempotency key.
        let leaving = o.clone();
        let _ = window_event_listener(leptos::ev::pagehide, move |_| leaving.release_mine());
        let other_tabs = o.clone();
        let _ = window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
            if e.key().is_none_or(|k| k == STORAGE_KEY) && other_tabs.persistent.get_untracked() {
                other_tabs.items.set(other_tabs.load());
            }
        });
        o
    }

    /// Drops this page's claims from the stored queue.
    fn release_mine(&self) {
        if !self.persistent.get_untracked() {
            return;
        }
        let mut items = self.load();
        if queue::release_all(&mut items, &self.tab) {
            self.save(items);
        }
    }

    /// The queue as stored now (storage may have changed under us in another tab).
    fn load(&self) -> Vec<QueuedSubmission> {
        if self.persistent.get_untracked() {
            queue::parse(
                crate::browser::local_storage()
                    .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
                    .as_deref(),
            )
        } else {
            self.items.get_untracked()
        }
    }

    /// Stores the queue and updates the mirror; a failed write falls back to memory.
    fn save(&self, items: Vec<QueuedSubmission>) {
        if self.persistent.get_untracked() {
            let written = crate::browser::local_storage().is_some_and(|s| {
                if items.is_empty() {
                    s.remove_item(STORAGE_KEY).is_ok()
                } else {
                    s.set_item(STORAGE_KEY, &queue::serialize(&items)).is_ok()
                }
            });
            if !written {
                leptos::logging::warn!(
                    "subscribe: storage refused the queue; keeping it in memory"
                );
                self.persistent.set(false);
            }
        }
        self.items.set(items);
    }

    /// Queues `item`, replacing the item `replacing` (the same form resubmitted).
    pub fn enqueue(&self, item: QueuedSubmission, replacing: Option<&str>) {
        let mut items = self.load();
        queue::upsert(&mut items, item, replacing);
        self.save(items);
    }

    /// Takes `id` out of the queue unsent; false if it was already gone (sent or cancelled).
    pub fn cancel(&self, id: &str) -> bool {
        if self.sending.get_untracked().as_deref() == Some(id) {
            return false;
        }
        let mut items = self.load();
        let removed = queue::remove(&mut items, id);
        self.save(items);
        removed
    }

    /// Whether another tab holds a live claim on `item` (it is sending it now).
    pub fn claimed_elsewhere(&self, item: &QueuedSubmission) -> bool {
        !item.claimable_by(&self.tab, now_ms())
    }

    /// Notes a form at `origin` on the page.
    pub fn register(&self, origin: &'static str) {
        self.mounted.update(|m| m.push(origin));
    }

    /// Notes that a form at `origin` left the page.
    pub fn unregister(&self, origin: &'static str) {
        self.mounted.update(|m| {
            if let Some(i) = m.iter().position(|o| *o == origin) {
                m.remove(i);
            }
        });
    }

    /// Sends whatever waits, one item at a time, unless already doing so or offline.
    pub fn flush(&self) {
        if FLUSHING.get() || is_offline() {
            return;
        }
        FLUSHING.set(true);
        let o = self.clone();
        leptos::task::spawn_local(async move {
            o.flush_all().await;
            FLUSHING.set(false);
        });
    }

    async fn flush_all(&self) {
        while !is_offline() {
            let now = now_ms();
            let mut items = self.load();
            let Some(item) = queue::next_claimable(&items, &self.tab, now).cloned() else {
                self.items.set(items.clone());
                self.look_again_at(queue::next_expiry(&items, &self.tab));
                return;
            };
            let id = item.id().to_owned();
            if self.persistent.get_untracked() {
                queue::claim(&mut items, &id, &self.tab, now);
                self.save(items);
                sleep(CLAIM_SETTLE_MS + (client::random() * 100.0) as u32).await;
                let won = self
                    .load()
                    .iter()
                    .any(|i| i.id() == id && i.claimed_by(&self.tab, now));
                if !won {
                    // Another tab (or a cancel) got there first: look at the queue afresh.
                    continue;
                }
            }
            self.sending.set(Some(id.clone()));
            let outcome = deliver(&item.provider, &item.submission).await;
            self.sending.set(None);
            let mut items = self.load();
            if outcome == Outcome::Offline {
                queue::release(&mut items, &id, &self.tab);
                self.save(items);
                return;
            }
            queue::remove(&mut items, &id);
            self.save(items);
            self.delivered.update(|d| {
                d.push(Delivered {
                    id,
                    origin: item.origin.clone(),
                    outcome,
                    input: item.input.clone(),
                })
            });
        }
    }

    /// Flushes again when another tab's claim goes stale (that tab went away mid-send).
    fn look_again_at(&self, at_ms: Option<f64>) {
        if let Some(at) = at_ms {
            let wait = (at - now_ms()).max(0.0) + 1_000.0;
            let o = self.clone();
            set_timeout(
                move || o.flush(),
                std::time::Duration::from_millis(wait as u64),
            );
        }
    }
}
