//! A local subscribe endpoint for `cargo xtask serve`, speaking the generic JSON contract
//! the app's `generic_json` adapter sends (see README "Subscriptions"):
//!
//! `POST /subscribe` with `{"email", "name", "lists", "idempotency_key"}` and an
//! `Idempotency-Key` header answers 201 for a new address, 409 for one already
//! subscribed, 400 for an invalid one. A repeated idempotency key gets the first answer
//! again and records nothing (that is what makes the app's retries safe). CORS is open,
//! preflights are answered, and each new subscription is appended as a JSON line to
//! `target/subscriptions.jsonl` and printed.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

/// Where `content/site.toml`'s sample provider points.
pub const DEV_ADDR: &str = "127.0.0.1:8090";
/// Request bodies larger than this are refused (a sign-up is a few hundred bytes).
const MAX_BODY: u64 = 64 * 1024;

/// An answer, before it becomes an HTTP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// JSON body (empty for preflights).
    pub body: String,
}

/// What the server remembers: subscribed addresses and answers by idempotency key.
pub struct State {
    log: PathBuf,
    subscribed: HashSet<String>,
    answers: HashMap<String, Reply>,
}

impl State {
    /// A state that appends to `log`, remembering the addresses already in it.
    pub fn new(log: &Path) -> State {
        let subscribed = std::fs::read_to_string(log)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| match parse_json(l) {
                Some(Json::Object(o)) => {
                    o.get("email").and_then(Json::as_str).map(str::to_lowercase)
                }
                _ => None,
            })
            .collect();
        State {
            log: log.to_path_buf(),
            subscribed,
            answers: HashMap::new(),
        }
    }

    /// Answers one request.
    pub fn handle(
        &mut self,
        method: &str,
        path: &str,
        key_header: Option<&str>,
        body: &str,
    ) -> Reply {
        let path = path.split('?').next().unwrap_or("");
        if method == "OPTIONS" {
            return Reply {
                status: 204,
                body: String::new(),
            };
        }
        if path != "/subscribe" {
            return error(404, "not_found", "Only POST /subscribe is served here.");
        }
        if method != "POST" {
            return error(405, "method_not_allowed", "Use POST.");
        }
        let Some(Json::Object(fields)) = parse_json(body) else {
            return error(400, "bad_json", "The body must be a JSON object.");
        };
        let key = key_header
            .map(str::to_owned)
            .or_else(|| {
                fields
                    .get("idempotency_key")
                    .and_then(Json::as_str)
                    .map(str::to_owned)
            })
            .filter(|k| !k.is_empty());
        if let Some(previous) = key.as_ref().and_then(|k| self.answers.get(k)) {
            return previous.clone();
        }
        let reply = self.subscribe(&fields, key.as_deref());
        if let Some(k) = key {
            self.answers.insert(k, reply.clone());
        }
        reply
    }

    fn subscribe(&mut self, fields: &HashMap<String, Json>, key: Option<&str>) -> Reply {
        let email = fields
            .get("email")
            .and_then(Json::as_str)
            .unwrap_or("")
            .trim()
            .to_owned();
        if !plausible_email(&email) {
            return error(400, "invalid_email", "That email address isn't valid.");
        }
        if !self.subscribed.insert(email.to_lowercase()) {
            return Reply {
                status: 409,
                body: "{\"status\":\"already_subscribed\"}".into(),
            };
        }
        let name = fields.get("name").and_then(Json::as_str);
        let lists: Vec<&str> = match fields.get("lists") {
            Some(Json::Array(a)) => a.iter().filter_map(Json::as_str).collect(),
            _ => Vec::new(),
        };
        let line = format!(
            "{{\"email\":{},\"name\":{},\"lists\":[{}],\"idempotency_key\":{},\"at\":{}}}",
            quote(&email),
            name.map(quote).unwrap_or_else(|| "null".into()),
            lists.iter().map(|l| quote(l)).collect::<Vec<_>>().join(","),
            key.map(quote).unwrap_or_else(|| "null".into()),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0)
        );
        println!("subscribe: {line}");
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .and_then(|mut f| writeln!(f, "{line}"));
        if let Err(e) = written {
            eprintln!("subscribe: cannot append to {}: {e}", self.log.display());
        }
        Reply {
            status: 201,
            body: "{\"status\":\"subscribed\"}".into(),
        }
    }
}

fn error(status: u16, code: &str, message: &str) -> Reply {
    Reply {
        status,
        body: format!(
            "{{\"error\":{},\"message\":{}}}",
            quote(code),
            quote(message)
        ),
    }
}

/// The shape the app checks properly (HTML standard + RFC 5321 lengths), loosely: enough
/// for a development server to answer 400 where a real provider would.
fn plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.len() <= 64
        && email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || !c.is_ascii())
        && !domain.is_empty()
        && domain.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// Starts the server on `addr` in a background thread, logging to `log`.
