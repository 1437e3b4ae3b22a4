// Hostile content: the bucket is a trust boundary. A bucket built by `press` from
// tests/hostile/content/ (markup and script in every string field), then edited the way a
// compromised CMS export would be (the whole attack corpus tests/hostile/vectors.md as
// article, bio and page bodies, and script/data URLs in navigation, images, media, profile
// links and canonical URLs, which press itself refuses) is served to the real app. On
// every route: nothing runs, and the DOM holds nothing dangerous that the shell does not.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, watchForPanics, freePort, renderedSite } from "./support.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const VECTORS = fs.readFileSync(path.join(root, "tests/hostile/vectors.md"), "utf8");

/** Every route the corpus reaches; embeds are one row each so the URL scheme is one edit. */
const ROUTES = [
  "/",
  "/articles/hostile-body",
  "/articles/hostile-video",
  "/topics/hostile",
  "/archive/2024",
  "/search?q=hostile",
  "/contributors",
  "/contributors/mallory",
  "/contributors/eve",
  "/about",
  "/subscribe",
  "/embed/articles/hostile-body/",
  "/embed/articles/hostile-body/full/",
  "/embed/?article=hostile-body&variant=full",
  "/no-such-page",
];

/** What a rendered embed holds besides the article (src/prerender/embed.rs): its base target,
 * its stylesheet and its one script. */
const EMBED_SHELL = `<!DOCTYPE html><html><head><base target="_blank"><link rel="stylesheet" href="/embed/main.css">
<script src="/embed/frame.js"></script></head><body></body></html>`;

/** Where a script/data URL is written into the bucket, as a compromised export would. */
const js = (tag) => `javascript:window.__pwned='${tag}'`;
const BAD_IMAGE = (tag) => ({
  src: js(`${tag}-src`),
  alt: `${tag} image`,
  width: 10,
  height: 10,
  srcset: [
    { src: `data:image/svg+xml,<svg onload="window.__pwned='${tag}-srcset'"/>`, width: 10 },
    { src: "//evil.example/x.png", width: 20 },
  ],
});

/** Builds the corpus bucket with press, then edits it into a compromised one. */
function buildBucket() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-bucket-"));
  // press refuses what a compromised bucket holds, so it builds the honest part only.
  execFileSync(
    "cargo",
    ["run", "--quiet", "-p", "press", "--", "build", "tests/hostile/content", "--out", dir],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"], timeout: 300_000 },
  );
  const edit = (file, change) => {
    const p = path.join(dir, file);
    const value = JSON.parse(fs.readFileSync(p, "utf8"));
    change(value);
    fs.writeFileSync(p, JSON.stringify(value));
  };
  // U+0000 too, which a TOML file cannot carry.
  const body = `${VECTORS}\n\nNUL \u0000 here and [nul link](java\u0000script:window.__pwned='nul').\n`;
  edit("site.json", (s) => {
    s.navigation.push(
      { label: "Script nav", url: js("nav-url") },
      { label: "Data nav", url: "data:text/html,<script>parent.__pwned='nav-data'</script>" },
      { label: "Tab nav", url: "java\tscript:window.__pwned='nav-tab'" },
      { label: "Offsite nav", url: "//evil.example/" },
    );
    s.secondary_navigation.push({ label: "Script footer", url: ` \u0001${js("footer-url")}` });
    s.support.url = js("support-url");
    s.url = `${js("site-url")}//`;
    s.tagline += " \u0000 NUL";
  });
  edit("articles/hostile-body.json", (a) => {
    a.markdown = body;
    a.canonical_url = js("canonical");
    a.media = { kind: "audio", src: js("audio"), mime: "audio/mpeg", duration_seconds: 60 };
  });
  edit("articles/hostile-video.json", (a) => {
    a.feature_image = BAD_IMAGE("hero");
    a.media = { kind: "video", url: "vbscript:msgbox(1)", host: "Evil" };
    a.canonical_url = "data:text/html,x";
  });
  for (const listing of ["index/1.json", "topics/hostile/1.json", "archive/2024/1.json"]) {
    edit(listing, (l) => {
      l.articles[1].feature_image = BAD_IMAGE("card");
    });
  }
  edit("contributors/mallory.json", (c) => {
    c.bio = body;
    c.links.push(
      { label: "Script link", url: js("profile-link") },
      { label: "Data link", url: "DATA:text/html,x" },
      { label: "", url: "javascript://example.org/%0Awindow.__pwned='profile-nolabel'" },
    );
    c.profile_image = BAD_IMAGE("photo");
  });
  edit("pages/about.json", (p) => {
    p.markdown = body;
  });
  return dir;
}


