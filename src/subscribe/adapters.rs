//! The provider adapters: plain functions from a [`Submission`] to a request description,
//! and from a provider's answer to an [`Outcome`]. No network here: `client.rs` sends
//! what these describe, and these are tested natively.

use super::form::Submission;
use super::outcome::{parse_retry_after, Outcome};
use model::Provider;
use serde::{Deserialize, Serialize};
use serde_json::json;

/// HTTP methods the adapters use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    /// GET (Ghost's integrity token).
    Get,
    /// POST (every sign-up).
    Post,
}

impl Method {
    /// The method name for fetch.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// One HTTP request, described.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscribeRequest {
    /// Absolute URL.
    pub url: String,
    /// GET or POST.
    pub method: Method,
    /// `Content-Type` of the body, when there is one.
    pub content_type: Option<String>,
    /// The body, when there is one.
    pub body: Option<String>,
    /// Extra headers (each makes a cross-origin request need a CORS preflight).
    pub headers: Vec<(String, String)>,
}

/// What came back, as much as the adapters need of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProviderResponse {
    /// HTTP status (0 for an opaque `no-cors` answer).
    pub status: u16,
    /// The `Retry-After` header, if the provider sent (and CORS exposed) it.
    pub retry_after: Option<String>,
    /// The body text (empty if unreadable).
    pub body: String,
    /// A `no-cors` answer, whose status and body the browser hides.
    pub opaque: bool,
}

/// The request to make before the sign-up itself, if the provider needs one: Ghost
/// refuses magic-link requests without a fresh integrity token from its members API.
pub fn token_request(provider: &Provider) -> Option<SubscribeRequest> {
    match provider {
        Provider::Ghost { base_url } => Some(SubscribeRequest {
            url: join(base_url, "members/api/integrity-token/"),
            method: Method::Get,
            content_type: None,
            body: None,
            headers: Vec::new(),
        }),
        _ => None,
    }
}

/// The integrity token from [`token_request`]'s answer: None when the provider predates
/// tokens (404) so the sign-up goes without; Err with the outcome when it failed otherwise.
pub fn read_token(response: &ProviderResponse, now_ms: f64) -> Result<Option<String>, Outcome> {
    match response.status {
        200..=299 => {
            let token = response.body.trim();
            Ok((!token.is_empty()).then(|| token.to_owned()))
        }
        404 => Ok(None),
        _ => Err(common_outcome(response, now_ms)),
    }
}

/// The sign-up request for `provider`; `token` is Ghost's integrity token, if any.
pub fn build(provider: &Provider, s: &Submission, token: Option<&str>) -> SubscribeRequest {
    match provider {
        Provider::GenericJson { endpoint } => SubscribeRequest {
            url: endpoint.clone(),
            method: Method::Post,
            content_type: Some("application/json".into()),
            body: Some(
                json!({
                    "email": s.email,
                    "name": s.name,
                    "lists": s.lists,
                    "idempotency_key": s.idempotency_key,
                })
                .to_string(),
            ),
            headers: vec![("Idempotency-Key".into(), s.idempotency_key.clone())],
        },
        Provider::FormEncoded {
            endpoint,
            email_field,
            name_field,
            list_field,
        } => {
            let mut pairs = vec![(email_field.as_str(), s.email.as_str())];
            if let (Some(field), Some(name)) = (name_field, &s.name) {
                pairs.push((field, name));
            }
            if let Some(field) = list_field {
                pairs.extend(s.lists.iter().map(|l| (field.as_str(), l.as_str())));
            }
            SubscribeRequest {
                url: endpoint.clone(),
                method: Method::Post,
                content_type: Some("application/x-www-form-urlencoded".into()),
                body: Some(form_urlencode(&pairs)),
                // No custom headers: they would force a preflight these providers don't answer,
                // and `no-cors` drops them anyway.
                headers: Vec::new(),
            }
        }
        Provider::Listmonk { base_url } => SubscribeRequest {
            url: join(base_url, "api/public/subscription"),
            method: Method::Post,
            content_type: Some("application/json".into()),
            body: Some(
                json!({
                    "email": s.email,
                    // listmonk derives a name from the address when this is empty.
                    "name": s.name.clone().unwrap_or_default(),
                    "list_uuids": s.lists,
                })
                .to_string(),
            ),
            headers: Vec::new(),
        },
        Provider::Ghost { base_url } => {
            let mut body = json!({ "email": s.email, "emailType": "subscribe" });
            if let Some(name) = &s.name {
                body["name"] = json!(name);
            }
            if !s.lists.is_empty() {
                // Ghost names newsletters by name; the list id in site.toml is that name.
                let newsletters: Vec<_> = s.lists.iter().map(|n| json!({ "name": n })).collect();
                body["newsletters"] = json!(newsletters);
            }
            if let Some(t) = token {
                body["integrityToken"] = json!(t);
            }
            SubscribeRequest {
                url: join(base_url, "members/api/send-magic-link/"),
                method: Method::Post,
                content_type: Some("application/json".into()),
                body: Some(body.to_string()),
                headers: Vec::new(),
            }
        }
    }
}

