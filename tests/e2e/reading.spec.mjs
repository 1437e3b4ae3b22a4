// The reading experience: home, article, topics, archive, errors with retry, focus on navigation.
import { test, expect } from "@playwright/test";
import { GEN_BUCKET, openApp, openInApp, renderedSite, startServer, watchForPanics } from "./support.mjs";

const PANEL = "/articles/broad-front-panel";
const PANEL_TITLE = /Building a Broad Front/;

test("home lists the sample articles as cards", async ({ page }) => {
  const problems = watchForPanics(page);
  await page.goto("/");
  const latest = page.getByRole("region", { name: "Latest articles" });
  await expect(latest.getByRole("link", { name: PANEL_TITLE })).toBeVisible();
  await expect(latest.getByRole("link", { name: /Organizing Upgrade/ }).first()).toBeVisible();
  // The panel, the 2012 About page and one placeholder episode per named show.
  await expect(latest.getByRole("link", { name: /^Placeholder episode:/ })).toHaveCount(2);
  await expect(latest.getByRole("article")).toHaveCount(4);
  expect(problems).toEqual([]);
});

test.describe("on a generated archive", () => {
  let server, site;
  test.beforeAll(async ({}, info) => {
    site = renderedSite(GEN_BUCKET);
    server = await startServer({ port: 8300 + info.workerIndex, bucket: GEN_BUCKET, dist: site.dir });
  });
  test.afterAll(() => {
    server?.close();
    site?.remove();
  });

  test("home paginates through older articles and back", async ({ page }) => {
    await openApp(page, server.url + "/");
    const latest = page.getByRole("region", { name: "Latest articles" });
    await expect(latest.getByRole("article")).toHaveCount(20);
    await expect(page.getByText("Page 1 of 3")).toBeVisible();
    const firstTitle = await latest.getByRole("heading").first().textContent();
    await page.getByRole("link", { name: "Older articles" }).click();
    await expect(page).toHaveURL(/\?page=2$/);
    await expect(page.getByText("Page 2 of 3")).toBeVisible();
    await expect(latest.getByRole("article")).toHaveCount(20);
    await expect(latest.getByRole("heading").first()).not.toHaveText(firstTitle);
    await page.getByRole("link", { name: "Older articles" }).click();
    await expect(page.getByText("Page 3 of 3")).toBeVisible();
    await expect(latest.getByRole("article")).toHaveCount(5);
    await expect(page.getByRole("link", { name: "Older articles" })).toHaveCount(0);
    await page.getByRole("link", { name: "Newer articles" }).click();
    await expect(page.getByText("Page 2 of 3")).toBeVisible();
  });
});

test("an article has byline links, pull quotes with attribution, and a table of contents", async ({ page }) => {
  await openApp(page, PANEL);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PANEL_TITLE);
  const byline = page.locator(".article__meta .byline");
  for (const name of ["Maurice Mitchell", "Sendolo Diaminah", "Alexa Horwart", "Brendan Walsh"]) {
    await expect(byline.getByRole("link", { name })).toHaveAttribute("href", /^\/contributors\//);
  }
  await expect(byline).toHaveText("By Maurice Mitchell, Sendolo Diaminah, Alexa Horwart and Brendan Walsh");
  const quotes = page.locator("figure.pull-quote");
  expect(await quotes.count()).toBeGreaterThanOrEqual(5);
  await expect(quotes.first().locator("figcaption")).toHaveText(/\S/);
  await expect(page.locator("figure.pull-quote figcaption", { hasText: "Maurice Mitchell" }).first()).toBeVisible();
  const toc = page.getByRole("navigation", { name: "In this article" });
  await expect(toc).toBeVisible();
  await toc.getByRole("link", { name: "Working With the Center" }).click();
  await expect(page).toHaveURL(/#working-with-the-center$/);
  await expect(page.getByRole("heading", { name: /Working With the Center/, level: 2 })).toBeInViewport();
  // The republication notice from site config, and the topics.
  await expect(page.getByRole("complementary", { name: "Republishing this article" })).toContainText(
    "originally appeared in Convergence Magazine",
  );
});

test("copy link confirms visibly; email is offered", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openApp(page, PANEL);
  const share = page.getByRole("region", { name: "Share this article" });
  await share.getByRole("button", { name: "Copy link" }).click();
  await expect(share.getByRole("status")).toHaveText("Link copied to your clipboard.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\/articles\/broad-front-panel$/);
  await expect(share.getByRole("link", { name: "Email" })).toHaveAttribute("href", /^mailto:\?subject=/);
});

test("a topic page lists its articles", async ({ page }) => {
  await page.goto("/topics/strategy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Strategy");
  await expect(page.getByRole("link", { name: PANEL_TITLE })).toBeVisible();
  await page.goto("/topics/movement-history");
  await expect(page.getByRole("link", { name: /Organizing Upgrade/ }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: PANEL_TITLE })).toHaveCount(0);
});

