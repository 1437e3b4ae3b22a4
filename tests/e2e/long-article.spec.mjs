// Reading a long article: a link to a section lands on it (on first load, through the take-over,
// and from "In this article"), find in page reaches the end, and the page never jumps while it
// is read. Anything that changes how the article is laid out (docs/performance.md tried
// `content-visibility`) must keep these.
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

test("find in page reaches the end of the article and scrolls to it", async ({ page }) => {
  await openApp(page, PANEL);
  const last = page.locator(".prose p", { hasText: LAST });
  expect(await last.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThan(2000);
  expect(await page.evaluate((text) => window.find(text), LAST)).toBe(true);
  await expect(last).toBeInViewport();
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
