// Search: instant, keyboard friendly, over articles and contributors, loaded only when used.
import { test, expect } from "@playwright/test";
import { openApp, watchForPanics } from "./support.mjs";

test("the home page never loads the search index", async ({ page }) => {
  const searchRequests = [];
  page.on("request", (r) => {
    if (r.url().includes("/content/search/")) searchRequests.push(r.url());
  });
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Latest articles" }).getByRole("article").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(searchRequests).toEqual([]);
});

test("typing a word from an article's body finds it, instantly and by keyboard", async ({ page }) => {
  const problems = watchForPanics(page);
  await openApp(page, "/search");
  const box = page.getByRole("searchbox", { name: "Search articles and contributors" });
  await box.focus();
  await page.keyboard.type("Sinema");
  await expect(page).toHaveURL(/\/search\?q=Sinema$/);
  await expect(page.getByRole("status").filter({ hasText: "result" })).toHaveText("1 result for “Sinema”.");
  const hit = page.getByRole("link", { name: /Building a Broad Front/ });
  await expect(hit).toBeVisible();
  await expect(box).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(hit).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/articles\/broad-front-panel$/);
  expect(problems).toEqual([]);
});

test("a shared search URL shows its results; contributors are found too", async ({ page }) => {
  await page.goto("/search?q=Chicago+Teachers+Union");
  await expect(page.getByRole("searchbox")).toHaveValue("Chicago Teachers Union");
  await expect(page.getByRole("link", { name: "Stacy Davis Gates" })).toHaveAttribute("href", "/contributors/stacy-davis-gates");
  await page.goto("/search?q=zzzyzzyx");
  await expect(page.getByText("No results for “zzzyzzyx”.")).toBeVisible();
});
