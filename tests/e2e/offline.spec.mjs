// Reading on the train (docs/offline.md): the installable app, the service worker's caches,
// saved articles, the offline messages and safe updates. Each test has a server of its own, so
// "offline" can be real: the browser reports no network and the server is gone.
import { test, expect } from "@playwright/test";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startRecorder } from "./subscribe-recorder.mjs";
import { GEN_BUCKET, freePort, openApp, renderedSite, startServer, watchForPanics } from "./support.mjs";

test.use({ serviceWorkers: "allow" });

const PANEL = "/articles/broad-front-panel";
const ABOUT_2012 = "/articles/organizing-upgrade-about-2012";
const DIST = path.resolve(process.env.DIST_DIR ?? "dist");
const BUCKET = path.resolve("target/bucket/content");

/** A server of this test's own, on a port the worker's origin keeps for the whole test. */
async function serve(dist = DIST, bucket = BUCKET, port) {
  return startServer({ port: port ?? (await freePort()), bucket, dist });
}

/** Waits until the service worker controls the page. */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
}

/** Every cached URL, by cache name. */
function cached(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
    }
    return out;
  });
}

/** Waits until some cache holds every one of `urls` (paths on the test's origin or full URLs). */
async function waitForCached(page, urls) {
  await expect.poll(async () => {
    const all = Object.values(await cached(page)).flat();
    const origin = new URL(page.url()).origin;
    return urls.filter((u) => !all.includes(u.startsWith("/") ? origin + u : u));
  }, { timeout: 15_000 }).toEqual([]);
}

/** No network: the browser says so and the server is gone. */
async function goOffline(context, server) {
  await context.setOffline(true);
  server.close();
}

test("installable, and an article opened once reads offline after a reload and through the back button", async ({ page, context }) => {
  const problems = watchForPanics(page);
  const server = await serve();
  await page.goto(server.url + PANEL);
  await controlled(page);
  // Chromium's own verdict on the manifest, its icons and the worker.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  // Playwright's contexts are incognito, where Chromium never installs anything: that one
  // is about the browser, not the site.
  expect(installabilityErrors.filter((e) => e.errorId !== "in-incognito")).toEqual([]);
  const manifest = await cdp.send("Page.getAppManifest");
  expect(manifest.errors).toEqual([]);
  // The page this tab loaded before the worker was there is kept too.
  await waitForCached(page, [PANEL, "/content/articles/broad-front-panel.json", "/content/site.json"]);
  await openApp(page, server.url + "/");
  await waitForCached(page, ["/", "/content/index/1.json"]);

  await goOffline(context, server);
  await expect(page.getByRole("status").filter({ hasText: "You’re offline" })).toBeVisible();
  // The connection comes back (to the browser; the server stays gone): the indicator says so,
  // then goes.
  await context.setOffline(false);
  await expect(page.getByRole("status").filter({ hasText: "You’re back online" })).toBeVisible();
  await expect(page.locator(".connection-status")).toBeEmpty({ timeout: 8_000 });
  await context.setOffline(true);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: /Building a Broad Front/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: /Building a Broad Front/ })).toBeVisible();
  await expect(page.locator("body[data-app-mounted]")).toBeAttached();
  await expect(page.locator(".prose p").first()).toBeVisible();
  expect(problems).toEqual([]);
});

test("moving between visited articles works offline; the preview and drafts are never cached", async ({ page, context }) => {
  const problems = watchForPanics(page);
  const server = await serve();
  await openApp(page, server.url + "/");
  await controlled(page);
  const latest = page.getByRole("region", { name: "Latest articles" });
  await latest.getByRole("link", { name: /Building a Broad Front/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Building a Broad Front/ })).toBeVisible();
  await page.goBack();
  await latest.getByRole("link", { name: /Organizing Upgrade/ }).first().click();
  await expect(page).toHaveURL(new RegExp(ABOUT_2012 + "$"));
  await waitForCached(page, ["/content/articles/broad-front-panel.json", "/content/articles/organizing-upgrade-about-2012.json"]);
  // The staff preview, opened in this browser, leaves nothing behind.
  const preview = await context.newPage();
  await preview.goto(server.url + "/preview/");
  await expect(preview.getByRole("heading", { level: 1 })).toBeVisible();
  await preview.close();

  await goOffline(context, server);
  await page.goBack();
  await latest.getByRole("link", { name: /Building a Broad Front/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Building a Broad Front/ })).toBeVisible();
  await page.goBack();
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1, name: /Building a Broad Front/ })).toBeVisible();
  const urls = Object.entries(await cached(page));
  for (const [name, list] of urls) {
    expect(list.filter((u) => /\/preview(\/|$)|\/drafts\//.test(new URL(u).pathname)), name).toEqual([]);
  }
  expect(problems).toEqual([]);
});

