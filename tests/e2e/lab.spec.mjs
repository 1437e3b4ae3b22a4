// The layout lab (/preview/lab, docs/preview.md): a candidate stylesheet in the After frame only,
// compared with the site as it is, and what it moved and broke listed with links into both frames.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { watchForPanics } from "./support.mjs";

const ARTICLE = "broad-front-panel";
const ONE = `pages=article:${ARTICLE}&widths=320&sizes=100&schemes=light`;
const CSS_LABEL = "Candidate stylesheet (CSS)";

/** Opens the lab on one combination (the panel article at 320 px, 100%, light). */
async function openLab(page, query = ONE) {
  await page.goto(`/preview/lab?${query}`);
  const box = page.getByRole("textbox", { name: CSS_LABEL });
  await expect(box).toBeVisible();
  return box;
}

/** Runs a check and waits for its summary. */
async function check(page) {
  await page.getByRole("button", { name: /^Check \d+ combinations?$/ }).click();
  const status = page.getByRole("status").filter({ hasText: "Checked in" });
  await expect(status).toBeVisible({ timeout: 60_000 });
  return page.getByRole("region", { name: "What changed and what broke" });
}

/** The group headings a check listed. */
async function groups(results) {
  return (await results.getByRole("heading", { level: 4 }).allTextContents()).map((t) => t.replace(/ \(\d+\)$/, ""));
}

test("an accent colour that keeps contrast is all clear, one that loses it is flagged for contrast only", async ({ page }) => {
  const problems = watchForPanics(page);
  // The frames' messages too: a CSP refusal of the candidate or the probe would show here.
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const box = await openLab(page);
  await box.fill(":root { --accent: #1d5e3a; }");
  let results = await check(page);
  await expect(results.getByText(/^All clear: in 1 combination, nothing moved/)).toBeVisible();
  // The candidate is in the After frame only.
  const accent = (title) =>
    page.getByTitle(title).contentFrame().locator("html").evaluate((el) => getComputedStyle(el).getPropertyValue("--accent").trim());
  expect(await accent(`After: Article ${ARTICLE} at 320 px`)).toBe("#1d5e3a");
  expect(await accent(`Before: Article ${ARTICLE} at 320 px`)).not.toBe("#1d5e3a");

  await box.fill(":root { --accent: #f4b6b6; }");
  results = await check(page);
  expect(await groups(results)).toEqual(["Text contrast below WCAG AA"]);
  await expect(results.getByRole("button", { name: /insufficient color contrast/ }).first()).toBeVisible();
  expect(problems).toEqual([]);
  expect(errors).toEqual([]);
});

test("paragraphs forced to 600 px overflow at 320 px, and a finding scrolls both frames to the paragraph", async ({ page }) => {
  // Home, then the article: the frames end on the article, so the finding below reloads home.
  const box = await openLab(page, `pages=home,article:${ARTICLE}&widths=320&sizes=100&schemes=light`);
  await box.fill("p { width: 600px; }");
  const results = await check(page);
  const home = results.getByRole("region", { name: "Home at 320 px, 100%, light" });
  const found = await groups(home);
  expect(found[0]).toBe("New horizontal overflow");
  expect(found).toContain("Moved or resized: text");
  await expect(home.getByRole("button", { name: /^The page is \d+ px wide on a 320 px screen/ })).toBeVisible();
  const wide = home.getByRole("button", { name: /^Text “The 2012 About page.*” reaches \d+ px, past the 320 px screen$/ });
  await wide.click();
  const texts = [];
  for (const which of ["Before", "After"]) {
    const frame = page.getByTitle(`${which}: Home at 320 px`).contentFrame();
    const marked = frame.locator("[data-lab-focus]");
    await expect(marked).toHaveCount(1);
    await expect(marked).toBeInViewport();
    texts.push(await marked.textContent());
  }
  expect(texts[0]).toContain("The 2012 About page");
  expect(texts[1]).toBe(texts[0]);
});

