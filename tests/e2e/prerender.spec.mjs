// The first response of every public URL is the page itself (src/prerender): readable with
// JavaScript off, unfurled by a real link-preview library, answered 404 when unknown, and
// taken over by the app without a placeholder, a shift, or losing the reader's place.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import ogs from "open-graph-scraper";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openInApp, watchForPanics } from "./support.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bucket = path.resolve(process.env.BUCKET_DIR ?? path.join(root, "target/bucket/content"));
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(bucket, file), "utf8"));
const site = readJson("site.json");
const slugs = (folder) =>
  fs.readdirSync(path.join(bucket, folder)).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort();
const ARTICLE = "broad-front-panel";
const article = readJson(`articles/${ARTICLE}.json`);

/** One URL of every route kind the build renders, with the heading its page shows. */
const kinds = [
  ["/", null],
  [`/articles/${ARTICLE}`, article.title],
  ["/contributors", null],
  [`/contributors/${article.authors[0].slug}`, article.authors[0].name],
  ["/topics", "Topics"],
  [`/topics/${article.topics[0].slug}`, article.topics[0].name],
  ["/archive", null],
  [`/archive/${article.published_at.slice(0, 4)}`, null],
  ["/about", null],
  ["/subscribe", null],
  ["/search", null],
];

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  for (const [url, heading] of kinds) {
    test(`${url} shows its page`, async ({ page }) => {
      const response = await page.goto(url);
      expect(response.status()).toBe(200);
      const h1 = page.getByRole("heading", { level: 1 });
      await expect(h1).toHaveCount(1);
      if (heading) await expect(h1).toHaveText(heading);
      await expect(page.getByRole("heading", { name: /not found/i })).toHaveCount(0);
      // No control that could not work: the text-size and theme buttons are not shown.
      await expect(page.getByRole("button", { name: /Larger text|Dark theme/ })).toHaveCount(0);
      await expect(page.locator("#fatal-error")).toBeHidden();
    });
  }

  test("/ reaches every article and contributor by plain links", async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const origin = new URL(baseURL).origin;
    const seen = new Set(["/"]);
    const queue = ["/"];
    while (queue.length) {
      const url = queue.shift();
      const response = await page.goto(url);
      expect(response.status(), url).toBe(200);
      const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.href));
      for (const href of hrefs) {
        const u = new URL(href);
        if (u.origin !== origin || /^\/(content|embed|preview)\//.test(u.pathname) || u.search) continue;
        const next = u.pathname.replace(/\/$/, "") || "/";
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    for (const slug of slugs("articles")) expect(seen, slug).toContain(`/articles/${slug}`);
    for (const slug of slugs("contributors")) expect(seen, slug).toContain(`/contributors/${slug}`);
  });

  test("an unknown URL answers 404 with the not-found page", async ({ page }) => {
    for (const url of ["/no-such-page", "/articles/no-such-article", "/a/b/c"]) {
      const response = await page.goto(url);
      expect(response.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Read the latest articles" })).toHaveAttribute("href", "/");
    }
  });
});

test("axe finds nothing on the rendered pages when their scripts are blocked", async ({ page }) => {
  test.setTimeout(90_000);
  await page.route(/\.(js|wasm)$/, (route) => route.abort());
  const found = [];
  for (const [url] of [kinds[0], kinds[1], kinds[3], kinds[9]]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page.locator("#fatal-error")).toBeHidden();
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    for (const v of results.violations) found.push(`${url}: ${v.id} ${v.nodes.map((n) => n.target).join(" ")}`);
  }
  expect(found).toEqual([]);
});

test("a shared article unfurls with its title, description and image", async ({ baseURL }) => {
  const { error, result } = await ogs({
    url: `${baseURL}/articles/${ARTICLE}`,
    urlValidatorSettings: { require_tld: false, require_protocol: true, allow_underscores: true },
  });
  expect(error).toBe(false);
  expect(result.ogTitle).toBe(article.title);
  expect(result.ogDescription).toBe(article.excerpt);
  expect(result.ogType).toBe("article");
  expect(result.ogUrl).toBe(`${site.url}/articles/${ARTICLE}`);
  expect(result.ogSiteName).toBe(site.title);
  expect(result.twitterCard).toMatch(/summary/);
  // The article's own image, or the site's default one, with its size and description.
  const image = article.feature_image ?? site.default_image;
  expect(result.ogImage?.[0]?.url).toContain(image.src.split("/").pop());
  expect(Number(result.ogImage[0].width)).toBe(image.width);
  expect(Number(result.ogImage[0].height)).toBe(image.height);
  expect(result.ogImage[0].alt).toBe(image.alt);
  const ld = JSON.parse(result.jsonLD?.[0] ? JSON.stringify(result.jsonLD[0]) : "{}");
  expect(ld["@type"]).toBe("NewsArticle");
  expect(ld.author.map((a) => a.url)).toEqual(article.authors.map((a) => `${site.url}/contributors/${a.slug}`));
});