test("an archive year lists that year's articles only", async ({ page }) => {
  await page.goto("/archive/2012");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2012");
  const list = page.getByRole("region", { name: "Articles from 2012" });
  await expect(list.getByRole("article")).toHaveCount(1);
  await expect(list.getByRole("link", { name: /Organizing Upgrade/ }).first()).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Archive by year" }).getByRole("link", { name: "2023" })).toBeVisible();
  await page.goto("/archive/1999");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("a topic page leads to every topic, and a year to the whole archive", async ({ page }) => {
  await openApp(page, "/topics/strategy");
  await page.getByRole("main").getByRole("link", { name: "Topics", exact: true }).click();
  await expect(page).toHaveURL(/\/topics$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Topics");
  const strategy = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Strategy" }) });
  await expect(strategy).toContainText(/\d+ articles?/);
  await strategy.getByRole("link", { name: "Strategy" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Strategy");

  await openApp(page, "/archive/2023");
  await page.getByRole("main").getByRole("link", { name: "Archive", exact: true }).click();
  await expect(page).toHaveURL(/\/archive$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Archive");
  const year = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "2012" }) });
  await expect(year.getByText("1 article", { exact: true })).toBeVisible();
  await year.getByRole("link", { name: "2012" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2012");
});

test("a failing article request shows the error in place, and retry works", async ({ page }) => {
  const problems = watchForPanics(page);
  let failing = true;
  await page.route("**/content/articles/broad-front-panel.json", (route) =>
    failing ? route.fulfill({ status: 500, body: "boom" }) : route.fallback(),
  );
  await openInApp(page, PANEL);
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("server had a problem (error 500)");
  // The rest of the site keeps working.
  await expect(page.getByRole("navigation", { name: "Primary" })).toBeVisible();
  failing = false;
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PANEL_TITLE);
  expect(problems).toEqual([]);
});

test("after navigation, focus lands on the new page's heading", async ({ page }) => {
  await openApp(page, "/");
  await page.getByRole("region", { name: "Latest articles" }).getByRole("link", { name: PANEL_TITLE }).click();
  const h1 = page.getByRole("heading", { level: 1 });
  await expect(h1).toHaveText(PANEL_TITLE);
  await expect(h1).toBeFocused();
  await expect(page.getByText(/page loaded$/)).toHaveText(/Building a Broad Front.*, page loaded/);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
});

test("back restores the scroll position once the page has rendered", async ({ page }) => {
  await openApp(page, "/articles/broad-front-panel");
  const related = page.getByRole("region", { name: "More from Convergence" });
  await related.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, -300);
  await page.waitForTimeout(200);
  const before = await page.evaluate(() => scrollY);
  expect(before).toBeGreaterThan(1000);
  await related.getByRole("link", { name: /Organizing Upgrade/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Organizing Upgrade/);
  expect(await page.evaluate(() => scrollY)).toBeLessThan(200);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Building a Broad Front/);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(before - 40);
  expect(Math.abs((await page.evaluate(() => scrollY)) - before)).toBeLessThan(40);
});

test("article to article and back, by link and history, never panics", async ({ page }) => {
  // Regression: the subscribe form after each article read its own state while the previous
  // article's view was torn down, which panicked and showed the reload box.
  const problems = watchForPanics(page);
  await openApp(page, "/articles/broad-front-panel");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Building a Broad Front/);
  const related = page.getByRole("region", { name: "More from Convergence" });
  await related.getByRole("link", { name: /Organizing Upgrade/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Organizing Upgrade/);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Building a Broad Front/);
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Organizing Upgrade/);
  await page.waitForTimeout(300);
  await expect(page.locator("#fatal-error")).toBeHidden();
  expect(problems).toEqual([]);
});

