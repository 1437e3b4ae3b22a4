//! Sending a submission: the only network code of the subscribe flow. It sends what the
//! adapters describe with a 10-second limit per request, retries what [`retry::next`]
//! allows, falls back once to `no-cors` for form-encoded providers without CORS, and
//! reports "offline" instead of failing when the browser has no connection.

use super::adapters::{self, Method, ProviderResponse, SubscribeRequest};
use super::form::{uuid_v4, Submission};
use super::outcome::Outcome;
use super::retry::{self, Next};
use crate::browser::{sleep, AbortOnDrop};
use futures::future::{select, Either};
use model::Provider;

/// How long one request may take.
pub const TIMEOUT_MS: u32 = 10_000;
/// Most of a provider's answer we keep (messages are short; a stray HTML page is not).
const MAX_BODY: usize = 8 * 1024;

/// Why a request got no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    /// Fetch rejected; `type_error` when it was a TypeError (network or CORS).
    Network { type_error: bool },
    /// No answer within [`TIMEOUT_MS`].
    Timeout,
}

/// The time now, in Unix milliseconds.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A random number in `[0, 1)` for jitter.
pub fn random() -> f64 {
    js_sys::Math::random()
}

/// A fresh random idempotency key (a UUID; `getRandomValues` works on plain http too).
pub fn new_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = crate::browser::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (random() * 256.0) as u8;
        }
    }
    uuid_v4(bytes)
}

/// Sends `submission` to `provider`, with retries; never returns before the outcome is
/// final. `Outcome::Offline` means nothing was (knowingly) delivered and it should be queued.
pub async fn deliver(provider: &Provider, submission: &Submission) -> Outcome {
    let mut retries = 0;
    loop {
        if crate::browser::is_offline() {
            return Outcome::Offline;
        }
        let outcome = attempt(provider, submission).await;
        // A failure because the connection dropped is "offline", not an error to retry now.
        if outcome == Outcome::NetworkError && crate::browser::is_offline() {
            return Outcome::Offline;
        }
        match retry::next(&outcome, retries, random()) {
            Next::Stop => return outcome,
            Next::RetryAfterMs(ms) => {
                leptos::logging::warn!("subscribe: {outcome:?}; retrying in {ms} ms");
                sleep(ms).await;
                retries += 1;
            }
        }
    }
}

/// One attempt: Ghost's token first if needed, then the sign-up itself.
async fn attempt(provider: &Provider, submission: &Submission) -> Outcome {
    let mut token = None;
    if let Some(req) = adapters::token_request(provider) {
        match send(&req, false).await {
            Ok(r) => match adapters::read_token(&r, now_ms()) {
                Ok(t) => token = t,
                Err(outcome) => return outcome,
            },
            Err(f) => return failure_outcome(f),
        }
    }
    let req = adapters::build(provider, submission, token.as_deref());
    match send(&req, false).await {
        Ok(r) => adapters::interpret(provider, &r, now_ms()),
        // A form post to a provider without CORS headers fails as a TypeError although the
        // provider got it (it is a "simple" request: no preflight). One `no-cors` retry tells
        // a reachable provider from a dead network; its opaque answer is reported honestly.
        Err(Failure::Network { type_error: true })
            if matches!(provider, Provider::FormEncoded { .. })
                && !crate::browser::is_offline() =>
        {
            match send(&req, true).await {
                Ok(r) => adapters::interpret(provider, &r, now_ms()),
                Err(f) => failure_outcome(f),
            }
        }
        Err(f) => failure_outcome(f),
    }
}

fn failure_outcome(f: Failure) -> Outcome {
    match f {
        Failure::Network { .. } => Outcome::NetworkError,
        Failure::Timeout => Outcome::TimedOut,
    }
}

/// Sends one described request within [`TIMEOUT_MS`].
async fn send(req: &SubscribeRequest, no_cors: bool) -> Result<ProviderResponse, Failure> {
    use gloo_net::http::{Method as M, RequestBuilder};
    let guard = AbortOnDrop::new();
    let signal = guard.signal();
    let method = match req.method {
        Method::Get => M::GET,
        Method::Post => M::POST,
    };
    let mut builder = RequestBuilder::new(&req.url)
        .method(method)
        .abort_signal(signal.as_ref());
    if no_cors {
        builder = builder.mode(web_sys::RequestMode::NoCors);
    }
    if let Some(ct) = &req.content_type {
        builder = builder.header("Content-Type", ct);
    }
    for (k, v) in &req.headers {
        builder = builder.header(k, v);
    }
    let request = match &req.body {
        Some(body) => builder.body(body.as_str()),
        None => builder.build(),
    }
    .map_err(|_| Failure::Network { type_error: false })?;
    let work = async {
        let response = request.send().await.map_err(|e| {
            leptos::logging::warn!("subscribe: {} failed: {e}", req.url);
            Failure::Network {
                type_error: matches!(&e, gloo_net::Error::JsError(j) if j.name == "TypeError"),
            }
        })?;
        let opaque = response.type_() == web_sys::ResponseType::Opaque;
        let retry_after = response.headers().get("retry-after");
        let mut body = if opaque {
            String::new()
        } else {
            response.text().await.unwrap_or_default()
        };
        if body.len() > MAX_BODY {
            let mut end = MAX_BODY;
            while !body.is_char_boundary(end) {
                end -= 1;
            }
            body.truncate(end);
        }
        Ok(ProviderResponse {
            status: response.status(),
            retry_after,
            body,
            opaque,
        })
    };
    let timeout = sleep(TIMEOUT_MS);
    futures::pin_mut!(work, timeout);
    match select(work, timeout).await {
        Either::Left((result, _)) => result,
        // Dropping `work` aborts the request through the guard.
        Either::Right(_) => Err(Failure::Timeout),
    }
}
