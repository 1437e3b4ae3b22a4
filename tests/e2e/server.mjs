// The end-to-end test server, as a static host or CDN serves the site (docs/deploy.md): a
// file, else the folder's index.html (the pages the build rendered), else 404.html with
// status 404; the extra entries (dist/embed/, dist/preview/) each answer their own routes
// with their index.html; the bucket under /content/ with real 404s.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseHeaders, headersFor } from "./headers.mjs";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dist = path.resolve(process.env.DIST_DIR ?? path.join(root, "dist"));
const bucket = path.resolve(process.env.BUCKET_DIR ?? path.join(root, "target/bucket/content"));
const port = Number(process.env.PORT ?? 8181);
// COMPRESS=1 compresses text and wasm as a CDN does (brotli when accepted, else gzip); the
// benchmarks use it so bytes on the wire are the ones readers would get.
const compress = process.env.COMPRESS === "1";
const compressed = new Map();

/** The file compressed (brotli quality 11 or gzip 9), computed once per file and encoding. */
function encode(file, encoding) {
  const key = `${encoding} ${file}`;
  if (!compressed.has(key)) {
    const bytes = fs.readFileSync(file);
    compressed.set(key, encoding === "br"
      ? zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
      : zlib.gzipSync(bytes, { level: 9 }));
  }
  return compressed.get(key);
}

// The deployable header rules (`cargo xtask csp` writes them after the build): every answer
// gets what a Netlify/Cloudflare deploy would send, the strict CSP included.
const headersPath = path.join(dist, "_headers");
const rules = fs.existsSync(headersPath) ? parseHeaders(fs.readFileSync(headersPath, "utf8")) : [];
if (!rules.length) {
  console.error(`e2e server: WARNING: no ${headersPath}; run \`cargo xtask csp --dist ${dist}\` (no CSP applied)`);
}

const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json",
  ".xml": "application/xml", ".svg": "image/svg+xml", ".png": "image/png", ".mp3": "audio/mpeg",
  ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp", ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8", ".webmanifest": "application/manifest+json",
};

/** Resolves a URL path inside `base`, refusing anything that climbs out. */
function inside(base, urlPath) {
  const full = path.resolve(base, "." + decodeURIComponent(urlPath));
  return full === base || full.startsWith(base + path.sep) ? full : null;
}

function send(req, res, status, file) {
  const type = types[path.extname(file)] ?? "application/octet-stream";
  const accepts = req.headers["accept-encoding"] ?? "";
  // COMPRESS=1 (the bench): brotli or gzip as a CDN would send them.
  const encoding = !compress || type.startsWith("image/") ? null
    : /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : null;
  const hashed = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(file);
  res.writeHead(status, {
    "content-type": type,
    "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
    // Embeds run in sandboxed frames with an opaque origin: their module script, wasm and
    // JSON requests are CORS requests (docs/embedding.md).
    "access-control-allow-origin": "*",
    // By request path, as a host applies `_headers` (a fallback answer gets the route's rules).
    ...headersFor(rules, new URL(req.url, "http://localhost").pathname),
    ...(encoding ? { "content-encoding": encoding, vary: "Accept-Encoding" } : {}),
  });
  if (encoding) return res.end(encode(file, encoding));
  fs.createReadStream(file).pipe(res);
}

/** Audio as static hosts and CDNs serve it: byte ranges (206), which players need to seek. */
function sendMedia(req, res, file) {
  const size = fs.statSync(file).size;
  const type = types[path.extname(file)] ?? "application/octet-stream";
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
  const common = { "content-type": type, "accept-ranges": "bytes", "cache-control": "no-cache", "access-control-allow-origin": "*" };
  if (!range) {
    res.writeHead(200, { ...common, "content-length": size });
    return fs.createReadStream(file).pipe(res);
  }
  let start = range[1] === "" ? size - Number(range[2]) : Number(range[1]);
  let end = range[1] !== "" && range[2] !== "" ? Math.min(Number(range[2]), size - 1) : size - 1;
  if (range[1] === "") start = Math.max(0, start);
  if (start > end || start >= size) {
    res.writeHead(416, { ...common, "content-range": `bytes */${size}` });
    return res.end();
  }
  res.writeHead(206, { ...common, "content-range": `bytes ${start}-${end}/${size}`, "content-length": end - start + 1 });
  fs.createReadStream(file, { start, end }).pipe(res);
}

function notFound(res) {
  res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
  res.end("not found\n");
}

/** The entry folder (dist/embed/, dist/preview/) a path belongs to, if any: one whose folder
 * holds an index.html and no page the build rendered (those answer their own routes). */
function entryIndex(urlPath) {
  const first = urlPath.split("/")[1] ?? "";
  const dir = first ? inside(dist, "/" + first) : null;
  const index = dir && path.join(dir, "index.html");
  if (!index || !fs.existsSync(index)) return null;
  return fs.readFileSync(index, "utf8").includes("data-rendered-route") ? null : index;
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  if (url.pathname.startsWith("/content/")) {
    const file = inside(bucket, url.pathname.slice("/content".length));
    if (file && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return path.extname(file) === ".mp3" ? sendMedia(req, res, file) : send(req, res, 200, file);
    }
    return notFound(res);
  }
  const file = inside(dist, url.pathname);
  if (file && fs.existsSync(file) && fs.statSync(file).isFile()) return send(req, res, 200, file);
  // A folder: its index.html (pretty URLs, with or without the slash); an entry's folder
  // gets the slash its own router needs first.
  const index = file && path.join(file, "index.html");
  if (index && fs.existsSync(index)) {
    if (!url.pathname.endsWith("/") && entryIndex(url.pathname + "/")) {
      res.writeHead(301, { location: url.pathname + "/" + url.search });
      return res.end();
    }
    return send(req, res, 200, index);
  }
  // A missing asset is a plain 404.
  if (path.extname(url.pathname)) return notFound(res);
  // An entry's own routes (/embed/…, /preview/…) are its app's to draw.
  const entry = entryIndex(url.pathname);
  if (entry) return send(req, res, 200, entry);
  // Anything else: the rendered not-found page, which the app takes over (a route the build
  // did not render, like a listing's later page, still shows once the app has drawn it).
  const notFoundPage = path.join(dist, "404.html");
  if (fs.existsSync(notFoundPage)) return send(req, res, 404, notFoundPage);
  return send(req, res, 200, path.join(dist, "index.html"));
});

server.listen(port, "127.0.0.1", () => {
  console.log(`e2e server: http://127.0.0.1:${port} (dist ${dist}, bucket ${bucket})`);
});
