//! Why content could not be shown, with the message a reader sees. Its own module, so views
//! can show and match errors without depending on the network client.

use model::DecodeError;

/// Why content could not be shown; `Display` is the message a reader sees.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    /// The file does not exist (404/410, or an HTML fallback page where JSON belongs).
    #[error("We couldn’t find this. It may have moved, or the link may be mistyped.")]
    NotFound {
        /// Bucket path that was asked for.
        file: String,
    },
    /// The host refused access (403).
    #[error(
        "The magazine’s content host refused access to {file} (error 403). Please try again later."
    )]
    Forbidden {
        /// Bucket path that was asked for.
        file: String,
    },
    /// The host answered with a server error (5xx) or an unexpected status.
    #[error("The magazine’s server had a problem (error {status}). Please try again in a moment.")]
    Server {
        /// Bucket path that was asked for.
        file: String,
        /// HTTP status.
        status: u16,
    },
    /// The browser reports no connection.
    #[error("You appear to be offline. Check your connection, then try again.")]
    Offline,
    /// An article asked for while offline that is not saved on this device.
    #[error("You’re offline and this article isn’t saved on this device.")]
    NotSaved,
    /// The request failed before any answer (DNS, TLS, CORS, connection reset).
    #[error("We couldn’t reach the magazine. Check your connection, then try again.")]
    Network {
        /// Bucket path that was asked for.
        file: String,
    },
    /// No answer within [`TIMEOUT_MS`].
    #[error("The magazine took too long to answer. Please try again.")]
    TimedOut {
        /// Bucket path that was asked for.
        file: String,
    },
    /// The file is not valid content (cut short, not JSON, wrong shape).
    #[error("Part of this page could not be read: {file} is damaged or incomplete.")]
    Malformed {
        /// Bucket path of the bad file.
        file: String,
        /// What was wrong, for the console and for staff.
        detail: String,
    },
    /// The file is far larger than any real bucket file.
    #[error("Part of this page could not be read: {file} is unexpectedly large.")]
    TooLarge {
        /// Bucket path of the file.
        file: String,
    },
    /// The bucket was written in a newer format than this build of the site reads.
    #[error("This content uses a newer format (version {found}) than this page can read (version {supported}). Reloading the page should fetch the newer site.")]
    UnsupportedSchema {
        /// Bucket path of the file.
        file: String,
        /// The version found.
        found: u32,
        /// The version this build reads.
        supported: u32,
    },
    /// The code of a part of the site, loaded the first time that part is shown, could not be
    /// fetched (offline, or a deploy replaced it while the page was open).
    #[error("This part of the site could not be loaded. Check your connection, then try again; if it keeps failing, reload the page.")]
    CodeUnavailable,
}

impl ContentError {
    /// Whether retrying automatically could help (the network or a server hiccup).
    pub fn is_transient(&self) -> bool {
        matches!(self, ContentError::Network { .. })
            || matches!(self, ContentError::Server { status, .. } if *status >= 500)
    }

    /// Whether this is a plain "no such thing", which pages show as their 404.
    pub fn is_not_found(&self) -> bool {
        matches!(self, ContentError::NotFound { .. })
    }
}

impl From<leptos::wasm_split::SplitLoaderError> for ContentError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ContentError::CodeUnavailable
    }
}

impl From<DecodeError> for ContentError {
    fn from(e: DecodeError) -> Self {
        match e {
            DecodeError::Malformed { file, detail } => ContentError::Malformed { file, detail },
            DecodeError::UnsupportedSchema {
                file,
                found,
                supported,
            } => ContentError::UnsupportedSchema {
                file,
                found,
                supported,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::decode;

    #[test]
    fn decode_errors_become_reader_messages() {
        let e: ContentError = decode::<model::Page>("pages/about.json", "{\"schema_version\":9}")
            .unwrap_err()
            .into();
        assert!(e.to_string().contains("newer format"), "{e}");
        let e: ContentError = decode::<model::Page>("pages/about.json", "{")
            .unwrap_err()
            .into();
        assert!(e.to_string().contains("pages/about.json is damaged"), "{e}");
    }

    #[test]
    fn only_missing_files_are_not_found() {
        assert!(ContentError::NotFound {
            file: "a.json".into()
        }
        .is_not_found());
        for other in [
            ContentError::Forbidden {
                file: "a.json".into(),
            },
            ContentError::Offline,
            ContentError::Server {
                file: "a.json".into(),
                status: 404,
            },
        ] {
            assert!(!other.is_not_found(), "{other:?}");
        }
    }
}
