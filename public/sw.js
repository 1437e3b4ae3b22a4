// The service worker: reading on the train (docs/offline.md). `cargo xtask build` writes it
// to dist/sw.js with DEPLOY filled in; without that (trunk serve) there is no worker at all.
//
// - the app shell of this deploy is precached, in a cache named after the deploy;
// - pages: network first (a few seconds), else this deploy's cached copy, else the shell,
//   which draws any route from the bucket's JSON;
// - bucket JSON: stale-while-revalidate; images: cache first; both within limits, least
//   recently used out first; saved articles are kept apart and never evicted;
// - never touched: anything but GET, the staff preview, drafts, embeds, other origins.
"use strict";

const DEPLOY = /* DEPLOY */ { build: "unbuilt", shell: [], content: "/content/" } /* END DEPLOY */;

const PREFIX = "convergence-";
const SHELL = `${PREFIX}shell-${DEPLOY.build}`;
const PAGES = `${PREFIX}pages-${DEPLOY.build}`;
const CONTENT = `${PREFIX}content`;
const SEARCH = `${PREFIX}search`;
const IMAGES = `${PREFIX}images`;
const SAVED = `${PREFIX}saved`;
/** Runtime caches' limits: entries and bytes. The saved articles have none. */
const LIMITS = {
  [PAGES]: { entries: 50, bytes: 5e6 },
  [CONTENT]: { entries: 200, bytes: 10e6 },
  [SEARCH]: { entries: 8, bytes: 4e6 },
  [IMAGES]: { entries: 60, bytes: 30e6 },
};
/** How long a page request may take before the cached copy is served instead. */
const NETWORK_TIMEOUT_MS = 3000;
const BYTES = "x-convergence-bytes";
/** Where a saved article's record lives in the saved cache (never a real URL). */
const RECORD = new URL("/__saved/", self.location.origin).href;
const CONTENT_BASE = new URL(DEPLOY.content, self.location.origin).href;
const SHELL_URLS = new Set(DEPLOY.shell.map((p) => new URL(p, self.location.origin).href));
/** The staff preview and partner embeds: pages this worker never answers or caches for. */
const UNTOUCHED = /^\/(preview|embed)(\/|$)/;

/** The runtime cache a bucket file belongs in; null for anything else (drafts, feeds, other
 * URLs), which is never cached. */
function bucketCache(href) {
  if (!href.startsWith(CONTENT_BASE)) return null;
  const file = href.slice(CONTENT_BASE.length).split("?")[0];
  if (file.startsWith("drafts/")) return null;
  if (file.startsWith("images/")) return IMAGES;
  if (!file.endsWith(".json")) return null;
  return file.startsWith("search/") ? SEARCH : CONTENT;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL).then((cache) =>
      // Hashed assets may come from the HTTP cache (their names change with their bytes); the
      // shell page and the unhashed files are asked of the server.
      cache.addAll(DEPLOY.shell.map((p) => new Request(p, { cache: /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(p) ? "default" : "no-cache" }))),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    // Another deploy's shell and pages go: this worker is the only one now.
    for (const name of await caches.keys()) {
      const ours = name === SHELL || name === PAGES;
      if (!ours && (name.startsWith(`${PREFIX}shell-`) || name.startsWith(`${PREFIX}pages-`))) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  const port = event.ports[0];
  const reply = (p) => p.then(
    (value) => port && port.postMessage(value),
    (e) => port && port.postMessage({ error: String(e && e.message ? e.message : e) }),
  );
  if (data.type === "skip-waiting") return void self.skipWaiting();
  if (data.type === "warm") return event.waitUntil(warm(data.urls || []));
  if (data.type === "save") return event.waitUntil(reply(save(data.slug, data.files || [])));
  if (data.type === "remove") return event.waitUntil(reply(remove(data.slug)));
  if (data.type === "list") return event.waitUntil(reply(list()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  const same = url.origin === self.location.origin;
  if (same && (UNTOUCHED.test(url.pathname) || url.pathname === "/sw.js")) return;
  if (request.mode === "navigate") {
    if (same) event.respondWith(page(event, url));
    return;
  }
  if (url.href.startsWith(CONTENT_BASE)) {
    const name = bucketCache(url.href);
    if (name === IMAGES) return event.respondWith(fromPage(event, () => cacheFirst(event, request, IMAGES)));
    if (name) return event.respondWith(fromPage(event, () => staleWhileRevalidate(event, request, name)));
    return;
  }
  if (SHELL_URLS.has(url.href.split("?")[0])) return event.respondWith(shellAsset(request));
});

/** Runs `handle` unless the request comes from a preview page, which is never cached. */
async function fromPage(event, handle) {
  const client = event.clientId ? await self.clients.get(event.clientId) : null;
  if (client && UNTOUCHED.test(new URL(client.url).pathname)) return fetch(event.request);
  return handle();
}

async function shellAsset(request) {
  const hit = await (await caches.open(SHELL)).match(request, { ignoreSearch: true });
  return hit || fetch(request);
}

/** A page: the network within NETWORK_TIMEOUT_MS, else this deploy's copy, else the shell. */
async function page(event, url) {
  const network = fetch(event.request).then((response) => {
    if (response.ok && response.type === "basic" && isHtml(response)) {
      event.waitUntil(storePage(url.href, response.clone()));
    }
    return response;
  });
  network.catch(() => {});
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(resolve, NETWORK_TIMEOUT_MS, null); });
  const first = await Promise.race([network.catch(() => null), late]);
  clearTimeout(timer);
  if (first) return first;
  const pages = await caches.open(PAGES);
  // A later listing page or a search is answered with its first page, as hosts do.
  const hit = (await pages.match(url.href)) || (url.search && (await pages.match(url.href.split("?")[0])));
  if (hit) {
    event.waitUntil(touch(PAGES, url.href, hit.clone()));
    return hit;
  }
  const shell = await (await caches.open(SHELL)).match("/shell.html");
  if (shell) return shell;
  return network;
}