// The app's own head, once it has taken each page over (the head in the served page, for
// crawlers, is checked in prerender.spec.mjs).
test("every route has a title, description, canonical link and Open Graph tags", async ({ page }) => {
  for (const [path, canonical] of [
    ["/", "https://convergencemag.com/"],
    ["/about", "https://convergencemag.com/about"],
    ["/topics/strategy", "https://convergencemag.com/topics/strategy"],
    ["/archive/2012", "https://convergencemag.com/archive/2012"],
    ["/contributors", "https://convergencemag.com/contributors"],
    ["/search", "https://convergencemag.com/search"],
    ["/articles/broad-front-panel", "https://convergencemag.com/articles/broad-front-panel"],
  ]) {
    await openApp(page, path);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", canonical);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /\S/);
    await expect(page.locator('meta[name="description"]')).toHaveCount(1);
    await expect(page).toHaveTitle(/Convergence/);
  }
});

/** The page's one JSON-LD object, parsed. */
async function jsonLd(page) {
  const scripts = page.locator('script[type="application/ld+json"]');
  await expect(scripts).toHaveCount(1);
  return JSON.parse(await scripts.textContent());
}

test("home, articles and contributors have full link previews and JSON-LD", async ({ page }) => {
  const site = "https://convergencemag.com";
  for (const [path, ogType, ldType] of [
    ["/", "website", "WebSite"],
    ["/articles/broad-front-panel", "article", "NewsArticle"],
    ["/contributors/alexa-horwart", "profile", "Person"],
  ]) {
    await openApp(page, path);
    const url = site + path;
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", url);
    await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute("content", "Convergence");
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", ogType);
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /\S/);
    // The large card only when there is an image to show in it.
    const hasImage = (await page.locator('meta[property="og:image"]').count()) > 0;
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
      "content",
      hasImage ? "summary_large_image" : "summary",
    );
    const data = await jsonLd(page);
    expect(data["@context"]).toBe("https://schema.org");
    expect(data["@type"]).toBe(ldType);
    expect(data.url).toBe(url);
  }

  // The home page's description is the site's, from site.json.
  await openApp(page, "/");
  const siteJson = await (await page.request.get("/content/site.json")).json();
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", siteJson.description);

  await openApp(page, "/articles/broad-front-panel");
  await expect(page.locator('meta[property="article:published_time"]')).toHaveAttribute("content", "2023-06-01");
  await expect(page.locator('meta[property="article:author"]').first()).toHaveAttribute(
    "content",
    `${site}/contributors/maurice-mitchell`,
  );
  const article = await jsonLd(page);
  expect(article.headline).toMatch(/^Building a Broad Front/);
  expect(article.datePublished).toBe("2023-06-01");
  expect(article.dateModified).toBe("2023-06-01");
  expect(article.publisher).toEqual({ "@type": "Organization", name: "Convergence", url: `${site}/` });
  expect(article.author.map((a) => a["@type"])).toEqual(["Person", "Person", "Person", "Person"]);
  expect(article.author[2]).toEqual({ "@type": "Person", name: "Alexa Horwart", url: `${site}/contributors/alexa-horwart` });

  // Moving within the app replaces the head: one JSON-LD object, the new page's.
  await page.getByRole("link", { name: "Alexa Horwart" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Alexa Horwart" })).toBeVisible();
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", `${site}/contributors/alexa-horwart`);
  expect((await jsonLd(page))["@type"]).toBe("Person");
  await expect(page.locator('meta[property="article:author"]')).toHaveCount(0);
});

for (const path of ["/", "/articles/broad-front-panel", "/contributors", "/about"]) {
  for (const width of [320, 1280]) {
    test(`loading reserves space: no layout shift at all on ${path} at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            if (e.hadRecentInput) continue;
            const what = (e.sources ?? []).map((s) => s.node?.nodeName + "." + (s.node?.className ?? ""));
            window.__shifts.push(`${e.value.toFixed(5)} at ${Math.round(e.startTime)} ms: ${what.join(", ")}`);
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(path);
      await expect(page.locator("main h1").first()).toBeAttached();
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(300);
      // CLS 0: every shift, however small, with the elements that moved.
      expect(await page.evaluate(() => window.__shifts)).toEqual([]);
    });
  }
}
