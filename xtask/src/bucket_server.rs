//! A small static server for the bucket during `cargo xtask serve`: real 404s for
//! missing files (unlike trunk's SPA fallback), right content types, no caching.

use std::path::{Component, Path, PathBuf};
use std::thread::JoinHandle;

/// Where `trunk serve` proxies `/content/` to (see Trunk.toml).
pub const DEV_ADDR: &str = "127.0.0.1:8091";

/// Serves `dir` under `/content/` on `addr` in a background thread.
pub fn start(dir: &Path, addr: &str) -> Result<JoinHandle<()>, String> {
    let server =
        tiny_http::Server::http(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let dir = dir.to_path_buf();
    Ok(std::thread::spawn(move || {
        for req in server.incoming_requests() {
            let response = respond(&dir, req.url());
            let _ = req.respond(response);
        }
    }))
}

fn respond(dir: &Path, url: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let header = |k: &str, v: &str| tiny_http::Header::from_bytes(k, v).expect("static header");
    match resolve(dir, url).and_then(|p| std::fs::read(&p).ok().map(|b| (p, b))) {
        Some((path, body)) => tiny_http::Response::from_data(body)
            .with_header(header("Content-Type", content_type(&path)))
            .with_header(header("Cache-Control", "no-cache")),
        None => tiny_http::Response::from_string("not found\n")
            .with_status_code(404)
            .with_header(header("Content-Type", "text/plain; charset=utf-8")),
    }
}

/// Maps `/content/a/b.json?x` to `dir/a/b.json`, refusing anything that climbs out of `dir`.
fn resolve(dir: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next()?.strip_prefix("/content/")?;
    let rel = Path::new(path);
    if rel.components().all(|c| matches!(c, Component::Normal(_))) {
        let full = dir.join(rel);
        full.is_file().then_some(full)
    } else {
        None
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        Some("webp") => "image/webp",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_outside_the_bucket() {
        let dir = std::env::temp_dir().join(format!("xtask-bucket-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pages")).unwrap();
        std::fs::write(dir.join("pages/about.json"), "{}").unwrap();
        assert!(resolve(&dir, "/content/pages/about.json?v=1").is_some());
        assert!(resolve(&dir, "/content/../Cargo.toml").is_none());
        assert!(resolve(&dir, "/content/pages/missing.json").is_none());
        assert!(resolve(&dir, "/other/pages/about.json").is_none());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
