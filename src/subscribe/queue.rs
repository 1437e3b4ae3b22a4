//! The offline queue's data and rules, kept pure so they are tested natively; the
//! browser side (storage, events, sending) is `outbox.rs`.
//!
//! Several tabs share one localStorage queue. Before sending an item a tab writes a
//! claim (its tab id and the time) and, after a pause, reads it back: only the tab whose
//! claim survived sends. A claim older than [`CLAIM_TTL_MS`] belongs to a tab that went
//! away mid-send, so another may take it over (the idempotency key keeps that harmless).

use super::form::{FormInput, Submission};
use model::Provider;
use serde::{Deserialize, Serialize};

/// The localStorage key.
pub const STORAGE_KEY: &str = "convergence.subscribe.outbox";
/// How long a claim holds: longer than the slowest delivery (4 attempts of 10 s plus waits).
pub const CLAIM_TTL_MS: f64 = 180_000.0;

/// A tab's hold on an item it is sending.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The claiming tab's random id.
    pub tab: String,
    /// When it claimed (Unix ms).
    pub at_ms: f64,
}

/// A submission waiting for the browser to be online.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueuedSubmission {
    /// The placement it came from (`Variant::origin`), so the same form shows it again.
    pub origin: String,
    /// Where to send it (kept, so a changed config can't redirect a reader's address).
    pub provider: Provider,
    /// What to send; its idempotency key is also this item's id.
    pub submission: Submission,
    /// The fields exactly as typed, to show again after a reload or a failure.
    pub input: FormInput,
    /// When it was queued (Unix ms).
    pub queued_at_ms: f64,
    /// Who is sending it, if anyone.
    #[serde(default)]
    pub claim: Option<Claim>,
}

impl QueuedSubmission {
    /// The item's id: its idempotency key.
    pub fn id(&self) -> &str {
        &self.submission.idempotency_key
    }

    /// Whether `tab` may send it now: nobody holds it, `tab` does, or the claim went stale.
    pub fn claimable_by(&self, tab: &str, now_ms: f64) -> bool {
        match &self.claim {
            None => true,
            Some(c) => c.tab == tab || now_ms - c.at_ms > CLAIM_TTL_MS,
        }
    }

    /// Whether `tab` holds the claim stamped `at_ms`.
    pub fn claimed_by(&self, tab: &str, at_ms: f64) -> bool {
        self.claim
            .as_ref()
            .is_some_and(|c| c.tab == tab && c.at_ms == at_ms)
    }
}

/// Reads the stored queue; a missing or damaged value is an empty queue (never a crash).
pub fn parse(raw: Option<&str>) -> Vec<QueuedSubmission> {
    raw.and_then(|r| serde_json::from_str(r).ok())
        .unwrap_or_default()
}

/// The stored form of the queue.
pub fn serialize(items: &[QueuedSubmission]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

/// Adds `item`, replacing the item with id `replacing` (a form resubmitted while queued).
pub fn upsert(items: &mut Vec<QueuedSubmission>, item: QueuedSubmission, replacing: Option<&str>) {
    items.retain(|i| Some(i.id()) != replacing && i.id() != item.id());
    items.push(item);
}

/// Removes the item with `id`; true if it was there.
pub fn remove(items: &mut Vec<QueuedSubmission>, id: &str) -> bool {
    let before = items.len();
    items.retain(|i| i.id() != id);
    items.len() != before
}

/// Stamps a claim by `tab` on `id` if it is claimable; true if it did.
pub fn claim(items: &mut [QueuedSubmission], id: &str, tab: &str, now_ms: f64) -> bool {
    match items.iter_mut().find(|i| i.id() == id) {
        Some(i) if i.claimable_by(tab, now_ms) => {
            i.claim = Some(Claim {
                tab: tab.to_owned(),
                at_ms: now_ms,
            });
            true
        }
        _ => false,
    }
}

/// Drops `tab`'s claim on `id` (it went offline mid-send), leaving the item queued.
pub fn release(items: &mut [QueuedSubmission], id: &str, tab: &str) {
    if let Some(i) = items.iter_mut().find(|i| i.id() == id) {
        if i.claim.as_ref().is_some_and(|c| c.tab == tab) {
            i.claim = None;
        }
    }
}

/// Drops every claim `tab` holds (the page is going away: a reload or another page in the same
/// tab gets a new id and would otherwise wait for the claims to go stale); true if any went.
pub fn release_all(items: &mut [QueuedSubmission], tab: &str) -> bool {
    let mut released = false;
    for i in items.iter_mut() {
        if i.claim.as_ref().is_some_and(|c| c.tab == tab) {
            i.claim = None;
            released = true;
        }
    }
    released
}

/// The first item `tab` may send now, oldest first.
pub fn next_claimable<'a>(
    items: &'a [QueuedSubmission],
    tab: &str,
    now_ms: f64,
) -> Option<&'a QueuedSubmission> {
    items
        .iter()
        .filter(|i| i.claimable_by(tab, now_ms))
        .min_by(|a, b| a.queued_at_ms.total_cmp(&b.queued_at_ms))
}