test("the crawler's head comes first: within Slack's 32 KB, with the feed and oEmbed links", async ({ request }) => {
  const html = await (await request.get(`/articles/${ARTICLE}`)).text();
  const head = html.slice(0, html.indexOf("</head>"));
  expect(head.length).toBeLessThan(32 * 1024);
  for (const needle of [
    `<link rel="canonical" href="${site.url}/articles/${ARTICLE}"`,
    'property="article:published_time"',
    'property="article:author"',
    'type="application/atom+xml"',
    `type="application/json+oembed" href="/content/oembed/${ARTICLE}.json"`,
  ]) {
    expect(head).toContain(needle);
  }
});

/** Records layout shifts, any loading placeholder shown, and requests for the page's JSON. */
async function watchTakeOver(page) {
  await page.addInitScript(() => {
    window.__shifts = 0;
    window.__placeholders = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
    }).observe({ type: "layout-shift", buffered: true });
    new MutationObserver(() => {
      if (document.querySelector("body .loading")) window.__placeholders += 1;
    }).observe(document, { childList: true, subtree: true });
  });
}

for (const [width, size] of [[320, "100"], [1280, "100"], [320, "200"], [1280, "200"]]) {
  test(`the app takes the article over with no placeholder and no shift at ${width} px, ${size}%`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.addInitScript((s) => localStorage.setItem("convergence.text-size", s), size);
    await watchTakeOver(page);
    const fetched = [];
    page.on("request", (r) => {
      if (r.url().endsWith(`/content/articles/${ARTICLE}.json`)) fetched.push(r.url());
    });
    await page.goto(`/articles/${ARTICLE}`);
    await expect(page.locator("body[data-app-mounted]")).toHaveCount(1);
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => window.__placeholders)).toBe(0);
    expect(await page.evaluate(() => window.__shifts)).toBe(0);
    expect(fetched.length).toBeLessThanOrEqual(1);
    // One of everything: landmarks, ids, the head's own tags.
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page.getByRole("banner")).toHaveCount(1);
    await expect(page.getByRole("contentinfo")).toHaveCount(1);
    const duplicates = await page.evaluate(() => {
      const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    expect(duplicates).toEqual([]);
    await expect(page.locator("head title")).toHaveCount(1);
    await expect(page.locator('head link[rel="canonical"]')).toHaveCount(1);
    await expect(page.locator('head meta[property="og:title"]')).toHaveCount(1);
    await expect(page.locator("html")).toHaveAttribute("data-text-size", size);
  });
}

test("the app's code is asked for only after the page's first paint", async ({ page }) => {
  await page.goto(`/articles/${ARTICLE}`);
  await expect(page.locator("body[data-app-mounted]")).toHaveCount(1);
  const times = await page.evaluate(() => ({
    paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    code: performance.getEntriesByType("resource")
      .filter((r) => /\/convergence-web-(split-)?[0-9a-f]+(_bg\.wasm|\.js)$/.test(r.name))
      .map((r) => r.startTime),
    // Nothing in the document as served names the code outside the inert template.
    preloads: document.querySelectorAll('head > link[rel="modulepreload"], head > link[type="application/wasm"]').length,
  }));
  expect(times.paint).not.toBeNull();
  // The glue, the split pages' loader and the wasm, each once.
  expect(times.code).toHaveLength(3);
  for (const start of times.code) expect(start).toBeGreaterThan(times.paint);
  // The loader put the template's three links into the head when it ran.
  expect(times.preloads).toBe(3);
  const served = await (await page.request.get(`/articles/${ARTICLE}`)).text();
  const head = served.split("</head>")[0].replace(/<template id="app-code">[\s\S]*?<\/template>/, "");
  expect(head).not.toMatch(/rel="modulepreload"|type="application\/wasm"/);
});

test("the reader's scroll position, selection, focus and typing survive the take-over", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  // Hold the app back until the reader has settled in.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/articles/${ARTICLE}`);
  const email = page.getByRole("textbox", { name: "Email address" }).last();
  await email.fill("reader@example.org");
  await page.getByRole("link", { name: article.authors[0].name }).first().focus();
  const paragraph = page.locator("main .prose p").nth(3);
  await paragraph.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 120));
  const y = await page.evaluate(() => window.scrollY);
  const selected = await paragraph.evaluate((p) => {
    const range = document.createRange();
    range.setStart(p.firstChild, 4);
    range.setEnd(p.firstChild, 40);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return getSelection().toString();
  });
  expect(selected.length).toBe(36);
  release();
  await expect(page.locator("body[data-app-mounted]")).toHaveCount(1, { timeout: 20_000 });
  expect(await page.evaluate(() => window.scrollY)).toBe(y);
  expect(await page.evaluate(() => getSelection().toString())).toBe(selected);
  await expect(page.getByRole("link", { name: article.authors[0].name }).first()).toBeFocused();
  await expect(page.getByRole("textbox", { name: "Email address" }).last()).toHaveValue("reader@example.org");
});

