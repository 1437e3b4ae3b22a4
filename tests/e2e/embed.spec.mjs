// Partner embeds: a page on another origin loads /embed.js, which turns blockquotes into
// sandboxed iframes of the articles' rendered embeds (/embed/articles/slug/, …/full/: no wasm)
// sized to their content; the embed entry (/embed/?article=slug) for articles rendered since;
// and the article page's Embed / Republish dialog.
import http from "node:http";
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { watchForPanics } from "./support.mjs";

const APP = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 8181)}`;
const CARD = "broad-front-panel";
const FULL = "organizing-upgrade-about-2012";
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const FORGED = 4321;

/** The partner's page: two embeds, and an unrelated frame that forges height messages. */
function partnerPage(themed = false) {
  const forger = `<script>setInterval(function () {
    parent.postMessage({ type: "convergence-embed:height", height: ${FORGED} }, "*");
  }, 50);</script>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A partner</title></head>
<body><main><h1>A partner site</h1>
<blockquote class="convergence-embed" data-article="${CARD}" data-variant="card"${themed ? ' data-theme="dark" data-accent="#123abc"' : ""}>
  <a href="https://convergencemag.com/articles/${CARD}">Building a Broad Front</a></blockquote>
<p>Between the embeds.</p>
<blockquote class="convergence-embed" data-article="${FULL}" data-variant="full"${themed ? ' data-accent="javascript:x"' : ""}>
  <a href="https://convergencemag.com/articles/${FULL}">About Organizing Upgrade (2012)</a></blockquote>
