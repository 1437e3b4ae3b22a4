//! A small static server for `cargo xtask serve`: the bucket under `/content/` with real 404s
//! for missing files (unlike trunk's SPA fallback), and the extra Trunk entries (`/embed/`,
//! `/preview/`) with their own index fallback. Right content types, no caching.

use std::path::{Component, Path, PathBuf};
use std::thread::JoinHandle;

/// Where `trunk serve` proxies `/content/` and the entries to (see Trunk.toml).
pub const DEV_ADDR: &str = "127.0.0.1:8091";

/// One folder served under a path prefix.
#[derive(Debug, Clone)]
pub struct Mount {
    /// The URL prefix, with leading and trailing slashes (`/content/`).
    pub prefix: String,
    /// The folder it maps to.
    pub dir: PathBuf,
    /// Answer extension-less misses with the folder's index.html (an app entry's routes).
    pub index_fallback: bool,
}

/// Serves the mounts on `addr` in a background thread.
pub fn start(mounts: Vec<Mount>, addr: &str) -> Result<JoinHandle<()>, String> {
    let server =
        tiny_http::Server::http(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    Ok(std::thread::spawn(move || {
        for req in server.incoming_requests() {
            let response = respond(&mounts, req.url());
            let _ = req.respond(response);
        }
    }))
}

fn respond(mounts: &[Mount], url: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let header = |k: &str, v: &str| tiny_http::Header::from_bytes(k, v).expect("static header");
    let found = mounts
        .iter()
        .find_map(|m| resolve(m, url))
        .and_then(|p| std::fs::read(&p).ok().map(|b| (p, b)));
    match found {
        Some((path, body)) => tiny_http::Response::from_data(body)
            .with_header(header("Content-Type", content_type(&path)))
            .with_header(header("Cache-Control", "no-cache")),
        None => tiny_http::Response::from_string("not found\n")
            .with_status_code(404)
            .with_header(header("Content-Type", "text/plain; charset=utf-8")),
    }
}

/// Maps `/content/a/b.json?x` to `dir/a/b.json`, refusing anything that climbs out of `dir`.
fn resolve(mount: &Mount, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next()?;
    let rest = path
        .strip_prefix(mount.prefix.as_str())
        .or_else(|| (path == mount.prefix.trim_end_matches('/')).then_some(""))?;
    let rel = Path::new(rest);
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let full = mount.dir.join(rel);
    if full.is_file() {
        return Some(full);
    }
    let index = mount.dir.join("index.html");
    (mount.index_fallback && rel.extension().is_none() && index.is_file()).then_some(index)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
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
    fn refuses_paths_outside_the_mount_and_falls_back_for_entries() {
        let dir = std::env::temp_dir().join(format!("xtask-bucket-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pages")).unwrap();
        std::fs::write(dir.join("pages/about.json"), "{}").unwrap();
        let bucket = Mount {
            prefix: "/content/".into(),
            dir: dir.clone(),
            index_fallback: false,
        };
        assert!(resolve(&bucket, "/content/pages/about.json?v=1").is_some());
        assert!(resolve(&bucket, "/content/../Cargo.toml").is_none());
        assert!(resolve(&bucket, "/content/pages/missing.json").is_none());
        assert!(resolve(&bucket, "/other/pages/about.json").is_none());
        std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
        let entry = Mount {
            prefix: "/embed/".into(),
            dir: dir.clone(),
            index_fallback: true,
        };
        assert_eq!(
            resolve(&entry, "/embed/?article=a"),
            Some(dir.join("index.html"))
        );
        assert_eq!(resolve(&entry, "/embed"), Some(dir.join("index.html")));
        assert_eq!(
            resolve(&entry, "/embed/articles/a"),
            Some(dir.join("index.html"))
        );
        assert_eq!(resolve(&entry, "/embed/missing.js"), None);
        assert_eq!(resolve(&bucket, "/content/pages"), None);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