pub fn start(addr: &str, log: &Path) -> Result<JoinHandle<()>, String> {
    let server =
        tiny_http::Server::http(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    println!(
        "==> local subscribe endpoint at http://{addr}/subscribe (sign-ups go to {})",
        log.display()
    );
    Ok(serve(server, State::new(log)))
}

/// Answers requests on `server` until the process ends.
fn serve(server: tiny_http::Server, mut state: State) -> JoinHandle<()> {
    std::thread::spawn(move || {
        for mut req in server.incoming_requests() {
            let method = req.method().as_str().to_ascii_uppercase();
            let key = req
                .headers()
                .iter()
                .find(|h| h.field.equiv("Idempotency-Key"))
                .map(|h| h.value.as_str().to_owned());
            let mut body = String::new();
            let too_big = req.body_length().is_some_and(|n| n as u64 > MAX_BODY);
            let read = req.as_reader().take(MAX_BODY).read_to_string(&mut body);
            let reply = if too_big || read.is_err() {
                error(413, "too_large", "The body is too large or not UTF-8.")
            } else {
                state.handle(&method, req.url(), key.as_deref(), &body)
            };
            let _ = req.respond(response(&reply));
        }
    })
}

fn response(reply: &Reply) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let header = |k: &str, v: &str| tiny_http::Header::from_bytes(k, v).expect("static header");
    let mut r = tiny_http::Response::from_string(reply.body.clone())
        .with_status_code(reply.status)
        .with_header(header("Access-Control-Allow-Origin", "*"))
        .with_header(header("Access-Control-Allow-Methods", "POST, OPTIONS"))
        .with_header(header(
            "Access-Control-Allow-Headers",
            "Content-Type, Idempotency-Key",
        ))
        .with_header(header("Access-Control-Expose-Headers", "Retry-After"))
        .with_header(header("Access-Control-Max-Age", "600"))
        .with_header(header("Cache-Control", "no-store"));
    if !reply.body.is_empty() {
        r = r.with_header(header("Content-Type", "application/json"));
    }
    r
}

/// A JSON value, as much as this server needs.
#[derive(Debug, Clone, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(HashMap<String, Json>),
}

impl Json {
    fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Parses one JSON document (RFC 8259); None if it is not exactly one valid value.
fn parse_json(text: &str) -> Option<Json> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    let v = p.value()?;
    p.ws();
    (p.i == p.s.len()).then_some(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: u32,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.s.get(self.i).is_some_and(|b| b" \t\r\n".contains(b)) {
            self.i += 1;
        }
    }

    fn eat(&mut self, lit: &str) -> bool {
        if self.s[self.i..].starts_with(lit.as_bytes()) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self) -> Option<Json> {
        self.ws();
        self.depth += 1;
        if self.depth > 64 {
            return None;
        }
        let v = match self.s.get(self.i)? {
            b'n' => self.eat("null").then_some(Json::Null),
            b't' => self.eat("true").then_some(Json::Bool(true)),
            b'f' => self.eat("false").then_some(Json::Bool(false)),
            b'"' => self.string().map(Json::String),
            b'[' => self.array(),
            b'{' => self.object(),
            _ => self.number(),
        };
        self.depth -= 1;
        v
    }

    fn array(&mut self) -> Option<Json> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.eat("]") {
            return Some(Json::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.ws();
            if self.eat("]") {
                return Some(Json::Array(items));
            }
            if !self.eat(",") {
                return None;
            }
        }
    }

    fn object(&mut self) -> Option<Json> {
        self.i += 1;
        let mut fields = HashMap::new();
        self.ws();
        if self.eat("}") {
            return Some(Json::Object(fields));
        }
        loop {
            self.ws();
            if self.s.get(self.i) != Some(&b'"') {
                return None;
            }
            let k = self.string()?;
            self.ws();
            if !self.eat(":") {
                return None;
            }
            let v = self.value()?;
            fields.insert(k, v);
            self.ws();
            if self.eat("}") {
                return Some(Json::Object(fields));
            }
            if !self.eat(",") {
                return None;
            }
        }
    }

    fn number(&mut self) -> Option<Json> {
        let start = self.i;
        while self
            .s
            .get(self.i)
            .is_some_and(|b| b.is_ascii_digit() || b"+-.eE".contains(b))
        {
            self.i += 1;
        }
        let text = std::str::from_utf8(&self.s[start..self.i]).ok()?;
        text.parse().ok().map(Json::Number)
    }

    fn string(&mut self) -> Option<String> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while self
                .s
                .get(self.i)
                .is_some_and(|b| *b != b'"' && *b != b'\\' && *b >= 0x20)
            {
                self.i += 1;
            }
            out.push_str(std::str::from_utf8(&self.s[start..self.i]).ok()?);
            match self.s.get(self.i)? {
                b'"' => {
                    self.i += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.i += 1;
                    let c = *self.s.get(self.i)?;
                    self.i += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xd800..0xdc00).contains(&hi) {
                                if !self.eat("\\u") {
                                    return None;
                                }
                                let lo = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&lo) {
                                    return None;
                                }
                                0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                            } else {
                                hi
                            };
                            out.push(char::from_u32(code)?);
                        }
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let h = std::str::from_utf8(self.s.get(self.i..self.i + 4)?).ok()?;
        self.i += 4;
        u32::from_str_radix(h, 16).ok()
    }
}

