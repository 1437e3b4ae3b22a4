// A failing bucket: every fault a host, CDN or half-finished upload can produce, on the site
// config, a listing page, an article and a contributor. Each shows its own reader-facing
// message (ContentError's Display in src/api.rs) with a retry in place, never panics, keeps
// the rest of the site usable, and a retry after the fault clears shows the content.
// Transient faults (5xx, a dropped connection) are retried with backoff before any message.
// Every page's first response is rendered at build time, so what a failing file shows is
// seen where the app loads it: site.json as the app starts, the rest as a reader who is
// already on the site follows a link.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test, expect } from "@playwright/test";
import { openInApp, watchForPanics } from "./support.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bucket = path.resolve(process.env.BUCKET_DIR ?? path.join(root, "target/bucket/content"));

/** What fails, where it is read, and what shows it worked. */
const TARGETS = [
  {
    name: "site config",
    file: "site.json",
    url: "/",
    // site.json feeds the header tagline, the navigation and the footer; the page's own
    // content does not need it, so the error shows in the footer and the rest keeps working.
    content: (page) => page.getByText("Contact the editors:"),
    notFound: "message",
    open: (page) => page.goto("/"),
  },
  {
    name: "index page",
    file: "index/1.json",
    url: "/",
    content: (page) => page.getByRole("link", { name: /Building a Broad Front/ }).first(),
    notFound: "message",
    open: (page) => openInApp(page, "/"),
  },
  {
    name: "article",
    file: "articles/broad-front-panel.json",
    url: "/articles/broad-front-panel",
    content: (page) => page.getByRole("heading", { level: 1, name: /Building a Broad Front/ }),
    // A missing article is the 404 page (with a retry: the link may be to a file still uploading).
    notFound: "page",
    open: (page) => openInApp(page, "/articles/broad-front-panel"),
  },
  {
    name: "contributor",
    file: "contributors/alexa-horwart.json",
    url: "/contributors/alexa-horwart",
    content: (page) => page.getByRole("heading", { level: 1, name: "Alexa Horwart" }),
    notFound: "page",
    open: (page) => openInApp(page, "/contributors/alexa-horwart"),
  },
];

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const json = (body) => ({ status: 200, contentType: "application/json", body });
const NOT_FOUND = () => /We couldn’t find this\. It may have moved, or the link may be mistyped\./;
const DAMAGED = (file) => new RegExp(`Part of this page could not be read: ${esc(file)} is damaged or incomplete\\.`);

