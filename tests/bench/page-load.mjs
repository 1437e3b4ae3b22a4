// Benchmark (not a test): the app's article page next to its static twin, in one run.
//   - first paint: FCP, LCP and "article painted" (the first frame after the app's
//     performance.mark("article-rendered"); the twin's article is painted at its FCP),
//     cold cache, median of RUNS loads each, alternating app and twin so both see the same machine;
//   - CLS of every load (max reported);
//   - bytes on the wire (CDP encodedDataLength) of a cold article load, of a second article
//     visited in the same session (goal: only its JSON), and of going back to it (goal: nothing);
//   - long tasks (PerformanceObserver "longtask") while loading the article at 4x CPU slowdown,
//     the app's own (after its loader asked for the glue) apart from the page's.
// Usage: node tests/bench/page-load.mjs <app-base> <twin-base> <twin-article-path> [out.json]
import { chromium } from "playwright-core";
import fs from "node:fs";

const [app, twin, twinArticle, out] = process.argv.slice(2);
if (!twinArticle) {
  console.error("usage: node tests/bench/page-load.mjs <app-base> <twin-base> <twin-article-path> [out.json]");
  process.exit(2);
}
const ARTICLE = "/articles/broad-front-panel";
const SECOND_TITLE = "About Organizing Upgrade (2012)";
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Installed before any page script: paint, layout-shift and long-task observers, and the frame
// after the app's mark (rAF, then a task: the frame with the article has been produced).
function observe() {
  window.__perf = { lcp: 0, cls: 0, longtasks: [], articlePaint: null, takeover: null };
  // When the app has taken over the page the build rendered (src/takeover.rs).
  new MutationObserver(() => {
    if (window.__perf.takeover === null && document.body?.hasAttribute("data-app-mounted")) {
      window.__perf.takeover = performance.now();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-app-mounted"] });
  const po = (type, fn) => {
    try {
      new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch (e) { /* unsupported entry type: that figure stays empty */ }
  };
  po("largest-contentful-paint", (e) => { window.__perf.lcp = e.startTime; });
  po("layout-shift", (e) => { if (!e.hadRecentInput) window.__perf.cls += e.value; });
  po("longtask", (e) => window.__perf.longtasks.push({ start: e.startTime, duration: e.duration }));
  po("mark", (e) => {
    if (e.name !== "article-rendered" || window.__perf.articlePaint !== null) return;
    window.__perf.articlePaint = -1;
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { window.__perf.articlePaint = performance.now(); };
      ch.port2.postMessage(0);
    });
  });
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});

/** A fresh context (cold cache) with the observers and a byte counter on the wire. */
async function open(cpu = 1) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(observe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  if (cpu !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  const urls = new Map();
  const wire = { requests: [], pending: 0 };
  // What arrived per request, chunk by chunk: for some fetches (the split loader's, with their
  // integrity) Chromium reports the bytes only here and 0 when the load finishes.
  const received = new Map();
  cdp.on("Network.requestWillBeSent", (e) => { urls.set(e.requestId, e.request.url); wire.pending++; });
  cdp.on("Network.dataReceived", (e) => {
    received.set(e.requestId, (received.get(e.requestId) ?? 0) + e.encodedDataLength);
  });
  cdp.on("Network.loadingFinished", (e) => {
    wire.pending--;
    const bytes = Math.max(e.encodedDataLength, received.get(e.requestId) ?? 0);
    wire.requests.push({ url: urls.get(e.requestId), bytes });
  });
  cdp.on("Network.loadingFailed", () => { wire.pending--; });
  return { context, page, wire };
}

/** Resolves once no request has been in flight for `quietMs`. */
async function quiet(page, wire, quietMs = 500) {
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (wire.pending > 0) since = Date.now();
    await page.waitForTimeout(50);
  }
}

/** Takes the requests seen so far, as {count, bytes, files}, and starts counting afresh. */
function take(wire, base) {
  const r = wire.requests.splice(0);
  return {
    requests: r.length,
    bytes: r.reduce((s, x) => s + x.bytes, 0),
    files: r.map((x) => `${(x.url ?? "?").replace(base, "")} ${x.bytes}`),
  };
}

async function coldLoad(base, path, isApp) {
  const { context, page, wire } = await open();
  await page.goto(base + path);
  await page.locator(".prose p").first().waitFor();
  if (isApp) await page.waitForFunction(() => window.__perf.takeover > 0);
  await quiet(page, wire);
  const m = await page.evaluate(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
    // A page the build rendered shows the article at its first paint; the app's own render
    // (the mark) is then the off-screen view it takes the page over with.
    const rendered = document.documentElement.hasAttribute("data-rendered-route");
    return {
      fcp, lcp: window.__perf.lcp, cls: window.__perf.cls,
      article: rendered ? fcp : window.__perf.articlePaint,
      takeover: window.__perf.takeover,
    };
  });
  if (!isApp) m.article = m.fcp;
  const bytes = take(wire, base);
  await context.close();
  return { ...m, bytes };
}

const runs = { app: [], twin: [] };
for (let i = 0; i < RUNS; i++) {
  runs.app.push(await coldLoad(app, ARTICLE, true));
  runs.twin.push(await coldLoad(twin, twinArticle, false));
}
const paint = {};
for (const key of ["fcp", "lcp", "article"]) {
  const a = median(runs.app.map((r) => r[key]));
  const t = median(runs.twin.map((r) => r[key]));
  paint[key] = { app_ms: a, twin_ms: t, diff_ms: a - t, ratio: a / t };
}
// The app only: when it has taken the rendered page over (its links are the app's from then).
paint.takeover = { app_ms: median(runs.app.map((r) => r.takeover)) };
const cls = {
  app_max: Math.max(...runs.app.map((r) => r.cls)),
  twin_max: Math.max(...runs.twin.map((r) => r.cls)),
};