/** Keeps a page only if every hashed asset it loads is this deploy's: another deploy's page
 * would ask, offline, for files this worker does not have. */
async function storePage(href, response) {
  const text = await response.clone().text();
  const assets = text.matchAll(/(?:href|src)="(\/[^"]*-[0-9a-f]{8,16}(?:_bg)?\.(?:js|wasm|css))"/g);
  for (const [, path] of assets) if (!SHELL_URLS.has(new URL(path, self.location.origin).href)) return;
  await store(PAGES, href, response);
}

/** From the saved articles or the runtime cache at once, refreshed from the network behind;
 * the network when nothing is cached (its failure is the page's to report). */
async function staleWhileRevalidate(event, request, name) {
  const saved = await (await caches.open(SAVED)).match(request.url);
  const cached = saved || (await (await caches.open(name)).match(request.url));
  const network = fetch(request).then((response) => {
    if (response.ok && response.type !== "opaque" && isJson(response)) {
      event.waitUntil(store(saved ? SAVED : name, request.url, response.clone()));
    }
    return response;
  });
  if (!cached) return network;
  event.waitUntil(network.then(() => {}, () => (saved ? null : touch(name, request.url, cached.clone()))));
  return cached;
}

async function cacheFirst(event, request, name) {
  const saved = await (await caches.open(SAVED)).match(request.url);
  if (saved) return saved;
  const hit = await (await caches.open(name)).match(request.url);
  if (hit) {
    event.waitUntil(touch(name, request.url, hit.clone()));
    return hit;
  }
  const response = await fetch(request);
  // An opaque answer's size is unknown (browsers count it as megabytes): not kept.
  if (response.ok && response.type !== "opaque") event.waitUntil(store(name, request.url, response.clone()));
  return response;
}

function isHtml(response) {
  return (response.headers.get("content-type") || "").startsWith("text/html");
}

function isJson(response) {
  return (response.headers.get("content-type") || "").includes("json");
}

// ---- Limits: each runtime cache's entries in least-recently-used order, with their sizes.
// Cache.keys() lists entries in the order they were put, so putting an entry again on use
// moves it to the end; `indexes` mirrors that order in memory (rebuilt when the worker wakes).

const indexes = new Map();
let queue = Promise.resolve();

/** Runs `job` after every earlier one, so two puts never trim the same cache at once. */
function serial(job) {
  const run = queue.then(job);
  queue = run.catch(() => {});
  return run;
}

async function indexOf(name) {
  if (!indexes.has(name)) {
    const cache = await caches.open(name);
    const index = new Map();
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      index.set(request.url, Number(response && response.headers.get(BYTES)) || 0);
    }
    indexes.set(name, index);
  }
  return indexes.get(name);
}

