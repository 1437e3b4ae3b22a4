// The strict Content-Security-Policy on every route: the e2e server sends what dist/_headers
// says (written by `cargo xtask csp` after the build), and no page may trip it. Also deploy
// skew: an index.html whose hashed script or wasm is gone shows the reload message.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { test, expect } from "@playwright/test";
import { watchForPanics, startServer, freePort } from "./support.mjs";
import { openApp } from "./support.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dist = path.resolve(process.env.DIST_DIR ?? path.join(root, "dist"));
const bucket = path.resolve(process.env.BUCKET_DIR ?? path.join(root, "target/bucket/content"));

/** Every static page in the bucket (pages/*.json), so a new page is covered without editing this. */
const staticPages = fs
  .readdirSync(path.join(bucket, "pages"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(/\.json$/, ""));

/** [name, path, accessible name of a heading that shows the page rendered]. */
const ROUTES = [
  ["home", "/", null],
  ["article", "/articles/broad-front-panel", /Broad Front/],
  ["audio article", "/articles/organizing-upgrade-about-2012", null],
  ["topic", "/topics/strategy", null],
  ["archive", "/archive/2023", /2023/],
  ["search", "/search?q=organizing", null],
  ["contributors", "/contributors", null],
  ["contributor", "/contributors/alexa-horwart", null],
  ["subscribe", "/subscribe", null],
  ["404", "/no-such-page-here", /Page not found/],
  // The rendered embeds (a partner's look in the query, applied by their script).
  ["embed (card)", "/embed/articles/broad-front-panel/?theme=dark&accent=%23123abc", /Broad Front/],
  ["embed (full)", "/embed/articles/organizing-upgrade-about-2012/full/", null],
  ...staticPages.map((slug) => [`page ${slug}`, `/${slug}`, null]),
  // The embed's own entry, when it is built into dist/embed/.
  ...(fs.existsSync(path.join(dist, "embed/index.html"))
    ? [["embed entry", "/embed/?article=broad-front-panel&variant=card", null]]
    : []),
];

/** Records every CSP violation in the page (and "Refused to…" console lines as a second witness). */
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const refused = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  return refused;
}

for (const [name, url, heading] of ROUTES) {
  test(`CSP: ${name} (${url}) runs with no violation`, async ({ page }) => {
    const problems = watchForPanics(page);
    const refused = await watchViolations(page);
    const response = await page.goto(url);
    const csp = response.headers()["content-security-policy"];
    expect(csp, "the server sends the policy from dist/_headers").toBeTruthy();
    expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain(url.startsWith("/embed/") ? "frame-ancestors *" : "frame-ancestors 'self'");
    expect(csp.split(",").length, "exactly one policy").toBe(1);

    // A rendered embed has no app to mount.
    if (!url.startsWith("/embed/articles/")) await expect(page.locator("body[data-app-mounted]")).toBeAttached();
    const h1 = page.getByRole("heading", { level: 1, ...(heading ? { name: heading } : {}) }).first();
    await expect(h1).toBeVisible();
    await page.waitForLoadState("networkidle");
    // Exercise what the page does after load: the theme and text-size controls write
    // attributes and styles, which the policy must not block (embeds have no site chrome).
    if (!url.startsWith("/embed/")) {
      await page.getByRole("button", { name: "Dark theme" }).click();
      await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
      await page.getByRole("button", { name: "A+ Larger text" }).click();
      await expect(page.locator("html")).toHaveAttribute("data-text-size", /./);
    } else if (/\/full\/$/.test(url)) {
      await page.getByRole("button", { name: "A+ Larger text" }).click();
      await expect(page.locator("html")).toHaveAttribute("data-text-size", "112.5");
    }

    expect(await page.evaluate(() => window.__csp)).toEqual([]);
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
  });
}

