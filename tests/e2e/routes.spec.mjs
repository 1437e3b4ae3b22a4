// The URL scheme through the real router: one URL of every route the builder knows
// (`press routes content`), and every URL of the sitemap and the feed, each opens a real page.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bucket = path.resolve(process.env.BUCKET_DIR ?? path.join(root, "target/bucket/content"));
const site = JSON.parse(fs.readFileSync(path.join(bucket, "site.json"), "utf8")).url.replace(/\/$/, "");

/** The site-relative form of a URL on the site's origin; null for anything elsewhere. */
function onSite(url) {
  if (url === site) return "/";
  return url.startsWith(site + "/") || url.startsWith(site + "?") ? url.slice(site.length).replace(/^\?/, "/?") : null;
}

/** Every match of `re`'s first group in a bucket file, XML entities for `&` undone. */
function grab(file, re) {
  const text = fs.readFileSync(path.join(bucket, file), "utf8");
  return [...text.matchAll(re)].map((m) => m[1].replaceAll("&amp;", "&"));
}

const routes = execFileSync("cargo", ["run", "-q", "-p", "press", "--", "routes", "content"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .filter(Boolean);
const sitemaps = grab("sitemap.xml", /<loc>([^<]+)<\/loc>/g).map((u) => path.basename(new URL(u).pathname));
const listed = [
  ...sitemaps.flatMap((file) => grab(file, /<loc>([^<]+)<\/loc>/g)),
  ...grab("feed.xml", /<link rel="alternate" type="text\/html" href="([^"]+)"/g),
  ...grab("feed.xml", /<id>([^<]+)<\/id>/g),
  ...grab("feed.xml", /<uri>([^<]+)<\/uri>/g),
].map(onSite).filter((u) => u !== null);
const urls = [...new Set([...routes, ...listed])];

test("the builder names a route of every kind, and lists the indexes in the sitemap", () => {
  for (const prefix of ["/articles/", "/embed/articles/", "/contributors/", "/topics/", "/archive/", "/search?q="]) {
    expect(routes.some((r) => r.startsWith(prefix)), prefix).toBe(true);
  }
  for (const index of ["/", "/contributors", "/topics", "/archive", "/subscribe"]) {
    expect(listed, index).toContain(index);
  }
  expect(listed.some((u) => u.startsWith("/articles/")), "articles in the sitemap and feed").toBe(true);
});

for (const url of urls) {
  test(`${url} opens a real page`, async ({ page }) => {
    await page.goto(url);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toHaveCount(1);
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { name: /not found/i })).toHaveCount(0);
    await expect(heading).not.toHaveText("");
  });
}

/** The on-site pages a page links to: same origin, not the bucket, the entries or a file. */
async function linksOn(page, origin) {
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.href));
  return hrefs
    .map((h) => new URL(h))
    .filter((u) => u.origin === origin && !/^\/(content|embed|preview)\//.test(u.pathname) && !/\.\w+$/.test(u.pathname))
    .map((u) => u.pathname + u.search);
}

test("a reader following every link from / meets no missing page and no console error", async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL).origin;
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e}`));
  const seen = new Set(["/"]);
  const queue = ["/"];
  while (queue.length > 0) {
    const url = queue.shift();
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 }), url).toHaveCount(1);
    await expect(page.locator(".loading"), url).toHaveCount(0);
    await expect(page.getByRole("heading", { name: /not found/i }), url).toHaveCount(0);
    for (const next of await linksOn(page, origin)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  // Every article and contributor the bucket has is reachable by links from the home page.
  const files = (dir) => fs.readdirSync(path.join(bucket, dir)).filter((f) => f.endsWith(".json"));
  for (const f of files("articles")) expect(seen, f).toContain(`/articles/${f.replace(/\.json$/, "")}`);
  for (const f of files("contributors")) expect(seen, f).toContain(`/contributors/${f.replace(/\.json$/, "")}`);
  expect(problems).toEqual([]);
});