/** Each fault: the answer it gives (from the real file text), the message, and how many requests it takes. */
const FAULTS = [
  { name: "404", answer: () => ({ status: 404, contentType: "text/plain", body: "not found\n" }), message: NOT_FOUND, notFound: true },
  {
    name: "403",
    answer: () => ({ status: 403, contentType: "application/xml", body: "<Error><Code>AccessDenied</Code></Error>" }),
    message: (file) => new RegExp(`refused access to ${esc(file)} \\(error 403\\)\\. Please try again later\\.`),
  },
  {
    name: "500",
    answer: () => ({ status: 500, contentType: "text/plain", body: "oops" }),
    message: () => /The magazine’s server had a problem \(error 500\)\. Please try again in a moment\./,
    attempts: 3,
  },
  {
    name: "503",
    answer: () => ({ status: 503, contentType: "text/html", body: "<h1>Service Unavailable</h1>" }),
    message: () => /The magazine’s server had a problem \(error 503\)\./,
    attempts: 3,
  },
  { name: "truncated JSON", answer: (real) => json(real.slice(0, Math.floor(real.length / 2))), message: DAMAGED },
  { name: "invalid JSON", answer: () => json("{ schema_version: 1, this is not JSON ]"), message: DAMAGED },
  {
    name: "an HTML page with 200",
    // What a host's SPA fallback sends for a missing file: it is treated as not found.
    answer: () => ({ status: 200, contentType: "text/html; charset=utf-8", body: "<!DOCTYPE html><html><body>app</body></html>" }),
    message: NOT_FOUND,
    notFound: true,
  },
  { name: "valid JSON of the wrong shape", answer: () => json('{"schema_version":1,"surprise":[1,2,3]}'), message: DAMAGED },
  {
    name: "an unknown future schema_version",
    answer: (real) => json(real.replace(/^\{"schema_version":\d+/, '{"schema_version":99')),
    message: () => /This content uses a newer format \(version 99\) than this page can read \(version 1\)\./,
  },
  {
    name: "a 20 MB file",
    // Streamed from a local server (see `big`) rather than through the DevTools protocol,
    // which would copy 20 MB as base64 on every test.
    answer: () => "big",
    message: (file) => new RegExp(`Part of this page could not be read: ${esc(file)} is unexpectedly large\\.`),
  },
];

/** A server on a free port answering every request with a real 20 MB JSON file. */
let big;
test.beforeAll(async () => {
  const body = Buffer.from(`{"schema_version":1,"padding":"${"x".repeat(20 * 1024 * 1024)}"}`);
  const server = http.createServer((req, res) => {
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": body.length,
      "access-control-allow-origin": "*",
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  big = { url: `http://127.0.0.1:${server.address().port}/big.json`, close: () => server.close() };
});
test.afterAll(() => big?.close());

/**
 * Routes the bucket file `file`: while `state.fault` is set, answers with it (and clears it
 * after one answer if `state.once`); otherwise lets the real file through. `state.all` has
 * the time of every request for the file, `state.hits` of the faulted ones.
 */
async function faultyBucket(page, file) {
  const real = fs.readFileSync(path.join(bucket, file), "utf8");
  const state = { fault: null, once: false, hits: [], all: [] };
  await page.route(
    (url) => url.pathname === `/content/${file}`,
    async (route) => {
      state.all.push(Date.now());
      const fault = state.fault;
      if (!fault) return route.continue();
      if (state.once) state.fault = null;
      state.hits.push(Date.now());
      if (fault === "drop") return route.abort("connectionreset");
      const answer = fault.answer?.(real);
      if (answer === "big") return route.continue({ url: big.url });
      if (fault === "hang") {
        await state.released;
        return route.abort("timedout").catch(() => {});
      }
      return route.fulfill(answer);
    },
  );
  return state;
}

/** The element that shows `fault` on `target`, and its retry button. */
function shown(page, target, fault) {
  if (fault.notFound && target.notFound === "page") {
    const box = page.locator("section.not-found");
    return { box, text: box.getByRole("heading", { level: 1, name: "Page not found" }), retry: box.getByRole("button", { name: "Try again" }) };
  }
  const box = page.getByRole("alert").filter({ hasText: fault.message(target.file) });
  return { box, text: box, retry: box.getByRole("button", { name: "Try again" }) };
}

for (const target of TARGETS) {
  for (const fault of FAULTS) {
    test(`${target.name} (${target.file}): ${fault.name} shows its message, retries in place, recovers`, async ({ page }) => {
      const problems = watchForPanics(page);
      const state = await faultyBucket(page, target.file);
      state.fault = fault;
      await target.open(page);
      const { box, text, retry } = shown(page, target, fault);
      await expect(text).toBeVisible();
      await expect(retry).toBeVisible();
      // 5xx were retried before the reader saw anything; other faults are not retried.
      expect(state.hits.length, "requests for the failing file").toBe(fault.attempts ?? 1);
      expect(problems, "no panic").toEqual([]);

      state.fault = null;
      await retry.click();
      await expect(target.content(page)).toBeVisible();
      await expect(box).toBeHidden();
      expect(problems, "no panic").toEqual([]);
    });
  }

  test(`${target.name} (${target.file}): while it fails, the rest of the site works`, async ({ page }) => {
    const problems = watchForPanics(page);
    const state = await faultyBucket(page, target.file);
    state.fault = FAULTS.find((f) => f.name === "403");
    await target.open(page);
    await expect(page.getByRole("alert").filter({ hasText: "error 403" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Primary" });
    // Without site.json the header falls back to the app's own routes.
    await expect(nav.getByRole("link")).toHaveText(["Home", "Contributors", "Podcasts", "About", "Subscribe"]);
    await nav.getByRole("link", { name: "Contributors" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Contributors" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Alexa Horwart" })).toBeVisible();
    await nav.getByRole("link", { name: "About" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /About/ })).toBeVisible();
    expect(problems).toEqual([]);
  });
}

/** Marks the page if any content error is ever shown (even for a moment). */
async function recordErrors(page) {
  await page.addInitScript(() => {
    window.__errorShown = false;
    new MutationObserver(() => {
      if (document.querySelector(".content-error")) window.__errorShown = true;
    }).observe(document, { childList: true, subtree: true });
  });
}

for (const [name, first] of [
  ["one 503", { answer: () => ({ status: 503, contentType: "text/plain", body: "busy" }) }],
  ["one dropped connection", "drop"],
]) {
  test(`a transient fault (${name}, then OK) is retried with backoff and never shown`, async ({ page }) => {
    const problems = watchForPanics(page);
    await recordErrors(page);
    const target = TARGETS.find((t) => t.name === "article");
    const state = await faultyBucket(page, target.file);
    state.fault = first;
    state.once = true;
    await target.open(page);
    await expect(target.content(page)).toBeVisible();
    const times = state.all;
    expect(times.length, "one failure, one retry").toBe(2);
    expect(times[1] - times[0], "the retry waited (300 ms + jitter)").toBeGreaterThanOrEqual(280);
    expect(await page.evaluate(() => window.__errorShown), "no error was shown").toBe(false);
    expect(problems).toEqual([]);
  });
}

test("a bucket that hangs past the client's 10 s timeout: message, retry, recovery", async ({ page }) => {
  test.setTimeout(40_000);
  const problems = watchForPanics(page);
  const target = TARGETS.find((t) => t.name === "article");
  const state = await faultyBucket(page, target.file);
  let release;
  state.released = new Promise((r) => (release = r));
  state.fault = "hang";
  const started = Date.now();
  await target.open(page);
  const box = page.getByRole("alert").filter({ hasText: "The magazine took too long to answer. Please try again." });
  await expect(box).toBeVisible({ timeout: 15_000 });
  const waited = Date.now() - started;
  expect(waited, "the client gave up at its timeout, not before").toBeGreaterThanOrEqual(9_500);
  expect(state.hits.length, "a timeout is not retried automatically").toBe(1);
  state.fault = null;
  release();
  await box.getByRole("button", { name: "Try again" }).click();
  await expect(target.content(page)).toBeVisible();
  expect(problems).toEqual([]);
});