test("before the app is here, the text-size and theme buttons work from the boot script", async ({ page }) => {
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(`/articles/${ARTICLE}`);
  await page.getByRole("button", { name: "A+ Larger text" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "112.5");
  await expect(page.getByRole("status").filter({ hasText: "Text size 112.5%" })).toHaveCount(1);
  const dark = page.getByRole("button", { name: "Dark theme" });
  const before = await dark.getAttribute("aria-pressed");
  await dark.click();
  await expect(dark).toHaveAttribute("aria-pressed", before === "true" ? "false" : "true");
  // The page stays whole: no reload box over it.
  await expect(page.locator("#fatal-error")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.title);
});

test("a split-out page's code is fetched the first time it is shown, not with the article", async ({ page }) => {
  const modules = [];
  page.on("request", (r) => {
    if (r.url().endsWith(".wasm")) modules.push(new URL(r.url()).pathname);
  });
  await openInApp(page, "/topics", `/articles/${ARTICLE}`);
  await expect(page.getByRole("heading", { level: 1, name: "Topics" })).toBeVisible();
  // The article took over with the main module (and the subscribe forms' code, fetched once
  // it has started); the topics page brought its own.
  expect(modules[0]).toMatch(/^\/convergence-web-[0-9a-f]+_bg\.wasm$/);
  const split = modules.filter((m) => m.startsWith("/split_")).sort();
  expect(split).toEqual([
    expect.stringMatching(/^\/split_subscribe_form-[0-9a-f]+\.wasm$/),
    expect.stringMatching(/^\/split_topics-[0-9a-f]+\.wasm$/),
  ]);
});

test("a page whose code cannot be fetched says so, and its retry brings the page", async ({ page }) => {
  const problems = watchForPanics(page);
  const blocked = "**/split_topics-*.wasm";
  await page.route(blocked, (route) => route.abort("internetdisconnected"));
  await openInApp(page, "/topics", `/articles/${ARTICLE}`);
  const alert = page.getByRole("alert").filter({ hasText: "This part of the site could not be loaded." });
  await expect(alert).toBeVisible();
  // The header and footer still work around it.
  await expect(page.getByRole("banner")).toBeVisible();
  await page.unroute(blocked);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Topics" })).toBeVisible();
  expect(problems).toEqual([]);
});

test("a later listing page, which the build does not render, is drawn by the app", async ({ page }) => {
  await page.goto("/?page=2");
  await expect(page.locator("body[data-app-mounted]")).toHaveCount(1);
  await expect(page.locator("main")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
});

test("typing a search while the app arrives loses no letter, and the results follow", async ({ page }) => {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/search");
  const box = page.getByRole("searchbox", { name: "Search articles and contributors" });
  await box.focus();
  await page.keyboard.type("Sin", { delay: 30 });
  release();
  // Keep typing through the take-over, a letter at a time.
  for (const letter of "ema") {
    await page.waitForTimeout(120);
    await page.keyboard.type(letter);
  }
  await expect(page.locator("body[data-app-mounted]")).toHaveCount(1);
  await expect(page.getByRole("searchbox", { name: "Search articles and contributors" })).toHaveValue("Sinema");
  await expect(page).toHaveURL(/\/search\?q=Sinema$/);
  await expect(page.getByRole("link", { name: /Building a Broad Front/ })).toBeVisible();
});

test("the served page and the app's own view of it have the same elements on every route kind", async ({ page }) => {
  test.setTimeout(90_000);
  for (const [url] of kinds) {
    const response = await page.goto(url);
    const served = await response.text();
    await page.locator("body[data-app-mounted]").waitFor({ state: "attached" });
    await page.waitForLoadState("networkidle");
    const [before, after] = await page.evaluate((html) => {
      // Every element of the page (not the scripts and the reload box around it), as a path
      // of tag names with its classes and text.
      const shape = (body) => {
        const out = [];
        const walk = (el, path) => {
          const here = `${path}/${el.tagName}.${[...el.classList].join(".")}`;
          out.push(`${here} ${el.children.length ? "" : el.textContent.trim().slice(0, 60)}`);
          [...el.children].forEach((c) => walk(c, here));
        };
        [...body.children].filter((e) => e.tagName !== "SCRIPT" && e.id !== "fatal-error").forEach((c) => walk(c, ""));
        return out;
      };
      return [shape(new DOMParser().parseFromString(html, "text/html").body), shape(document.body)];
    }, served);
    expect(after, url).toEqual(before);
  }
});
