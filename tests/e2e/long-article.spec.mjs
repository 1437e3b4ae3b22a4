// A long article skips layout for blocks far from the screen (`content-visibility: auto` on the
// article's blocks, style/main.css) so that a text-size change lays out one screen. These check
// that nothing a reader relies on notices: links to a section, find in page, printing, and a
// page that never jumps while it is read.
import { test, expect } from "@playwright/test";
import { openApp } from "./support.mjs";

const PANEL = "/articles/broad-front-panel";
const LAST = "courageously face our lives";

test("a link to a section far down the article lands on it, on first load and from the contents", async ({ page }) => {
  await page.goto(`${PANEL}#why-we-persist`);
  const heading = page.getByRole("heading", { level: 2, name: "Why We Persist" });
  await expect(heading).toBeInViewport();
  await page.waitForTimeout(500);
  const top = (await heading.boundingBox()).y;
  expect(top).toBeGreaterThanOrEqual(-1);
  expect(top).toBeLessThan(200);

  await openApp(page, PANEL);
  await page.getByRole("navigation", { name: "In this article" }).getByRole("link", { name: "Leadership Development" }).click();
  const target = page.getByRole("heading", { level: 2, name: "Leadership Development" });
  await expect(target).toBeInViewport();
  await page.waitForTimeout(500);
  const y = (await target.boundingBox()).y;
  expect(y).toBeGreaterThanOrEqual(-1);
  expect(y).toBeLessThan(200);
});

test("find in page reaches text in blocks that have not been laid out yet", async ({ page }) => {
  await openApp(page, PANEL);
  const skipped = page.locator(".prose p", { hasText: LAST });
  // Far below the first screen: the browser has skipped it so far.
  expect(await skipped.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThan(2000);
  expect(await page.evaluate((text) => window.find(text), LAST)).toBe(true);
  await expect(skipped).toBeInViewport();
});

test("printing lays out the whole article", async ({ page }) => {
  await openApp(page, PANEL);
  await page.emulateMedia({ media: "print" });
  const values = await page.locator(".prose > *").evaluateAll((els) => els.map((el) => getComputedStyle(el).contentVisibility));
  expect(values.length).toBeGreaterThan(30);
  expect(new Set(values)).toEqual(new Set(["visible"]));
  await page.emulateMedia({ media: "screen" });
  expect(await page.locator(".prose > p").first().evaluate((el) => getComputedStyle(el).contentVisibility)).toBe("auto");
});

test("reading to the end never shifts what the reader sees", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 700 });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  await openApp(page, PANEL);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 500) {
    await page.mouse.wheel(0, 500);
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(height / 2);
  expect(await page.evaluate(() => window.__shifts)).toEqual([]);
});