let server;
let bucket;
let site;
test.beforeAll(async () => {
  test.setTimeout(360_000);
  bucket = buildBucket();
  // The pages are rendered from the hostile bucket too: the build-time renderer is audited
  // with the app.
  site = renderedSite(bucket);
  server = await startServer({ port: await freePort(), bucket, dist: site.dir });
});
test.afterAll(async () => {
  server?.close();
  site?.remove();
  if (bucket) fs.rmSync(bucket, { recursive: true, force: true });
});

/** Runs before any page script: every way a vector could announce itself is recorded. */
function hooks() {
  const calls = [];
  Object.defineProperty(window, "__hostileCalls", { value: calls });
  for (const name of ["alert", "confirm", "prompt", "print", "open"]) {
    window[name] = (...args) => {
      calls.push(`${name}(${args.map(String).join(", ")})`);
      return null;
    };
  }
  Object.defineProperty(window, "__pwned", {
    configurable: false,
    get: () => undefined,
    set: (v) => calls.push(`__pwned = ${v}`),
  });
}

/**
 * What the DOM (or, given `html`, a served page) may not hold beyond the shell: dangerous
 * elements (counted against the bare shell.html, which has the app's own scripts and styles),
 * `on*` attributes, and URLs outside http, https, mailto and relative. Runs in the page.
 */
function audit({ shellHtml, html }) {
  // The live page, or a served document parsed as the browser would (scripts never run there).
  const doc = html ? new DOMParser().parseFromString(html, "text/html") : document;
  const DANGEROUS = [
    "script", "iframe", "frame", "object", "embed", "base", "meta[http-equiv]", "style",
    "form", "math", "svg", "applet", "link[rel~=import]",
  ];
  // The app's own forms: the search form and the subscribe form.
  const APP_FORMS = "form.search-form[role=search], form.subscribe-form";
  const shell = new DOMParser().parseFromString(shellHtml, "text/html");
  const problems = [];
  // The page head's JSON-LD is a data block, never run: at most one, valid JSON, and with no
  // "<" at all (the writer escapes it), so no string from the bucket can close the element.
  const DATA_BLOCK = 'script[type="application/ld+json"]';
  const blocks = [...doc.querySelectorAll(DATA_BLOCK)];
  if (blocks.length > 1) problems.push(`${blocks.length} JSON-LD blocks`);
  for (const b of blocks) {
    if (b.textContent.includes("<")) problems.push(`JSON-LD holds a "<": ${b.textContent.slice(0, 120)}`);
    try {
      JSON.parse(b.textContent);
    } catch {
      problems.push(`JSON-LD does not parse: ${b.textContent.slice(0, 120)}`);
    }
  }
  for (const sel of DANGEROUS) {
    let found = [...doc.querySelectorAll(sel)];
    if (sel === "form") found = found.filter((f) => !f.matches(APP_FORMS));
    if (sel === "script") found = found.filter((f) => !f.matches(DATA_BLOCK));
    const expected = sel === "form" ? 0 : shell.querySelectorAll(sel).length;
    if (found.length !== expected) {
      problems.push(`${found.length} <${sel}> (the shell has ${expected}): ${found.map((e) => e.outerHTML.slice(0, 120)).join(" | ")}`);
    }
  }
  const URL_ATTRS = ["href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data", "background", "ping", "cite"];
  const allowed = (raw) => {
    let url;
    try {
      url = new URL(raw, location.href);
    } catch {
      return true; // unparsable: the browser will not follow it either
    }
    return ["http:", "https:", "mailto:"].includes(url.protocol);
  };
  for (const el of doc.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) problems.push(`${name} on <${el.localName}>`);
      if (!URL_ATTRS.includes(name)) continue;
      const urls = name === "srcset"
        ? attr.value.split(",").map((c) => c.trim().split(/\s+/)[0]).filter(Boolean)
        : [attr.value];
      for (const u of urls) {
        if (!allowed(u)) problems.push(`${name}=${JSON.stringify(u)} on <${el.localName}>`);
        // A protocol-relative URL is http(s) but leaves the site on content's say-so.
        if (/^\s*[\\/]{2}/.test(u) || /^\s*\/\\/.test(u)) problems.push(`offsite ${name}=${u}`);
      }
    }
    if (el.shadowRoot) problems.push(`shadow root on <${el.localName}>`);
  }
  return problems;
}

