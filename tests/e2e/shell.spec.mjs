// The app shell: the brand, navigation, deep links, 404, skip link, and no panics.
import { test, expect } from "@playwright/test";
import { openApp } from "./support.mjs";

/** Fails the test on any panic or uncaught error in the page. */
function watchConsole(page) {
  const problems = [];
  page.on("console", (m) => {
    if (/panicked at/.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  return problems;
}

test("home shows the brand, tagline and primary navigation", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Convergence", exact: true })).toBeVisible();
  await expect(page.getByText("A magazine for radical insights").first()).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Primary" });
  const hrefs = { Home: "/", Contributors: "/contributors", About: "/about", Subscribe: "/subscribe" };
  for (const [name, href] of Object.entries(hrefs)) {
    const link = nav.getByRole("link", { name, exact: true });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute("href", href);
  }
  await expect(nav.getByRole("link", { name: "Home", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  for (const role of ["banner", "main", "contentinfo"]) await expect(page.getByRole(role)).toHaveCount(1);
  expect(problems).toEqual([]);
});

test("the footer carries the fiscal-sponsor line, republication policy and contact", async ({ page }) => {
  await page.goto("/");
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByText(/fiscally sponsored project of the 501\(c\)3 Commonwealth Foundation/)).toBeVisible();
  await expect(footer.getByRole("link", { name: /Republication policy/ })).toHaveAttribute("href", "/republication");
  await expect(footer.getByRole("link", { name: /@/ })).toHaveAttribute("href", /^mailto:/);
});

test("a deep link opens by URL and survives a reload", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto("/articles/broad-front-panel");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText(/broad front/i);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/broad front/i);
  expect(problems).toEqual([]);
});

test("a static page by slug renders from the bucket, and nav marks it current", async ({ page }) => {
  await page.goto("/about");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/About/);
  await expect(page.getByText(/Convergence is a magazine for radical insights/).first()).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "About", exact: true }),
  ).toHaveAttribute("aria-current", "page");
});

test("unknown routes and slugs reach the 404 page", async ({ page }) => {
  for (const path of ["/no-such-page", "/articles/no-such-article", "/Not_A_Slug!"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page).toHaveTitle(/Page not found/);
  }
});

test("the skip link is first in tab order and moves focus to main", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Convergence", exact: true })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("navigating between pages keeps the shell and changes the title", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "About", exact: true }).click();
  await expect(page).toHaveURL(/\/about$/);
  await expect(page).toHaveTitle(/About.* — Convergence/);
  await expect(page.getByRole("link", { name: "Convergence", exact: true })).toBeVisible();
});

test("on a 375 x 812 phone the header takes at most 120 px, the text size control in view and every nav link reachable", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openApp(page, "/articles/broad-front-panel");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const header = await page.getByRole("banner").boundingBox();
  expect(header.height).toBeLessThanOrEqual(120);
  const size = page.getByRole("group", { name: "Text size" });
  for (const name of ["A- Smaller text", "A Default text size", "A+ Larger text"]) {
    await expect(size.getByRole("button", { name })).toBeInViewport({ ratio: 1 });
  }
  await expect(page.getByRole("button", { name: "Dark theme" })).toBeInViewport({ ratio: 1 });
  // The nav scrolls sideways inside itself: the page never does, and focus brings each link into view.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
  const nav = page.getByRole("navigation", { name: "Primary" });
  for (const name of ["Home", "Contributors", "About", "Subscribe"]) {
    const link = nav.getByRole("link", { name, exact: true });
    await link.focus();
    await expect(link).toBeInViewport({ ratio: 1 });
  }
});