test("CSP: the hashes in _headers are those of the built pages' inline scripts", async ({ request }) => {
  const json = JSON.parse(fs.readFileSync(path.join(dist, "csp.json"), "utf8"));
  const html = await (await request.get("/")).text();
  // Executable inline scripts only: the head's JSON-LD is a data block, never run.
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !m[1].includes("application/ld+json"))
    .map((m) => m[2]);
  expect(inline.length).toBeGreaterThan(0);
  const { createHash } = await import("node:crypto");
  for (const text of inline) {
    const source = `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
    expect(json.script_hashes).toContain(source);
  }
  // A hashed asset is immutable; the page itself is revalidated on every load.
  const asset = html.match(/src="(\/[^"]+-[0-9a-f]{8,16}\.js)"/)[1];
  expect((await request.get(asset)).headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect((await request.get("/articles/broad-front-panel")).headers()["cache-control"]).toBe("no-cache");
  expect((await request.get("/embed.js")).headers()["cache-control"]).toBe("public, max-age=300");
});

/** Deploy skew: the page's own hashed script or wasm is missing (a newer deploy pruned it). */
for (const [what, pattern] of [
  ["the hashed JS", /\/convergence-web-[0-9a-f]{8,16}\.js$/],
  ["the wasm", /_bg\.wasm$/],
]) {
  test(`deploy skew: when ${what} is gone, a rendered page stays whole, and any other gets a reload message`, async ({ page }) => {
    const refused = await watchViolations(page);
    await page.route(pattern, (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "not found\n" }));
    const alert = page.getByRole("alert").filter({ hasText: "Something went wrong while showing this page." });
    // The article the build rendered: readable, its links plain links, nothing over it.
    await page.goto("/articles/broad-front-panel");
    await expect(page.getByRole("heading", { level: 1, name: /Broad Front/ })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expect(alert).toBeHidden();
    await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Contributors" }).click();
    await expect(page).toHaveURL(/\/contributors$/);
    await expect(page.getByRole("heading", { level: 1, name: "Contributors" })).toBeVisible();
    // Search results are the app's to draw: without it the reader is told, with a way out.
    await page.goto("/search?q=organizing");
    await expect(alert).toBeVisible();
    const reload = alert.getByRole("button", { name: "Reload the page" });
    await expect(reload).toBeVisible();
    // The fault clears (the reader's cache catches up): Reload brings the results.
    await page.unroute(pattern);
    await reload.click();
    await expect(page.getByRole("link", { name: /Broad Front/ }).first()).toBeVisible();
    await expect(alert).toBeHidden();
    expect(await page.evaluate(() => window.__csp)).toEqual([]);
    expect(refused).toEqual([]);
  });
}

test("deploy skew: a new page with an old cached wasm (wrong integrity) shows the reload message", async ({ page }) => {
  // The reverse skew: the browser holds another build's file under the name; SRI refuses it.
  await page.route(/_bg\.wasm$/, (route) =>
    route.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]) }),
  );
  await page.goto("/search?q=organizing");
  const alert = page.getByRole("alert").filter({ hasText: "Something went wrong while showing this page." });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole("button", { name: "Reload the page" })).toBeVisible();
});


test.describe("the bucket on another origin", () => {
  test.describe.configure({ mode: "serial" });
  let app, other, tmp;
  test.beforeAll(async () => {
    // A deploy that points content-base at another host: a copy of dist/ with the pages
    // rendered for that base (`cargo xtask prerender --base`) and `cargo xtask csp` re-run
    // (docs/deploy.md, docs/security.md), the bucket from another origin.
    tmp = fs.mkdtempSync(path.join(root, "target", "e2e-csp-"));
    fs.cpSync(dist, tmp, { recursive: true });
    other = await startServer({ port: await freePort(), bucket });
    execFileSync(path.join(root, "target/prerender/prerender"), ["--bucket", bucket, "--dist", tmp, "--base", `${other.url}/content/`]);
    const html = fs.readFileSync(path.join(tmp, "articles/broad-front-panel/index.html"), "utf8");
    expect(html).toContain(`<meta name="content-base" content="${other.url}/content/">`);
  });
  test.afterAll(async () => {
    app?.close();
    other?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("with the headers regenerated, the bucket's origin is in connect-src and the site works", async ({ page }) => {
    execFileSync("cargo", ["run", "-q", "-p", "xtask", "--", "csp", "--dist", tmp, "--site", path.join(bucket, "site.json")], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
    app = await startServer({ port: await freePort(), bucket: path.join(tmp, "no-bucket-here"), dist: tmp });
    const problems = watchForPanics(page);
    const refused = await watchViolations(page);
    const bucketReads = [];
    page.on("request", (r) => r.url().startsWith(`${other.url}/content/`) && bucketReads.push(r.url()));
    const response = await openApp(page, `${app.url}/articles/broad-front-panel`);
    expect(response.headers()["content-security-policy"]).toContain(`connect-src 'self' ${other.url}`);
    await expect(page.getByRole("heading", { level: 1, name: /Broad Front/ })).toBeVisible();
    expect(bucketReads.length, "content came from the other origin").toBeGreaterThan(0);
    expect(await page.evaluate(() => window.__csp)).toEqual([]);
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("without regenerating them, the policy refuses the reads (so the deploy step matters)", async ({ page }) => {
    // Headers written before the meta was edited: the same, less the bucket's origin.
    const headers = path.join(tmp, "_headers");
    const stale = fs.readFileSync(headers, "utf8").replaceAll(` ${other.url}`, "");
    expect(stale).not.toContain(other.url);
    fs.writeFileSync(headers, stale);
    app?.close();
    app = await startServer({ port: await freePort(), bucket: path.join(tmp, "no-bucket-here"), dist: tmp });
    await watchViolations(page);
    await page.goto(`${app.url}/articles/broad-front-panel`);
    // The policy refuses the app's reads; the rendered article stays, whole, and the app does
    // not take it over with an error.
    await expect.poll(async () => (await page.evaluate(() => window.__csp)).join("\n")).toContain("connect-src");
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { level: 1, name: /Broad Front/ })).toBeVisible();
    await expect(page.locator("main .content-error")).toHaveCount(0);
    await expect(page.locator("body[data-app-mounted]")).toHaveCount(0);
  });
});