test("low-contrast text is flagged, and the candidate never reaches the reader's own pages", async ({ page }) => {
  const box = await openLab(page);
  await box.fill("body, p, li, h1, h2, h3 { color: #c4c4c4 !important; }");
  const results = await check(page);
  const found = await groups(results);
  expect(found).toContain("Text contrast below WCAG AA");
  expect(found.every((g) => g === "Text contrast below WCAG AA")).toBe(true);
  // Kept in this browser for the lab, and nowhere a reader page looks.
  await page.reload();
  await expect(page.getByRole("textbox", { name: CSS_LABEL })).toHaveValue(/#c4c4c4/);
  await page.goto(`/articles/${ARTICLE}`);
  const color = await page.locator("main p").first().evaluate((el) => getComputedStyle(el).color);
  expect(color).not.toBe("rgb(196, 196, 196)");
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
});

test("the share link reopens the lab with the same candidate and settings", async ({ page, browser }) => {
  const box = await openLab(page, `pages=home,article:${ARTICLE}`);
  await box.fill("h1 { letter-spacing: 0.05em; } /* 100% & ünïcode */");
  await page.getByRole("radio", { name: "Instead of the site’s stylesheet" }).check();
  await page.getByRole("checkbox", { name: "768 px" }).uncheck();
  await page.getByRole("checkbox", { name: "Dark" }).uncheck();
  await expect(page.getByRole("button", { name: "Check 12 combinations" })).toBeVisible();
  const link = await page.getByRole("textbox", { name: "Share link" }).inputValue();
  expect(link).toContain("/preview/lab?css=");

  // Another browser profile: nothing stored, everything from the link.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await expect(fresh.getByRole("textbox", { name: CSS_LABEL })).toHaveValue("h1 { letter-spacing: 0.05em; } /* 100% & ünïcode */");
  await expect(fresh.getByRole("radio", { name: "Instead of the site’s stylesheet" })).toBeChecked();
  await expect(fresh.getByRole("checkbox", { name: "768 px" })).not.toBeChecked();
  await expect(fresh.getByRole("checkbox", { name: "320 px" })).toBeChecked();
  await expect(fresh.getByRole("checkbox", { name: "Dark" })).not.toBeChecked();
  await expect(fresh.getByRole("button", { name: "Remove Home" })).toBeVisible();
  await expect(fresh.getByRole("button", { name: `Remove Article ${ARTICLE}` })).toBeVisible();
  await other.close();

  // "Instead": the After frame drops the site's stylesheet for the candidate; Before keeps it.
  const linked = (which) =>
    page.getByTitle(new RegExp(`^${which}: Home at`)).contentFrame().locator("html").evaluate(() =>
      [...document.styleSheets].filter((s) => s.ownerNode && s.ownerNode.tagName === "LINK" && !s.disabled).length,
    );
  await expect.poll(() => linked("After")).toBe(0);
  expect(await linked("Before")).toBeGreaterThan(0);

  // Too long for a link: the settings travel, the stylesheet goes as a download.
  await box.fill("p { color: #222; }\n".repeat(200));
  await expect(page.getByText("The stylesheet is too long for a link")).toBeVisible();
  expect(await page.getByRole("textbox", { name: "Share link" }).inputValue()).not.toContain("css=");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSS" }).click();
  expect((await download).suggestedFilename()).toBe("candidate.css");
});

test("stylesheets load only from this site, and bad pages are refused with a reason", async ({ page }) => {
  await openLab(page);
  const url = page.getByRole("textbox", { name: "Stylesheet URL on this site" });
  await url.fill("https://example.org/evil.css");
  await page.getByRole("button", { name: "Load", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("Only stylesheets from this site can be loaded");
  await url.fill("/favicon.svg");
  await page.getByRole("button", { name: "Load", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("/favicon.svg is not a stylesheet");
  const css = await page.evaluate(() =>
    [...document.querySelectorAll("link[rel=stylesheet]")].map((l) => new URL(l.href).pathname)[0],
  );
  await url.fill(css);
  await page.getByRole("button", { name: "Load", exact: true }).click();
  await expect(page.getByRole("textbox", { name: CSS_LABEL })).toHaveValue(/--accent/);
  // Open .css file.
  await page.getByLabel("Open .css file").setInputFiles({
    name: "candidate.css", mimeType: "text/css", buffer: Buffer.from("h2 { color: #123456; }\n"),
  });
  await expect(page.getByRole("textbox", { name: CSS_LABEL })).toHaveValue("h2 { color: #123456; }\n");

  const add = page.getByRole("textbox", { name: /^Add a page/ });
  await add.fill("topic:strategy");
  await add.press("Enter");
  await expect(page.getByRole("alert")).toContainText("“topic” is not a kind of page");
  await add.fill("draft:sample-draft-working-with-the-center");
  await add.press("Enter");
  await expect(page.getByRole("button", { name: "Remove Draft sample-draft-working-with-the-center" })).toBeVisible();
});

test("the lab works from the keyboard and has no axe violations of its own", async ({ page }) => {
  const box = await openLab(page);
  await box.fill(":root { --accent: #1d5e3a; }");
  const run = page.getByRole("button", { name: "Check 1 combination" });
  await run.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Checked in" })).toBeVisible({ timeout: 60_000 });
  // The frames scroll together.
  const before = page.getByTitle(`Before: Article ${ARTICLE} at 320 px`).contentFrame();
  const after = page.getByTitle(`After: Article ${ARTICLE} at 320 px`).contentFrame();
  await before.locator("html").evaluate(() => window.scrollTo(0, 600));
  await expect.poll(() => after.locator("html").evaluate(() => window.scrollY)).toBe(600);
  // The frames are reader pages, audited by a11y.spec; this is the lab's own page.
  const results = await new AxeBuilder({ page })
    .options({ rules: { "target-size": { enabled: true } } })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .exclude("iframe")
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