/** Stores `response` under `href` with its size, then trims the cache to its limits. */
async function store(name, href, response) {
  const body = await response.blob();
  const headers = new Headers(response.headers);
  headers.set(BYTES, String(body.size));
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers });
  return serial(async () => {
    const cache = await caches.open(name);
    await cache.put(href, copy);
    if (!LIMITS[name]) return body.size;
    const index = await indexOf(name);
    index.delete(href);
    index.set(href, body.size);
    await trim(name, cache, index);
    return body.size;
  });
}

/** Marks `href` as just used: it moves to the end of the eviction order. */
function touch(name, href, response) {
  if (!LIMITS[name]) return Promise.resolve();
  return serial(async () => {
    const index = await indexOf(name);
    if (!index.has(href)) return;
    await (await caches.open(name)).put(href, response);
    const bytes = index.get(href);
    index.delete(href);
    index.set(href, bytes);
  });
}

async function trim(name, cache, index) {
  const { entries, bytes } = LIMITS[name];
  let total = 0;
  for (const size of index.values()) total += size;
  for (const [href, size] of index) {
    if (index.size <= entries && total <= bytes) break;
    await cache.delete(href);
    index.delete(href);
    total -= size;
  }
}

// ---- Warming: what the page loaded before this worker controlled it.

async function warm(urls) {
  for (const href of urls) {
    try {
      const url = new URL(href);
      if (!url.href.startsWith(CONTENT_BASE)) {
        if (url.origin !== self.location.origin || UNTOUCHED.test(url.pathname)) continue;
        const response = await fetch(url.href, { credentials: "same-origin" });
        if (response.ok && isHtml(response)) await storePage(url.href, response);
      } else {
        const name = bucketCache(url.href);
        if (!name || (await (await caches.open(name)).match(url.href))) continue;
        const response = await fetch(url.href, { mode: "cors", credentials: "same-origin" });
        if (response.ok) await store(name, url.href, response);
      }
    } catch (e) {
      // Offline already, or a file gone: the next read caches it.
    }
  }
}

// ---- Saved articles: their files in SAVED (kept until the reader removes them), and one
// record per article under RECORD naming its files.

async function save(slug, files) {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(String(slug))) throw new Error("This isn’t an article that can be saved.");
  const cache = await caches.open(SAVED);
  let bytes = 0;
  let title = "";
  const kept = [];
  for (const href of files) {
    const url = new URL(href, self.location.origin).href;
    // The copy read last (a cached one offline) rather than nothing.
    let response = null;
    try {
      response = await fetch(url, { mode: "cors", credentials: "same-origin" });
      if (!response.ok) response = null;
    } catch (e) {
      response = null;
    }
    if (!response) {
      for (const name of [SAVED, CONTENT, IMAGES]) {
        response = await (await caches.open(name)).match(url);
        if (response) break;
      }
    }
    if (!response) {
      // The article itself is needed; a picture that will not load is left out.
      if (kept.length === 0 || /\/articles\/[^/]+\.json$/.test(url)) throw new Error("This article couldn’t be downloaded to keep. Check your connection, then try again.");
      continue;
    }
    if (/\/articles\/[^/]+\.json$/.test(url)) {
      try {
        title = String((await response.clone().json()).title || "");
      } catch (e) {
        throw new Error("This article couldn’t be saved: its file on the server is damaged.");
      }
    }
    bytes += await store(SAVED, url, response);
    kept.push(url);
  }
  const record = { slug, title, saved_at: Date.now(), bytes, files: kept };
  await cache.put(RECORD + slug, new Response(JSON.stringify(record), { headers: { "content-type": "application/json" } }));
  return { slug, title, saved_at: record.saved_at, bytes };
}

async function records() {
  const cache = await caches.open(SAVED);
  const out = [];
  for (const request of await cache.keys()) {
    if (!request.url.startsWith(RECORD)) continue;
    const response = await cache.match(request);
    try {
      out.push(await response.json());
    } catch (e) {
      await cache.delete(request);
    }
  }
  return out;
}

async function remove(slug) {
  const cache = await caches.open(SAVED);
  const all = await records();
  const gone = all.find((r) => r.slug === slug);
  if (!gone) return { removed: false };
  // A file another saved article still needs (site.json, a shared picture) stays.
  const needed = new Set(all.filter((r) => r.slug !== slug).flatMap((r) => r.files));
  for (const href of gone.files) if (!needed.has(href)) await cache.delete(href);
  await cache.delete(RECORD + slug);
  return { removed: true };
}

async function list() {
  const items = (await records())
    .map(({ slug, title, saved_at, bytes }) => ({ slug, title, saved_at, bytes }))
    .sort((a, b) => b.saved_at - a.saved_at);
  return { items };
}