// Bytes: a cold article, then a second article in the same session, then back.
const session = await open();
await session.page.goto(app + ARTICLE);
await session.page.locator(".prose p").first().waitFor();
await session.page.locator("body[data-app-mounted]").waitFor({ state: "attached" });
await quiet(session.page, session.wire);
const cold = take(session.wire, app);
await session.page.getByRole("link", { name: SECOND_TITLE }).first().click();
await session.page.getByRole("heading", { level: 1, name: SECOND_TITLE }).waitFor();
await quiet(session.page, session.wire);
const second = take(session.wire, app);
// Back to the second article from another page: it should come from the in-memory cache.
// (Via home: going straight back from one article to another hits a known panic, reported.)
await session.page.getByRole("link", { name: "Home" }).first().click();
await session.page.getByRole("region", { name: "Latest articles" }).waitFor();
await quiet(session.page, session.wire);
take(session.wire, app);
await session.page.goBack();
await session.page.getByRole("heading", { level: 1, name: SECOND_TITLE }).waitFor();
await quiet(session.page, session.wire);
const back = take(session.wire, app);
await session.context.close();
const twinCold = runs.twin[0].bytes;

// Long tasks at 4x CPU while the article loads, LONG_RUNS loads each (the median of each
// load's longest task). The app's own are those that start once its loader asked for the glue
// (after the first paint, xtask/src/loader.rs); the ones before are the page's, as the twin's.
const LONG_RUNS = Number(process.env.BENCH_LONG_RUNS ?? 5);
async function longTaskLoad(base, path, isApp) {
  const { context, page, wire } = await open(4);
  await page.goto(base + path);
  await page.locator(".prose p").first().waitFor({ timeout: 60_000 });
  if (isApp) await page.waitForFunction(() => window.__perf.takeover > 0, null, { timeout: 60_000 });
  await quiet(page, wire, 1000);
  const { tasks, codeAt } = await page.evaluate(() => ({
    tasks: window.__perf.longtasks,
    codeAt: performance.getEntriesByType("resource")
      .find((r) => /\/convergence-web-[0-9a-f]+\.js$/.test(r.name))?.startTime ?? null,
  }));
  await context.close();
  const longest = (list) => (list.length ? Math.max(...list.map((t) => t.duration)) : 0);
  const isOwn = (t) => codeAt !== null && t.start >= codeAt;
  const own = tasks.filter(isOwn);
  return {
    count: tasks.length,
    max_ms: longest(tasks),
    app_own_max_ms: longest(own),
    total_blocking_ms: tasks.reduce((s, t) => s + Math.max(0, t.duration - 50), 0),
    tasks: tasks.map((t) => ({ start: Math.round(t.start), ms: Math.round(t.duration), app: isOwn(t) })),
  };
}
async function longTasks(base, path, isApp) {
  const loads = [];
  for (let i = 0; i < LONG_RUNS; i++) loads.push(await longTaskLoad(base, path, isApp));
  return {
    runs: LONG_RUNS,
    count: median(loads.map((l) => l.count)),
    max_ms: median(loads.map((l) => l.max_ms)),
    app_own_max_ms: median(loads.map((l) => l.app_own_max_ms)),
    total_blocking_ms: median(loads.map((l) => l.total_blocking_ms)),
    loads: loads.map((l) => l.tasks),
  };
}
const longtasks = { app: await longTasks(app, ARTICLE, true), twin: await longTasks(twin, twinArticle, false) };
await browser.close();

const report = {
  runs: RUNS,
  paint,
  cls,
  bytes: { app_cold_article: cold, app_second_article: second, app_back: back, twin_cold_article: twinCold },
  longtasks_4x_cpu: longtasks,
};
const f = (x) => x.toFixed(1);
for (const [k, v] of Object.entries(paint)) {
  if (v.twin_ms === undefined) {
    console.log(`${k.padEnd(8)} app ${f(v.app_ms)} ms (median of ${RUNS})`);
    continue;
  }
  console.log(`${k.padEnd(8)} app ${f(v.app_ms)} ms, twin ${f(v.twin_ms)} ms: +${f(v.diff_ms)} ms, ${v.ratio.toFixed(2)}x (median of ${RUNS})`);
}
console.log(`CLS max: app ${cls.app_max.toFixed(4)}, twin ${cls.twin_max.toFixed(4)}`);
console.log(`bytes: cold article ${cold.bytes} (${cold.requests} requests), twin ${twinCold.bytes}; second article ${second.bytes} (${second.files.join(", ")}); back ${back.bytes}`);
console.log(`long tasks at 4x CPU (median of ${LONG_RUNS} loads): app ${longtasks.app.count}, longest ${f(longtasks.app.max_ms)} ms, the app's own longest ${f(longtasks.app.app_own_max_ms)} ms; twin ${longtasks.twin.count}, longest ${f(longtasks.twin.max_ms)} ms`);
for (const [site, r] of Object.entries(longtasks)) console.log(`  ${site}: ${r.loads.map((l) => l.map((t) => `${t.ms}${t.app ? "*" : ""}`).join(" ") || "none").join(" | ")}   (* the app's own)`);
if (out) fs.writeFileSync(out, JSON.stringify(report, null, 2));