<iframe title="Unrelated widget" width="200" height="50" srcdoc="${forger.replace(/"/g, "&quot;")}"></iframe>
</main><script src="${APP}/embed.js"></script></body></html>`;
}

let partner;
test.beforeAll(async () => {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(partnerPage(req.url.includes("themed")));
  });
  // Any free port: another origin than the app's.
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  partner = { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
});
test.afterAll(() => partner?.close());

/** The rendered embed's folder for an article (model::embed::embed_path). */
const embedPath = (slug, variant) => `/embed/articles/${slug}/${variant === "full" ? "full/" : ""}`;

/** The embed frames' heights against their documents' heights. */
async function frameSizes(page) {
  const frames = page.locator("iframe.convergence-embed-frame");
  const out = [];
  for (let i = 0; i < (await frames.count()); i++) {
    const el = frames.nth(i);
    const height = await el.evaluate((f) => f.getBoundingClientRect().height);
    const frame = await (await el.elementHandle()).contentFrame();
    const doc = await frame.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      client: document.documentElement.clientHeight,
    }));
    out.push({ height, ...doc });
  }
  return out;
}

test("a partner page on another origin shows both embeds, sized to their content", async ({ page }) => {
  const problems = watchForPanics(page);
  const downloads = [];
  page.on("request", (r) => downloads.push(new URL(r.url()).pathname));
  await page.goto(partner.url);
  const frames = page.locator("iframe.convergence-embed-frame");
  await expect(frames).toHaveCount(2);
  await expect(page.locator("blockquote.convergence-embed")).toHaveCount(0);
  for (const [i, slug, variant] of [[0, CARD, "card"], [1, FULL, "full"]]) {
    const f = frames.nth(i);
    await expect(f).toHaveAttribute("src", `${APP}${embedPath(slug, variant)}`);
    await expect(f).toHaveAttribute("sandbox", "allow-scripts allow-popups allow-popups-to-escape-sandbox");
    await expect(f).toHaveAttribute("loading", "lazy");
    await expect(f).toHaveAttribute("title", /^Convergence: /);
  }

  const card = page.frameLocator("iframe.convergence-embed-frame >> nth=0");
  await expect(card.getByRole("heading", { level: 1 })).toHaveText(/Building a Broad Front/);
  const read = card.getByRole("link", { name: "Read at Convergence" });
  await expect(read).toHaveAttribute("href", `https://convergencemag.com/articles/${CARD}`);
  await expect(read).toHaveAttribute("target", "_blank");
  await expect(read).toHaveAttribute("rel", /noopener/);
  await expect(card.getByText("By Maurice Mitchell, Sendolo Diaminah, Alexa Horwart and Brendan Walsh")).toBeVisible();
  // No site chrome inside an embed.
  await expect(card.getByRole("banner")).toHaveCount(0);
  await expect(card.getByRole("contentinfo")).toHaveCount(0);

  const full = page.frameLocator("iframe.convergence-embed-frame >> nth=1");
  await expect(full.getByRole("heading", { level: 1 })).toHaveText("About Organizing Upgrade (2012)");
  const credit = full.getByText(/This article originally appeared in Convergence Magazine/);
  await expect(credit).toContainText("Harmony Goldberg");
  await expect(credit.getByRole("link")).toHaveAttribute("href", `https://convergencemag.com/articles/${FULL}`);
  await expect(full.getByRole("group", { name: "Text size" })).toBeVisible();
  // The frame is sandboxed without allow-same-origin: storage throws there, and the app copes.
  const inner = await (await frames.nth(1).elementHandle()).contentFrame();
  expect(await inner.evaluate(() => {
    try { return typeof window.localStorage.getItem("x"); } catch (e) { return e.name; }
  })).toBe("SecurityError");
  expect(await inner.evaluate(() => self.origin)).toBe("null");
  // The stylesheet loaded (integrity-checked assets need CORS in an opaque origin).
  expect(await inner.evaluate(() => getComputedStyle(document.querySelector(".embed")).maxWidth)).toBe("640px");

  // Each frame is as tall as its document: no inner scrollbar.
  await expect.poll(async () => (await frameSizes(page)).every((s) => Math.abs(s.height - s.scroll) <= 2), {
    timeout: 10_000,
  }).toBe(true);
  for (const s of await frameSizes(page)) {
    expect(s.scroll).toBeLessThanOrEqual(s.client + 1);
    expect(s.height).not.toBe(FORGED);
  }

  // Larger text makes the full embed taller, and the frame follows.
  const before = (await frameSizes(page))[1].height;
  await full.getByRole("button", { name: "A+ Larger text" }).click();
  await full.getByRole("button", { name: "A+ Larger text" }).click();
  await expect.poll(async () => (await frameSizes(page))[1].height).toBeGreaterThan(before + 20);
  await expect.poll(async () => {
    const s = (await frameSizes(page))[1];
    return Math.abs(s.height - s.scroll) <= 2;
  }).toBe(true);
  // Rendered embeds: no wasm and no bucket JSON, only the documents, the stylesheet and
  // the one small script.
  expect(downloads.filter((p) => /\.wasm$|^\/content\/.*\.json$/.test(p))).toEqual([]);
  expect([...new Set(downloads.filter((p) => p.endsWith(".js") && p !== "/embed.js"))]).toEqual([
    expect.stringMatching(/^\/embed\/frame-[0-9a-f]{16}\.js$/),
  ]);
  expect(problems).toEqual([]);
});