test.describe("on a generated archive", () => {
  let site;
  test.beforeAll(() => {
    site = renderedSite(GEN_BUCKET);
  });
  test.afterAll(() => site?.remove());

  const slugs = () => fs.readdirSync(path.join(GEN_BUCKET, "articles")).map((f) => f.replace(/\.json$/, "")).sort();

  test("a saved article reads offline in a tab that never opened it; an unsaved one says so", async ({ page, context }) => {
    const problems = watchForPanics(page);
    const server = await serve(site.dir, GEN_BUCKET);
    const [kept, other] = slugs();
    await openApp(page, `${server.url}/articles/${kept}`);
    await controlled(page);
    const title = await page.getByRole("heading", { level: 1 }).textContent();
    await page.getByRole("button", { name: "Save for offline" }).click();
    await expect(page.getByRole("status").filter({ hasText: /Saved on this device \(\d/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Remove from this device" })).toBeVisible();

    const tab = await context.newPage();
    await goOffline(context, server);
    await tab.goto(`${server.url}/saved`);
    await expect(tab.getByRole("heading", { level: 1, name: "Saved articles" })).toBeVisible();
    await expect(tab.getByText(/^Saved articles take .* on this device/)).toBeVisible();
    await tab.getByRole("link", { name: title }).click();
    await expect(tab.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(tab.locator(".prose p").first()).toBeVisible();

    // Not saved, never opened: a message that says so, with what is saved.
    await tab.goto(`${server.url}/articles/${other}`);
    const error = tab.getByRole("alert").filter({ hasText: "You’re offline and this article isn’t saved on this device." });
    await expect(error).toBeVisible();
    await expect(tab.getByRole("region", { name: "Saved on this device" }).getByRole("link", { name: title })).toBeVisible();

    // Removed from the saved list, it is gone from the device.
    await tab.goto(`${server.url}/saved`);
    await tab.getByRole("button", { name: `Remove “${title}” from this device` }).click();
    await expect(tab.getByText(/No articles are saved on this device yet/)).toBeVisible();
    expect(problems).toEqual([]);
    await tab.close();
  });

  test("the runtime cache keeps to its limits, least recently used out first; saved articles stay", async ({ page, context }) => {
    const server = await serve(site.dir, GEN_BUCKET);
    const all = slugs();
    await openApp(page, `${server.url}/articles/${all[0]}`);
    await controlled(page);
    await page.getByRole("button", { name: "Save for offline" }).click();
    await expect(page.getByRole("button", { name: "Remove from this device" })).toBeVisible();
    // 45 articles, each read as five distinct URLs: 225 files, over the 200-entry limit.
    const read = await page.evaluate(async (names) => {
      const urls = [];
      for (let v = 0; v < 5; v++) for (const n of names) urls.push(`/content/articles/${n}.json?v=${v}`);
      for (const [i, u] of urls.entries()) {
        await (await fetch(u)).json();
        // The first file is read again halfway: it is recent, so it stays.
        if (i === 100) await (await fetch(urls[0])).json();
      }
      return urls;
    }, all);
    await expect.poll(async () => (await cached(page))["convergence-content"].length).toBeLessThanOrEqual(200);
    const content = (await cached(page))["convergence-content"];
    const origin = new URL(page.url()).origin;
    expect(content.length).toBeGreaterThan(150);
    expect(content).toContain(origin + read[0]);
    expect(content).not.toContain(origin + read[1]);
    expect(content).toContain(origin + read.at(-1));
    expect((await cached(page))["convergence-saved"]).toContain(`${origin}/content/articles/${all[0]}.json`);

    await goOffline(context, server);
    await page.goto(`${server.url}/articles/${all[0]}`);
    await expect(page.locator(".prose p").first()).toBeVisible();
  });
});

/** A copy of the built site as the next deploy would be: its stylesheet has a new name. */
function nextDeploy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "convergence-next-"));
  fs.cpSync(DIST, dir, { recursive: true });
  const css = fs.readdirSync(dir).find((f) => /^main-[0-9a-f]+\.css$/.test(f));
  const next = "main-00000000000000ff.css";
  fs.renameSync(path.join(dir, css), path.join(dir, next));
  for (const f of fs.readdirSync(dir, { recursive: true })) {
    if (!/(\.html|sw\.js)$/.test(f)) continue;
    const file = path.join(dir, f);
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replaceAll(css, next).replace(/"build":"[0-9a-f]+"/, '"build":"00000000000000ff"'));
  }
  return { dir, css, next, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

test("a new deploy is offered, taken with one keypress, and never mixed with the old one", async ({ page }) => {
  const problems = watchForPanics(page);
  const deploy = nextDeploy();
  const port = await freePort();
  let server = await serve(DIST, BUCKET, port);
  try {
    await openApp(page, server.url + PANEL);
    await controlled(page);
    server.close();
    server = await serve(deploy.dir, BUCKET, port);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const notice = page.getByRole("status").filter({ hasText: "A new version of Convergence is available." });
    await expect(notice).toBeVisible();
    // Until the reader says so, this page keeps its own deploy.
    const sheets = () => page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.endsWith(".css")));
    expect((await sheets()).some((n) => n.includes(deploy.next))).toBe(false);
    await notice.getByRole("button", { name: "Reload" }).focus();
    await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
    await expect(page.getByRole("heading", { level: 1, name: /Building a Broad Front/ })).toBeVisible();
    const after = await sheets();
    expect(after.some((n) => n.includes(deploy.next))).toBe(true);
    expect(after.some((n) => n.includes(deploy.css))).toBe(false);
    // The old deploy's caches are gone: no tab uses them any more.
    await expect.poll(async () => Object.keys(await cached(page)).filter((n) => /shell-|pages-/.test(n)).sort())
      .toEqual(["convergence-pages-00000000000000ff", "convergence-shell-00000000000000ff"]);
    expect(problems).toEqual([]);
  } finally {
    server.close();
    deploy.remove();
  }
});

test("a worker that fails to install leaves the site as it was", async ({ page }) => {
  const problems = watchForPanics(page);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "convergence-badsw-"));
  fs.cpSync(DIST, dir, { recursive: true });
  const sw = path.join(dir, "sw.js");
  fs.writeFileSync(sw, fs.readFileSync(sw, "utf8").replace('"shell":[', '"shell":["/no-such-file.js",'));
  const server = await serve(dir);
  try {
    await openApp(page, server.url + PANEL);
    await expect(page.getByRole("heading", { level: 1, name: /Building a Broad Front/ })).toBeVisible();
    await page.getByRole("button", { name: "Save for offline" }).click();
    await expect(page.getByRole("status").filter({ hasText: "This browser can’t keep articles for offline reading." })).toBeVisible({ timeout: 15_000 });
    await page.getByRole("link", { name: "Topics" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Topics" })).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBe(null);
    expect(problems).toEqual([]);
  } finally {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a sign-up made offline is kept across an offline reload the worker serves, and sent exactly once", async ({ page, context }) => {
  const problems = watchForPanics(page);
  const recorder = await startRecorder();
  // The sample bucket with this test's recorder as the subscribe provider.
  const bucket = fs.mkdtempSync(path.join(os.tmpdir(), "convergence-bucket-"));
  fs.cpSync(BUCKET, bucket, { recursive: true });
  const siteFile = path.join(bucket, "site.json");
  const site = JSON.parse(fs.readFileSync(siteFile, "utf8"));
  site.subscribe.provider = { kind: "generic_json", endpoint: `${recorder.origin}/sw/subscribe` };
  fs.writeFileSync(siteFile, JSON.stringify(site));
  const server = await serve(DIST, bucket);
  try {
    await openApp(page, server.url + "/subscribe");
    await controlled(page);
    await waitForCached(page, ["/subscribe", "/content/site.json"]);
    const main = page.getByRole("main");
    const email = main.getByRole("textbox", { name: "Email address" });
    await email.fill("train@example.org");
    await main.getByRole("checkbox", { name: /I agree to receive email/ }).check();
    await goOffline(context, server);
    await main.getByRole("button", { name: "Subscribe", exact: true }).click();
    const queued = main.getByText(/We’ll send this when you’re back online/);
    await expect(queued).toBeVisible();
    await page.reload();
    await expect(queued).toBeVisible();
    await expect(email).toHaveValue("train@example.org");
    expect(recorder.postsTo("/sw/subscribe")).toHaveLength(0);
    await context.setOffline(false);
    await expect(main.getByText(/Check your inbox to confirm/)).toBeVisible();
    await page.waitForTimeout(1_000);
    expect(recorder.postsTo("/sw/subscribe")).toHaveLength(1);
    expect(problems).toEqual([]);
  } finally {
    server.close();
    await recorder.close();
    fs.rmSync(bucket, { recursive: true, force: true });
  }
});
