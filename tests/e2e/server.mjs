// The end-to-end test server: dist/ with SPA fallback (deep links reload), and the
// bucket under /content/ with real 404s, as a static host or CDN would serve them.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
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

const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json",
  ".xml": "application/xml", ".svg": "image/svg+xml", ".png": "image/png",
  ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp", ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** Resolves a URL path inside `base`, refusing anything that climbs out. */
function inside(base, urlPath) {
  const full = path.resolve(base, "." + decodeURIComponent(urlPath));
  return full === base || full.startsWith(base + path.sep) ? full : null;
}

function send(req, res, status, file, extra = {}) {
  const type = types[path.extname(file)] ?? "application/octet-stream";
  const accepts = req.headers["accept-encoding"] ?? "";
  const encoding = !compress || type.startsWith("image/") ? null
    : /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : null;
  const hashed = /-[0-9a-f]{16}\.(js|wasm|css)$/.test(file);
  res.writeHead(status, {
    "Content-Type": type,
    "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
    // Embeds run in sandboxed frames with an opaque origin: their module script, wasm and
    // JSON requests are CORS requests (docs/embedding.md).
    "Access-Control-Allow-Origin": "*",
    ...extra,
    ...(encoding ? { "Content-Encoding": encoding, Vary: "Accept-Encoding" } : {}),
  });
  if (encoding) return res.end(encode(file, encoding));
  fs.createReadStream(file).pipe(res);
}

function notFound(res) {
  res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
  res.end("not found\n");
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  if (url.pathname.startsWith("/content/")) {
    const file = inside(bucket, url.pathname.slice("/content".length));
    if (file && fs.existsSync(file) && fs.statSync(file).isFile()) return send(req, res, 200, file);
    return notFound(res);
  }
  const file = inside(dist, url.pathname);
  if (file && fs.existsSync(file) && fs.statSync(file).isFile()) return send(req, res, 200, file);
  // A missing asset is a real 404; any other path is a route the app renders (SPA fallback).
  if (path.extname(url.pathname)) return notFound(res);
  return send(req, res, 200, path.join(dist, "index.html"));
});

server.listen(port, "127.0.0.1", () => {
  console.log(`e2e server: http://127.0.0.1:${port} (dist ${dist}, bucket ${bucket})`);
});