/// When the earliest claim held by another tab goes stale (Unix ms), to look again then.
pub fn next_expiry(items: &[QueuedSubmission], tab: &str) -> Option<f64> {
    items
        .iter()
        .filter_map(|i| i.claim.as_ref())
        .filter(|c| c.tab != tab)
        .map(|c| c.at_ms + CLAIM_TTL_MS)
        .min_by(f64::total_cmp)
}

/// Whether the form at `origin` shows `item_origin`'s items: its own, and — for the
/// footer, which is on every page — those whose own form isn't on this page.
pub fn shown_by(origin: &str, item_origin: &str, mounted: &[&str]) -> bool {
    origin == item_origin || (origin == "footer" && !mounted.contains(&item_origin))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(key: &str, origin: &str, at: f64) -> QueuedSubmission {
        QueuedSubmission {
            origin: origin.into(),
            provider: Provider::GenericJson {
                endpoint: "http://127.0.0.1:8090/subscribe".into(),
            },
            submission: Submission {
                email: "a@b.c".into(),
                name: None,
                lists: vec!["newsletter".into()],
                idempotency_key: key.into(),
            },
            input: FormInput {
                email: " a@b.c".into(),
                ..Default::default()
            },
            queued_at_ms: at,
            claim: None,
        }
    }

    #[test]
    fn round_trips_and_survives_garbage() {
        let items = vec![item("k1", "page", 1.0), item("k2", "footer", 2.0)];
        assert_eq!(parse(Some(&serialize(&items))), items);
        assert!(parse(None).is_empty());
        assert!(parse(Some("{not json")).is_empty());
        assert!(parse(Some("{\"a\":1}")).is_empty());
    }

    #[test]
    fn upsert_replaces_a_resubmitted_item() {
        let mut items = vec![item("k1", "page", 1.0)];
        upsert(&mut items, item("k2", "page", 2.0), Some("k1"));
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].id(), "k2");
        upsert(&mut items, item("k3", "footer", 3.0), None);
        upsert(&mut items, item("k3", "footer", 4.0), None);
        assert_eq!(items.len(), 2, "same key never queues twice");
        assert!(remove(&mut items, "k2"));
        assert!(!remove(&mut items, "k2"));
    }

    #[test]
    fn a_page_leaving_releases_only_its_own_claims() {
        let mut items = vec![
            item("k1", "page", 1.0),
            item("k2", "page", 2.0),
            item("k3", "page", 3.0),
        ];
        assert!(claim(&mut items, "k1", "tab-a", 1000.0));
        assert!(claim(&mut items, "k2", "tab-b", 1000.0));
        assert!(release_all(&mut items, "tab-a"));
        assert!(items[0].claim.is_none());
        assert!(items[1].claimed_by("tab-b", 1000.0));
        assert!(!release_all(&mut items, "tab-a"));
    }

    #[test]
    fn only_one_tab_holds_a_claim() {
        let mut items = vec![item("k1", "page", 1.0)];
        assert!(claim(&mut items, "k1", "tab-a", 1000.0));
        assert!(!claim(&mut items, "k1", "tab-b", 2000.0));
        assert!(items[0].claimed_by("tab-a", 1000.0));
        assert!(!items[0].claimed_by("tab-b", 2000.0));
        assert!(next_claimable(&items, "tab-b", 2000.0).is_none());
        assert_eq!(next_expiry(&items, "tab-b"), Some(1000.0 + CLAIM_TTL_MS));
        assert_eq!(next_expiry(&items, "tab-a"), None);
        // A claim left by a tab that went away expires.
        let later = 1000.0 + CLAIM_TTL_MS + 1.0;
        assert!(claim(&mut items, "k1", "tab-b", later));
        assert!(items[0].claimed_by("tab-b", later));
        // Releasing someone else's claim does nothing; one's own frees the item.
        release(&mut items, "k1", "tab-a");
        assert!(items[0].claim.is_some());
        release(&mut items, "k1", "tab-b");
        assert!(items[0].claim.is_none());
        assert!(!claim(&mut items, "missing", "tab-a", 0.0));
    }

    #[test]
    fn oldest_claimable_goes_first() {
        let mut items = vec![item("new", "page", 5.0), item("old", "page", 1.0)];
        assert_eq!(next_claimable(&items, "t", 10.0).unwrap().id(), "old");
        claim(&mut items, "old", "other", 10.0);
        assert_eq!(next_claimable(&items, "t", 11.0).unwrap().id(), "new");
    }

    #[test]
    fn the_footer_shows_items_whose_form_is_not_on_the_page() {
        assert!(shown_by("page", "page", &["page", "footer"]));
        assert!(!shown_by("footer", "page", &["page", "footer"]));
        assert!(shown_by("footer", "page", &["footer"]));
        assert!(shown_by("footer", "footer", &["footer"]));
        assert!(!shown_by("article", "page", &["article", "footer"]));
    }
}