/// What an answer to [`build`]'s request means; `now_ms` (Unix ms) dates `Retry-After`.
pub fn interpret(provider: &Provider, response: &ProviderResponse, now_ms: f64) -> Outcome {
    if response.opaque {
        return Outcome::Unconfirmed;
    }
    match (provider, response.status) {
        // Our own contract (xtask's server follows it): 400 is always the address.
        (Provider::GenericJson { .. }, 400 | 422) => Outcome::InvalidAddress,
        // Ghost answers "already a member" with a sign-in link and 201, on purpose: it
        // doesn't reveal who is subscribed. So 201 is all we can know.
        _ => common_outcome(response, now_ms),
    }
}

/// The status mapping every provider shares.
fn common_outcome(response: &ProviderResponse, now_ms: f64) -> Outcome {
    let body = response.body.to_ascii_lowercase();
    match response.status {
        200..=299 => Outcome::Subscribed,
        // Fetch follows redirects, so a visible 3xx is unusual: we can't tell what it did.
        300..=399 => Outcome::Unconfirmed,
        409 => Outcome::AlreadySubscribed,
        400 | 422 if says_already(&body) => Outcome::AlreadySubscribed,
        400 | 422 if says_address(&body) => Outcome::InvalidAddress,
        429 => Outcome::RateLimited {
            retry_after_secs: response
                .retry_after
                .as_deref()
                .and_then(|v| parse_retry_after(v, now_ms)),
        },
        408 | 500..=599 => Outcome::ServerError {
            status: response.status,
        },
        status => Outcome::Refused { status },
    }
}

fn says_already(body: &str) -> bool {
    [
        "already subscribed",
        "already exists",
        "already a member",
        "already a subscriber",
        "already on",
    ]
    .iter()
    .any(|p| body.contains(p))
}

fn says_address(body: &str) -> bool {
    ["email", "e-mail", "address"]
        .iter()
        .any(|p| body.contains(p))
}

