//! When to try a submission again by ourselves: only for failures where the provider
//! probably never acted (network errors, 5xx, 429), at most [`MAX_RETRIES`] times, with
//! exponential backoff and jitter so readers recovering from one outage don't all
//! return at once. The idempotency key makes a retry harmless if the provider did act.

use super::outcome::Outcome;

/// Automatic retries after the first attempt.
pub const MAX_RETRIES: u32 = 3;
/// The longest `Retry-After` we wait out ourselves; longer ones are told to the reader.
pub const MAX_RETRY_AFTER_SECS: u64 = 30;
/// First backoff step; each later one doubles.
pub const BASE_DELAY_MS: u32 = 500;

/// What to do after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Wait this long, then try again.
    RetryAfterMs(u32),
    /// Report the outcome to the reader.
    Stop,
}

/// The decision after an attempt that ended in `outcome`, with `retries_done` retries so
/// far; `jitter` is a random number in `[0, 1)`.
pub fn next(outcome: &Outcome, retries_done: u32, jitter: f64) -> Next {
    if retries_done >= MAX_RETRIES {
        return Next::Stop;
    }
    match outcome {
        Outcome::NetworkError | Outcome::ServerError { status: 500..=599 } => {
            Next::RetryAfterMs(backoff_ms(retries_done, jitter))
        }
        Outcome::RateLimited {
            retry_after_secs: Some(secs),
        } => {
            if *secs <= MAX_RETRY_AFTER_SECS {
                // A little jitter on top, so a crowd told "10 s" doesn't return in step.
                let spread = (jitter.clamp(0.0, 1.0) * 250.0) as u32;
                Next::RetryAfterMs(*secs as u32 * 1000 + spread)
            } else {
                Next::Stop
            }
        }
        Outcome::RateLimited {
            retry_after_secs: None,
        } => Next::RetryAfterMs(backoff_ms(retries_done, jitter)),
        _ => Next::Stop,
    }
}

/// "Equal jitter" backoff: half of `BASE·2ⁿ` fixed, half random (500–1000, 1000–2000, 2000–4000 ms).
pub fn backoff_ms(retries_done: u32, jitter: f64) -> u32 {
    let step = BASE_DELAY_MS.saturating_mul(1 << retries_done.min(10));
    let half = step / 2;
    half + (f64::from(half) * jitter.clamp(0.0, 1.0)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transient_failures_retry_three_times_then_stop() {
        for o in [
            Outcome::NetworkError,
            Outcome::ServerError { status: 500 },
            Outcome::ServerError { status: 503 },
        ] {
            for n in 0..MAX_RETRIES {
                assert!(
                    matches!(next(&o, n, 0.5), Next::RetryAfterMs(_)),
                    "{o:?} {n}"
                );
            }
            assert_eq!(next(&o, MAX_RETRIES, 0.5), Next::Stop, "{o:?}");
        }
    }

    #[test]
    fn answers_that_retrying_cannot_change_are_final() {
        for o in [
            Outcome::Subscribed,
            Outcome::AlreadySubscribed,
            Outcome::InvalidAddress,
            Outcome::Refused { status: 404 },
            Outcome::TimedOut,
            Outcome::Offline,
            Outcome::Unconfirmed,
            // 408 is a server error to the reader, but only 5xx are retried.
            Outcome::ServerError { status: 408 },
        ] {
            assert_eq!(next(&o, 0, 0.5), Next::Stop, "{o:?}");
        }
    }

    #[test]
    fn backoff_grows_exponentially_with_bounded_jitter() {
        assert_eq!(backoff_ms(0, 0.0), 250);
        assert_eq!(backoff_ms(0, 1.0), 500);
        assert_eq!(backoff_ms(1, 0.0), 500);
        assert_eq!(backoff_ms(2, 0.0), 1000);
        assert_eq!(backoff_ms(2, 1.0), 2000);
        assert_eq!(backoff_ms(2, 7.0), 2000, "jitter is clamped");
        for n in 0..3 {
            assert!(backoff_ms(n + 1, 0.0) >= backoff_ms(n, 1.0));
        }
    }

    #[test]
    fn rate_limits_honour_short_retry_after_and_surface_long_ones() {
        let short = Outcome::RateLimited {
            retry_after_secs: Some(2),
        };
        match next(&short, 0, 0.0) {
            Next::RetryAfterMs(ms) => assert_eq!(ms, 2000),
            other => panic!("{other:?}"),
        }
        let edge = Outcome::RateLimited {
            retry_after_secs: Some(30),
        };
        assert!(matches!(next(&edge, 0, 1.0), Next::RetryAfterMs(30_250)));
        let long = Outcome::RateLimited {
            retry_after_secs: Some(31),
        };
        assert_eq!(next(&long, 0, 0.0), Next::Stop);
        let unknown = Outcome::RateLimited {
            retry_after_secs: None,
        };
        assert!(matches!(next(&unknown, 1, 0.0), Next::RetryAfterMs(500)));
        assert_eq!(next(&short, MAX_RETRIES, 0.0), Next::Stop);
    }
}