for (const route of ROUTES) {
  test(`hostile content on ${route} runs nothing and leaves nothing dangerous`, async ({ page }) => {
    const panics = watchForPanics(page);
    const dialogs = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    await page.addInitScript(hooks);
    const response = await page.goto(server.url + route);
    // The build's page, as served, holds nothing dangerous either (audited below as a document).
    const served = await response.text();
    // The app has taken the page over and rendered its content (not just a loading state);
    // a rendered embed has no app.
    const embed = route.startsWith("/embed/articles/");
    if (!embed) await page.locator("body[data-app-mounted]").waitFor({ state: "attached" });
    await expect(page.locator("h1").first()).toBeVisible();
    await expect(page.locator("[aria-busy=true], .loading")).toHaveCount(0);
    await page.waitForLoadState("networkidle");
    // Give image errors and any deferred handler a moment to fire.
    await page.waitForTimeout(300);
    // Not vacuous: the hostile strings reached the page, as text.
    expect(await page.locator("body").innerText()).toContain("__pwned");
    // The embed entry (/embed/?article=…) is its own shell, with fewer scripts than the reader's.
    const shellUrl = route.startsWith("/embed/") ? "/embed/index.html" : "/shell.html";
    const shellHtml = embed ? EMBED_SHELL : await (await page.request.get(server.url + shellUrl)).text();
    expect(await page.evaluate(audit, { shellHtml })).toEqual([]);
    expect(await page.evaluate(audit, { shellHtml, html: served })).toEqual([]);
    expect(await page.evaluate(() => window.__hostileCalls)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(panics).toEqual([]);
  });
}

test("the corpus shows as text: raw HTML is visible, script links are plain text", async ({ page }) => {
  await page.addInitScript(hooks);
  await page.goto(server.url + "/articles/hostile-body");
  const prose = page.locator(".prose");
  await expect(prose).toContainText("<script>window.__pwned='script-block'");
  await expect(prose).toContainText("<img src=x onerror=");
  // Script links keep their words, lose their link; the honest ones stay links.
  await expect(prose.getByText("decimal entity")).toBeVisible();
  await expect(prose.getByRole("link", { name: "decimal entity" })).toHaveCount(0);
  await expect(prose.getByRole("link", { name: "good https" })).toHaveAttribute("href", /^https:\/\/example\.org\//);
  await expect(prose.getByRole("link", { name: "good mail" })).toHaveAttribute("href", "mailto:editors@example.org");
  // The NUL became U+FFFD, not a cut string.
  await expect(prose).toContainText("NUL \uFFFD here");
  // Script/data navigation links are left out; the honest ones remain.
  const nav = page.getByRole("navigation", { name: /main|primary|site/i }).first();
  await expect(page.getByRole("link", { name: "Script nav" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Data nav" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Offsite nav" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Contributors" })).toBeVisible();
  // The script canonical URL is never written. The site's own URL is a script URL here too, so
  // no absolute URL can be formed: the page has no canonical link rather than a wrong one.
  await page.waitForLoadState("networkidle");
  const canonicals = await page
    .locator("link[rel=canonical], meta[property='og:url']")
    .evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? e.getAttribute("content")));
  for (const c of canonicals) expect(c).toMatch(/^https?:\/\/[^/]/);
  expect(canonicals.filter((c) => /javascript|data:/i.test(c))).toEqual([]);
});
