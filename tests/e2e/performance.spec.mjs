// What makes pages fast without a timer: the route's JSON preloaded once and reused, an article
// prefetched when its card is hovered or focused, the in-memory cache on revisits, and the
// performance mark the benchmarks time. Each test starts once the app has taken over the page the
// build rendered: hovering, caching and client-side navigation are the app's.
import { test, expect } from "@playwright/test";
import { openApp, watchForPanics } from "./support.mjs";

const PANEL = "/articles/broad-front-panel";
const PANEL_TITLE = /Building a Broad Front/;
const ABOUT_TITLE = "About Organizing Upgrade (2012)";

/** Counts the bucket requests a page makes, by path below /content/. */
function countBucketRequests(page) {
  const counts = new Map();
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/content/")) {
      const file = path.slice("/content/".length);
      counts.set(file, (counts.get(file) ?? 0) + 1);
    }
  });
  return counts;
}

test("an article load fetches its JSON and site.json once each (the preloads are reused)", async ({ page }) => {
  const problems = watchForPanics(page);
  const counts = countBucketRequests(page);
  await openApp(page, PANEL);
  await expect(page.getByRole("heading", { level: 1, name: PANEL_TITLE })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(counts.get("articles/broad-front-panel.json")).toBe(1);
  expect(counts.get("site.json")).toBe(1);
  // The mark the benchmarks time the first article paint from.
  const marks = await page.evaluate(() => performance.getEntriesByName("article-rendered").length);
  expect(marks).toBeGreaterThanOrEqual(1);
  expect(problems).toEqual([]);
});

test("hovering a card fetches its article before the click, and the visit asks for nothing more", async ({ page }) => {
  const counts = countBucketRequests(page);
  await openApp(page, "/");
  const latest = page.getByRole("region", { name: "Latest articles" });
  const link = latest.getByRole("link", { name: ABOUT_TITLE });
  await expect(link).toBeVisible();
  expect(counts.get("articles/organizing-upgrade-about-2012.json")).toBeUndefined();
  const prefetched = page.waitForResponse((r) => r.url().endsWith("/articles/organizing-upgrade-about-2012.json"));
  await link.hover();
  await (await prefetched).finished();
  // A task after the body arrived: the app has stored it in its cache by then.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  expect(counts.get("articles/organizing-upgrade-about-2012.json")).toBe(1);
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: ABOUT_TITLE })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(counts.get("articles/organizing-upgrade-about-2012.json")).toBe(1);
});

test("focusing a card with the keyboard prefetches its article", async ({ page }) => {
  const counts = countBucketRequests(page);
  await openApp(page, "/");
  const link = page.getByRole("region", { name: "Latest articles" }).getByRole("link", { name: PANEL_TITLE });
  await expect(link).toBeVisible();
  await link.focus();
  await expect.poll(() => counts.get("articles/broad-front-panel.json")).toBe(1);
});

test("going back and forward between an article and home costs no request", async ({ page }) => {
  const counts = countBucketRequests(page);
  await openApp(page, PANEL);
  await expect(page.getByRole("heading", { level: 1, name: PANEL_TITLE })).toBeVisible();
  await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Home" }).click();
  await expect(page.getByRole("region", { name: "Latest articles" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: PANEL_TITLE })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole("region", { name: "Latest articles" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(counts.get("articles/broad-front-panel.json")).toBe(1);
  expect(counts.get("index/1.json")).toBe(1);
});