/// A JSON string literal for `s`.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufRead;

    fn temp_log(name: &str) -> PathBuf {
        let p =
            std::env::temp_dir().join(format!("xtask-subs-{name}-{}.jsonl", std::process::id()));
        let _ = std::fs::remove_file(&p);
        p
    }

    fn body(email: &str, key: &str) -> String {
        format!(
            "{{\"email\":{},\"name\":\"Ella \\\"B\\\" \\u00e9\",\"lists\":[\"newsletter\"],\"idempotency_key\":{}}}",
            quote(email),
            quote(key)
        )
    }

    #[test]
    fn new_duplicate_invalid_and_replayed() {
        let log = temp_log("contract");
        let mut s = State::new(&log);
        let first = s.handle(
            "POST",
            "/subscribe",
            Some("k1"),
            &body("a@example.org", "k1"),
        );
        assert_eq!(first.status, 201);
        // The same key again: the same answer, nothing new recorded.
        assert_eq!(
            s.handle(
                "POST",
                "/subscribe",
                Some("k1"),
                &body("a@example.org", "k1")
            ),
            first
        );
        // The same address under a new key: already subscribed (case-insensitively).
        assert_eq!(
            s.handle(
                "POST",
                "/subscribe",
                Some("k2"),
                &body("A@Example.org", "k2")
            )
            .status,
            409
        );
        assert_eq!(
            s.handle(
                "POST",
                "/subscribe",
                Some("k3"),
                &body("not-an-address", "k3")
            )
            .status,
            400
        );
        assert_eq!(s.handle("POST", "/subscribe", None, "{").status, 400);
        assert_eq!(s.handle("OPTIONS", "/subscribe", None, "").status, 204);
        assert_eq!(s.handle("GET", "/subscribe", None, "").status, 405);
        assert_eq!(s.handle("POST", "/elsewhere", None, "{}").status, 404);
        let lines: Vec<String> = std::fs::read_to_string(&log)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect();
        assert_eq!(lines.len(), 1, "{lines:?}");
        let Some(Json::Object(o)) = parse_json(&lines[0]) else {
            panic!("{}", lines[0])
        };
        assert_eq!(o["email"], Json::String("a@example.org".into()));
        assert_eq!(o["name"], Json::String("Ella \"B\" é".into()));
        assert_eq!(o["idempotency_key"], Json::String("k1".into()));
        // A restarted server remembers who is subscribed.
        let mut again = State::new(&log);
        assert_eq!(
            again
                .handle(
                    "POST",
                    "/subscribe",
                    Some("k9"),
                    &body("a@example.org", "k9")
                )
                .status,
            409
        );
        std::fs::remove_file(log).unwrap();
    }

    #[test]
    fn json_parser_accepts_json_and_refuses_the_rest() {
        assert_eq!(
            parse_json(" [1, -2.5e1, true, null, \"\\ud83d\\ude00\"] "),
            Some(Json::Array(vec![
                Json::Number(1.0),
                Json::Number(-25.0),
                Json::Bool(true),
                Json::Null,
                Json::String("😀".into()),
            ]))
        );
        for bad in ["", "{", "{\"a\"}", "[1,]", "\"unterminated", "{} x", "\"\\ud800\"", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"] {
            assert_eq!(parse_json(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn serves_http_with_cors() {
        let log = temp_log("http");
        let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
        let addr = server.server_addr().to_ip().unwrap();
        let _t = serve(server, State::new(&log));
        let ask = |raw: String| -> (String, Vec<String>) {
            let mut c = std::net::TcpStream::connect(addr).unwrap();
            c.write_all(raw.as_bytes()).unwrap();
            let mut lines = std::io::BufReader::new(c).lines().map_while(Result::ok);
            let status = lines.next().unwrap();
            let headers = lines.by_ref().take_while(|l| !l.is_empty()).collect();
            (status, headers)
        };
        let (status, headers) = ask(
            "OPTIONS /subscribe HTTP/1.1\r\nHost: x\r\nOrigin: http://127.0.0.1:8080\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n".into(),
        );
        assert!(status.contains("204"), "{status}");
        let has = |h: &[String], s: &str| {
            h.iter()
                .any(|l| l.to_ascii_lowercase().starts_with(&s.to_ascii_lowercase()))
        };
        assert!(
            has(&headers, "Access-Control-Allow-Origin: *"),
            "{headers:?}"
        );
        assert!(has(
            &headers,
            "Access-Control-Allow-Headers: Content-Type, Idempotency-Key"
        ));
        let b = body("http@example.org", "hk");
        let (status, headers) = ask(format!(
            "POST /subscribe HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: hk\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{b}",
            b.len()
        ));
        assert!(status.contains("201"), "{status}");
        assert!(has(&headers, "Access-Control-Expose-Headers: Retry-After"));
        assert!(std::fs::read_to_string(&log)
            .unwrap()
            .contains("http@example.org"));
        std::fs::remove_file(log).unwrap();
    }
}