/// `base` and `path` with exactly one slash between them.
fn join(base: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

/// `application/x-www-form-urlencoded` serialisation, as the URL standard defines it.
pub fn form_urlencode(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                crate::routes::form_urlencode(k),
                crate::routes::form_urlencode(v)
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn sub(name: Option<&str>, lists: &[&str]) -> Submission {
        Submission {
            email: "reader@example.org".into(),
            name: name.map(Into::into),
            lists: lists.iter().map(|s| s.to_string()).collect(),
            idempotency_key: "6f1c2b1e-0000-4000-8000-000000000001".into(),
        }
    }

    fn body_json(r: &SubscribeRequest) -> Value {
        serde_json::from_str(r.body.as_deref().unwrap()).unwrap()
    }

    fn resp(status: u16, body: &str) -> ProviderResponse {
        ProviderResponse {
            status,
            body: body.into(),
            ..Default::default()
        }
    }

    fn generic() -> Provider {
        Provider::GenericJson {
            endpoint: "https://subs.example.org/subscribe".into(),
        }
    }

    fn form() -> Provider {
        Provider::FormEncoded {
            endpoint: "https://buttondown.com/api/emails/embed-subscribe/convergence".into(),
            email_field: "email".into(),
            name_field: Some("metadata__name".into()),
            list_field: Some("tag".into()),
        }
    }

    fn listmonk() -> Provider {
        Provider::Listmonk {
            base_url: "https://lists.example.org/".into(),
        }
    }

    fn ghost() -> Provider {
        Provider::Ghost {
            base_url: "https://ghost.example.org".into(),
        }
    }

    #[test]
    fn generic_json_request_shape() {
        let r = build(&generic(), &sub(Some("Ella Baker"), &["newsletter"]), None);
        assert_eq!(r.url, "https://subs.example.org/subscribe");
        assert_eq!(r.method, Method::Post);
        assert_eq!(r.content_type.as_deref(), Some("application/json"));
        assert_eq!(
            body_json(&r),
            serde_json::json!({
                "email": "reader@example.org",
                "name": "Ella Baker",
                "lists": ["newsletter"],
                "idempotency_key": "6f1c2b1e-0000-4000-8000-000000000001",
            })
        );
        assert_eq!(
            r.headers,
            [(
                "Idempotency-Key".to_string(),
                "6f1c2b1e-0000-4000-8000-000000000001".to_string()
            )]
        );
        let r = build(&generic(), &sub(None, &[]), None);
        assert_eq!(body_json(&r)["name"], Value::Null);
        assert!(token_request(&generic()).is_none());
    }

    #[test]
    fn generic_json_answers() {
        let p = generic();
        assert_eq!(interpret(&p, &resp(201, ""), 0.0), Outcome::Subscribed);
        assert_eq!(interpret(&p, &resp(200, "{}"), 0.0), Outcome::Subscribed);
        assert_eq!(
            interpret(&p, &resp(409, ""), 0.0),
            Outcome::AlreadySubscribed
        );
        assert_eq!(
            interpret(&p, &resp(400, "{\"error\":\"bad\"}"), 0.0),
            Outcome::InvalidAddress
        );
        assert_eq!(
            interpret(&p, &resp(500, ""), 0.0),
            Outcome::ServerError { status: 500 }
        );
        assert_eq!(
            interpret(&p, &resp(404, ""), 0.0),
            Outcome::Refused { status: 404 }
        );
        let limited = ProviderResponse {
            status: 429,
            retry_after: Some("120".into()),
            ..Default::default()
        };
        assert_eq!(
            interpret(&p, &limited, 0.0),
            Outcome::RateLimited {
                retry_after_secs: Some(120)
            }
        );
        let dated = ProviderResponse {
            status: 429,
            retry_after: Some("Thu, 01 Jan 1970 00:01:00 GMT".into()),
            ..Default::default()
        };
        assert_eq!(
            interpret(&p, &dated, 15_000.0),
            Outcome::RateLimited {
                retry_after_secs: Some(45)
            }
        );
        let bare = resp(429, "");
        assert_eq!(
            interpret(&p, &bare, 0.0),
            Outcome::RateLimited {
                retry_after_secs: None
            }
        );
    }

    #[test]
    fn form_encoded_request_shape() {
        let mut s = sub(Some("Ella Baker & co"), &["newsletter", "podcasts"]);
        s.email = "a+b@example.org".into();
        let r = build(&form(), &s, None);
        assert_eq!(
            r.content_type.as_deref(),
            Some("application/x-www-form-urlencoded")
        );
        assert_eq!(
            r.body.as_deref(),
            Some("email=a%2Bb%40example.org&metadata__name=Ella+Baker+%26+co&tag=newsletter&tag=podcasts")
        );
        assert!(r.headers.is_empty(), "no preflight-forcing headers");
        // Mailchimp's embed takes no name or list fields in this shape.
        let mailchimp = Provider::FormEncoded {
            endpoint: "https://x.us1.list-manage.com/subscribe/post?u=1&id=2".into(),
            email_field: "EMAIL".into(),
            name_field: None,
            list_field: None,
        };
        let r = build(&mailchimp, &s, None);
        assert_eq!(r.body.as_deref(), Some("EMAIL=a%2Bb%40example.org"));
        assert_eq!(
            r.url,
            "https://x.us1.list-manage.com/subscribe/post?u=1&id=2"
        );
    }

    #[test]
    fn form_encoded_answers_including_opaque() {
        let p = form();
        let opaque = ProviderResponse {
            opaque: true,
            ..Default::default()
        };
        assert_eq!(interpret(&p, &opaque, 0.0), Outcome::Unconfirmed);
        assert_eq!(
            interpret(&p, &resp(200, "<html>"), 0.0),
            Outcome::Subscribed
        );
        assert_eq!(
            interpret(&p, &resp(400, "This email is already subscribed."), 0.0),
            Outcome::AlreadySubscribed
        );
        assert_eq!(
            interpret(&p, &resp(400, "Please enter a valid email address"), 0.0),
            Outcome::InvalidAddress
        );
        assert_eq!(
            interpret(&p, &resp(400, "Unknown form"), 0.0),
            Outcome::Refused { status: 400 }
        );
    }

    #[test]
    fn listmonk_request_shape_and_answers() {
        let r = build(&listmonk(), &sub(None, &["a1b2-uuid"]), None);
        assert_eq!(r.url, "https://lists.example.org/api/public/subscription");
        assert_eq!(
            body_json(&r),
            serde_json::json!({ "email": "reader@example.org", "name": "", "list_uuids": ["a1b2-uuid"] })
        );
        let p = listmonk();
        assert_eq!(
            interpret(&p, &resp(200, "{\"data\":true}"), 0.0),
            Outcome::Subscribed
        );
        assert_eq!(
            interpret(&p, &resp(400, "{\"message\":\"Invalid email.\"}"), 0.0),
            Outcome::InvalidAddress
        );
        assert_eq!(
            interpret(
                &p,
                &resp(409, "{\"message\":\"E-mail already exists.\"}"),
                0.0
            ),
            Outcome::AlreadySubscribed
        );
        assert_eq!(
            interpret(
                &p,
                &resp(400, "{\"message\":\"E-mail already exists.\"}"),
                0.0
            ),
            Outcome::AlreadySubscribed
        );
        assert_eq!(
            interpret(&p, &resp(502, ""), 0.0),
            Outcome::ServerError { status: 502 }
        );
    }

    #[test]
    fn ghost_request_shape_with_integrity_token() {
        let t = token_request(&ghost()).unwrap();
        assert_eq!(
            t.url,
            "https://ghost.example.org/members/api/integrity-token/"
        );
        assert_eq!(t.method, Method::Get);
        assert!(t.body.is_none());
        let r = build(
            &ghost(),
            &sub(Some("Ella"), &["Convergence weekly"]),
            Some("tok"),
        );
        assert_eq!(
            r.url,
            "https://ghost.example.org/members/api/send-magic-link/"
        );
        assert_eq!(
            body_json(&r),
            serde_json::json!({
                "email": "reader@example.org",
                "emailType": "subscribe",
                "name": "Ella",
                "newsletters": [{ "name": "Convergence weekly" }],
                "integrityToken": "tok",
            })
        );
        let bare = body_json(&build(&ghost(), &sub(None, &[]), None));
        assert_eq!(
            bare,
            serde_json::json!({ "email": "reader@example.org", "emailType": "subscribe" })
        );
    }

    #[test]
    fn ghost_answers_and_token() {
        let p = ghost();
        assert_eq!(
            interpret(&p, &resp(201, "Created."), 0.0),
            Outcome::Subscribed
        );
        assert_eq!(
            interpret(
                &p,
                &resp(400, "{\"errors\":[{\"message\":\"Email is not valid\"}]}"),
                0.0
            ),
            Outcome::InvalidAddress
        );
        assert_eq!(
            interpret(
                &p,
                &resp(
                    400,
                    "{\"errors\":[{\"message\":\"Cannot subscribe to invalid newsletters\"}]}"
                ),
                0.0
            ),
            Outcome::Refused { status: 400 }
        );
        assert_eq!(
            read_token(&resp(200, " abc.def \n"), 0.0),
            Ok(Some("abc.def".into()))
        );
        assert_eq!(read_token(&resp(404, "Not found"), 0.0), Ok(None));
        assert_eq!(
            read_token(&resp(503, ""), 0.0),
            Err(Outcome::ServerError { status: 503 })
        );
    }

    #[test]
    fn form_encoding_follows_the_url_standard() {
        assert_eq!(
            form_urlencode(&[("a b", "c&d=e"), ("ü", "*-._~")]),
            "a+b=c%26d%3De&%C3%BC=*-._%7E"
        );
    }
}
