//! The editor's work in progress, kept in this browser's localStorage as the reader types,
//! and read by the live frames too.

use serde::{Deserialize, Serialize};

/// The localStorage key of the editor's work in progress (the live frames read it too).
pub const DRAFT_KEY: &str = "convergence.preview.draft";

/// The editor's work in progress as saved in localStorage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredDraft {
    /// The file name without `.md` as typed (may be empty: then it comes from the title).
    pub slug: String,
    /// The whole file: front matter and Markdown.
    pub text: String,
}

impl StoredDraft {
    /// The stored form.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored value; anything unreadable is None (the editor then starts afresh).
    pub fn from_json(raw: &str) -> Option<StoredDraft> {
        serde_json::from_str(raw).ok()
    }
}

/// Why the work in progress cannot be kept in this browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageProblem {
    /// No localStorage (private mode, blocked by settings).
    Unavailable,
    /// Writing failed (full).
    WriteFailed,
}

/// This browser's localStorage, or why there is none.
fn storage() -> Result<web_sys::Storage, StorageProblem> {
    crate::browser::local_storage().ok_or(StorageProblem::Unavailable)
}

/// The saved work in progress, if any.
pub fn load_saved() -> Result<Option<StoredDraft>, StorageProblem> {
    let raw = storage()?
        .get_item(DRAFT_KEY)
        .map_err(|_| StorageProblem::Unavailable)?;
    Ok(raw.and_then(|r| StoredDraft::from_json(&r)))
}

/// Saves the work in progress.
pub fn save(draft: &StoredDraft) -> Result<(), StorageProblem> {
    storage()?
        .set_item(DRAFT_KEY, &draft.to_json())
        .map_err(|_| StorageProblem::WriteFailed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_drafts_round_trip_and_garbage_is_ignored() {
        let d = StoredDraft {
            slug: "x".into(),
            text: "+++\n\"quotes\" and ünïcode\n".into(),
        };
        assert_eq!(StoredDraft::from_json(&d.to_json()), Some(d));
        assert_eq!(StoredDraft::from_json("not json"), None);
        assert_eq!(StoredDraft::from_json("{\"slug\":1}"), None);
    }
}