test("on a narrow phone the embeds fit their frames without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(partner.url);
  const full = page.frameLocator("iframe.convergence-embed-frame >> nth=1");
  await expect(full.getByText(/originally appeared/)).toBeVisible();
  const card = page.frameLocator("iframe.convergence-embed-frame >> nth=0");
  await expect(card.getByRole("link", { name: "Read at Convergence" })).toBeVisible();
  for (const f of [card, full]) {
    const [scroll, client] = await f.locator("html").evaluate((r) => [r.scrollWidth, r.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
  }
  // The full embed starts below the fold (where browsers pause ResizeObserver in
  // cross-origin frames); it still reports its rendered height without being scrolled to.
  await expect.poll(async () => (await frameSizes(page)).every((s) => Math.abs(s.height - s.scroll) <= 2)).toBe(true);
});

test("forged height messages change nothing", async ({ page }) => {
  await page.goto(partner.url);
  const frames = page.locator("iframe.convergence-embed-frame");
  const card = page.frameLocator("iframe.convergence-embed-frame >> nth=0");
  await expect(card.getByRole("link", { name: "Read at Convergence" })).toBeVisible();
  await expect.poll(async () => (await frameSizes(page))[0].height).toBeLessThan(2000);
  const settled = await frames.evaluateAll((fs) => fs.map((f) => f.style.height));
  // The partner's own window, and the unrelated frame (posting every 50 ms), are both ignored.
  await page.evaluate((h) => {
    window.postMessage({ type: "convergence-embed:height", height: h }, "*");
  }, FORGED);
  await page.waitForTimeout(500);
  expect(await frames.evaluateAll((fs) => fs.map((f) => f.style.height))).toEqual(settled);
  for (const s of await frameSizes(page)) expect(s.height).not.toBe(FORGED);
});

test("the snippet's data-theme and data-accent reach the frame", async ({ page }) => {
  await page.goto(partner.url + "?themed");
  const frames = page.locator("iframe.convergence-embed-frame");
  await expect(frames.nth(0)).toHaveAttribute("src", `${APP}${embedPath(CARD, "card")}?theme=dark&accent=%23123abc`);
  await expect(frames.nth(1)).toHaveAttribute("src", `${APP}${embedPath(FULL, "full")}?accent=javascript%3Ax`);
  const card = page.frameLocator("iframe.convergence-embed-frame >> nth=0");
  await expect(card.locator("html")).toHaveAttribute("data-theme", "dark");
  const full = page.frameLocator("iframe.convergence-embed-frame >> nth=1");
  await expect(full.getByText(/originally appeared/)).toBeVisible();
  expect(await full.locator("html").evaluate((r) => r.style.getPropertyValue("--accent"))).toBe("");
});

test("the embed, rendered or drawn by the entry, follows theme and a valid accent, and ignores a bad one", async ({ page }) => {
  const root = page.locator("html");
  for (const base of [`${APP}${embedPath(CARD, "card")}?`, `${APP}/embed/?article=${CARD}&variant=card&`]) {
    await page.goto(`${base}theme=dark&accent=%23123abc`);
    await expect(page.getByRole("link", { name: "Read at Convergence" })).toBeVisible();
    await expect(root).toHaveAttribute("data-theme", "dark");
    expect(await root.evaluate((r) => r.style.getPropertyValue("--accent"))).toBe("#123abc");
    await page.goto(`${base}theme=light&accent=red;x`);
    await expect(page.getByRole("link", { name: "Read at Convergence" })).toBeVisible();
    await expect(root).toHaveAttribute("data-theme", "light");
    expect(await root.evaluate((r) => r.style.getPropertyValue("--accent"))).toBe("");
  }
});

test("a rendered embed is readable without scripts, and its links leave the frame", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${APP}${embedPath(FULL, "full")}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About Organizing Upgrade (2012)");
  await expect(page.getByText(/originally appeared in Convergence Magazine/)).toBeVisible();
  // Every link opens a new tab (in a sandboxed frame, a link without one would navigate the frame).
  expect(await page.locator("base").getAttribute("target")).toBe("_blank");
  await expect(page.locator("link[rel=canonical]")).toHaveAttribute("href", `https://convergencemag.com/articles/${FULL}`);
  await context.close();
});

test("the embed entry draws an article with its own small app, not the reader app", async ({ page }) => {
  const scripts = [];
  page.on("response", (r) => {
    if (/\.(wasm|js)$/.test(new URL(r.url()).pathname)) scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(`${APP}/embed/?article=${FULL}&variant=full`);
  await expect(page.getByText(/originally appeared in Convergence Magazine/)).toBeVisible();
  const wasm = scripts.filter((p) => p.endsWith(".wasm"));
  expect(wasm).toHaveLength(1);
  expect(wasm[0]).toMatch(/^\/embed\/embed-[0-9a-f]{8,16}_bg\.wasm$/);
  expect(scripts.every((p) => p.startsWith("/embed/"))).toBe(true);
  // No router in the entry: the page never shows the magazine's header or footer.
  await expect(page.getByRole("banner")).toHaveCount(0);
  await expect(page.getByRole("contentinfo")).toHaveCount(0);
});

test("an embed of a missing article says so", async ({ page }) => {
  const problems = watchForPanics(page);
  await page.goto(`${APP}/embed/?article=no-such-article&variant=card`);
  await expect(page.getByRole("heading", { name: "Article not found" })).toBeVisible();
  await page.goto(`${APP}/embed/?variant=card`);
  await expect(page.getByRole("heading", { name: "Article not found" })).toBeVisible();
  // An embed the build did not render goes to the entry (the host's /embed/* rule), which
  // draws it if the bucket has it.
  for (const variant of ["card", "full"]) {
    await page.goto(`${APP}${embedPath("no-such-article", variant)}`);
    await expect(page.getByRole("heading", { name: "Article not found" })).toBeVisible();
  }
  expect(problems).toEqual([]);
});

for (const scheme of ["light", "dark"]) {
  test(`axe finds no violations inside the embed frames (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(partner.url);
    const full = page.frameLocator("iframe.convergence-embed-frame >> nth=1");
    await expect(full.getByText(/originally appeared in Convergence Magazine/)).toBeVisible();
    const card = page.frameLocator("iframe.convergence-embed-frame >> nth=0");
    await expect(card.getByRole("link", { name: "Read at Convergence" })).toBeVisible();
    // axe runs inside the frames (targets are [frame, element]); under load a frame can be
    // skipped, so try again until the rules have run inside them.
    const inFrames = (r) => r.passes.some((p) => p.nodes.some((n) => n.target.length > 1));
    let results;
    for (let attempt = 0; attempt < 4; attempt++) {
      results = await new AxeBuilder({ page })
        .include("iframe.convergence-embed-frame")
        .withTags(AXE_TAGS)
        .analyze();
      if (inFrames(results)) break;
      await page.waitForTimeout(500);
    }
    expect(results.violations.map((v) => `${v.id}: ${v.help}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
    expect(results.passes.some((p) => p.nodes.some((n) => n.target.length > 1))).toBe(true);
  });
}

test("Embed / Republish opens a modal with both snippets, copies, and returns focus", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`/articles/${CARD}`);
  const open = page.getByRole("button", { name: "Embed / Republish" });
  await open.click();
  const dialog = page.getByRole("dialog", { name: "Embed or republish this article" });
  await expect(dialog).toBeVisible();
  // Focus moved into the dialog.
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  const cardCode = dialog.getByRole("textbox", { name: "Card embed code" });
  const fullCode = dialog.getByRole("textbox", { name: "Full-article embed code" });
  await expect(cardCode).toHaveAttribute("readonly", "");
  await expect(cardCode).toHaveValue(new RegExp(`data-article="${CARD}" data-variant="card"`));
  await expect(cardCode).toHaveValue(/<script async src="http:\/\/127\.0\.0\.1:\d+\/embed\.js"><\/script>/);
  await expect(fullCode).toHaveValue(/data-variant="full"/);
  await expect(dialog).toContainText("originally appeared in Convergence Magazine");
  await expect(dialog.getByRole("link", { name: "Read our republication policy" })).toHaveAttribute("href", /^\/[a-z-]+$/);

  const axe = await new AxeBuilder({ page }).include("dialog").withTags(AXE_TAGS).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await dialog.getByRole("button", { name: "Copy full-article embed code" }).click();
  await expect(dialog.getByText("Copied the full-article embed code.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await fullCode.inputValue());
  await dialog.getByRole("button", { name: "Copy card embed code" }).click();
  await expect(dialog.getByText("Copied the card embed code.")).toBeVisible();

  // Tab never leaves the dialog.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Shift+Tab");
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  // The Close button returns focus too.
  await open.click();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});

test("embed.js is served for partners with CORS", async ({ request }) => {
  const res = await request.get(`${APP}/embed.js`);
  expect(res.ok()).toBe(true);
  expect(res.headers()["content-type"]).toMatch(/javascript/);
  expect(res.headers()["access-control-allow-origin"]).toBe("*");
});
