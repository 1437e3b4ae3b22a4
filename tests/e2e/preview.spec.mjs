// The staff preview (/preview/, its own Trunk entry): drafts from the bucket, the live editor
// checked by the builder's code, and three widths at once (docs/preview.md).
import { test, expect } from "@playwright/test";
import { watchForPanics } from "./support.mjs";

const DRAFT = "sample-draft-working-with-the-center";
const DRAFT_TITLE = "Sample Draft: Working With the Center";
const SOURCE_LABEL = "Article source (front matter and Markdown)";

function source({ author = "marcy-rein", heading = "A section heading" } = {}) {
  return [
    "+++",
    'title = "Preview Test Headline"',
    'dek = "A dek for the test."',
    "published = 2026-11-22",
    `authors = ["${author}"]`,
    'topics = ["strategy"]',
    "+++",
    "First paragraph.",
    "",
    `## ${heading}`,
    "",
    "More text.",
    "",
  ].join("\n");
}

async function openEditor(page) {
  await page.goto("/preview/");
  const box = page.getByRole("textbox", { name: SOURCE_LABEL });
  await expect(box).toBeVisible();
  return box;
}

test("typing a heading shows it in the render", async ({ page }) => {
  const problems = watchForPanics(page);
  const box = await openEditor(page);
  await box.fill(source());
  const frame = page.getByTitle("Preview at 1280 px").contentFrame();
  await expect(frame.getByRole("heading", { level: 1, name: "Preview Test Headline" })).toBeVisible();
  // Typed key by key at the end of the text, as staff do.
  await box.press("ControlOrMeta+End");
  await page.keyboard.type("\n## Organizing in the open\n");
  await expect(frame.getByRole("heading", { level: 2, name: "Organizing in the open" })).toBeVisible();
  await expect(frame.getByText("Preview: not published")).toBeVisible();
  await expect(page.getByText("No problems: `press build --drafts` accepts this draft.")).toBeVisible();
  expect(problems).toEqual([]);
});

test("an unknown author shows the builder's message at its line, and the message finds the line", async ({ page }) => {
  const box = await openEditor(page);
  await box.fill(source({ author: "nobody-at-all" }));
  const problem = page
    .getByRole("region", { name: "Problems" })
    .getByRole("button", { name: "Line 5, column 12: error: unknown author `nobody-at-all`" });
  await expect(problem).toBeVisible();
  await problem.click();
  await expect(box).toBeFocused();
  const caretLine = await box.evaluate((el) => el.value.slice(0, el.selectionStart).split("\n").length);
  expect(caretLine).toBe(5);
  // Fixing it clears the message.
  await box.fill(source({ author: "marcy-rein" }));
  await expect(problem).toHaveCount(0);
});

test("a reload restores the text, even straight after typing", async ({ page }) => {
  const box = await openEditor(page);
  await box.fill(source({ heading: "Saved before the reload" }));
  await page.getByRole("textbox", { name: "File name (slug)" }).fill("reload-test");
  await page.reload();
  await expect(page.getByRole("textbox", { name: SOURCE_LABEL })).toHaveValue(source({ heading: "Saved before the reload" }));
  await expect(page.getByRole("textbox", { name: "File name (slug)" })).toHaveValue("reload-test");
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser." })).toBeVisible();
});

test("Download .md hands back the text under the slug's file name", async ({ page }) => {
  const box = await openEditor(page);
  await box.fill(source());
  await page.getByRole("textbox", { name: "File name (slug)" }).fill("my-test-draft");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download .md" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("my-test-draft.md");
});

test("opening a .md file loads it and takes the slug from its name", async ({ page }) => {
  await openEditor(page);
  await page.getByLabel("Open .md file").setInputFiles({
    name: "opened-draft.md",
    mimeType: "text/markdown",
    buffer: Buffer.from(source({ heading: "From the opened file" })),
  });
  await expect(page.getByRole("textbox", { name: "File name (slug)" })).toHaveValue("opened-draft");
  const frame = page.getByTitle("Preview at 768 px").contentFrame();
  await expect(frame.getByRole("heading", { level: 2, name: "From the opened file" })).toBeVisible();
});

test("the three widths render at exactly 375, 768 and 1280 px", async ({ page }) => {
  const box = await openEditor(page);
  await box.fill(source());
  for (const width of [375, 768, 1280]) {
    const frame = page.getByTitle(`Preview at ${width} px`).contentFrame();
    await expect(frame.getByRole("heading", { level: 1, name: "Preview Test Headline" })).toBeVisible();
    expect(await frame.locator("html").evaluate(() => window.innerWidth)).toBe(width);
  }
});

test("a published article at three widths, with text size and dark scheme on every frame only", async ({ page }) => {
  const problems = watchForPanics(page);
  await page.goto("/preview/?article=broad-front-panel");
  const frames = [375, 768, 1280].map((w) => page.getByTitle(`Preview at ${w} px`).contentFrame());
  for (const frame of frames) {
    await expect(frame.getByRole("heading", { level: 1, name: /Building a Broad Front/ })).toBeVisible();
  }
  await expect(page.getByTitle("Preview at 375 px")).toHaveAttribute("src", "/articles/broad-front-panel");
  await page.getByLabel("Text size in the frames").selectOption("200");
  await page.getByLabel("Colour scheme in the frames").selectOption("dark");
  for (const frame of frames) {
    await expect(frame.locator("html")).toHaveAttribute("data-text-size", "200");
    await expect(frame.locator("html")).toHaveAttribute("data-theme", "dark");
  }
  // The reader's own saved preferences are untouched.
  const saved = await page.evaluate(() => [localStorage.getItem("convergence.text-size"), localStorage.getItem("convergence.theme")]);
  expect(saved[0] === null || saved[0] === "100").toBe(true);
  expect(saved[1]).toBeNull();
  expect(problems).toEqual([]);
});

test("a draft from the bucket shows the banner and noindex, and is absent from home, feed and search", async ({ page }) => {
  const problems = watchForPanics(page);
  // The reader app's /preview sends the query on to the preview entry.
  await page.goto(`/preview?draft=${DRAFT}`);
  await expect(page).toHaveURL(new RegExp(`/preview/\\?draft=${DRAFT}$`));
  await expect(page.getByRole("heading", { level: 1, name: DRAFT_TITLE })).toBeVisible();
  await expect(page.getByRole("note").getByText("Preview: not published")).toBeVisible();
  await expect(page.locator('meta[name="robots"][content="noindex"]')).toHaveCount(1);

  await page.goto("/");
  await expect(page.getByRole("region", { name: "Latest articles" }).getByRole("article").first()).toBeVisible();
  await expect(page.getByRole("link", { name: DRAFT_TITLE })).toHaveCount(0);

  for (const file of ["feed.xml", "sitemap-1.xml", "index/1.json"]) {
    const body = await (await page.request.get(`/content/${file}`)).text();
    expect(body, file).not.toContain(DRAFT);
  }

  await page.goto("/search?q=Working+With+the+Center");
  await expect(page.getByRole("link", { name: /Building a Broad Front/ })).toBeVisible();
  await expect(page.getByRole("link", { name: DRAFT_TITLE })).toHaveCount(0);
  await page.goto("/search?q=Sample+Draft");
  await expect(page.getByRole("link", { name: DRAFT_TITLE })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("an unknown draft says how drafts get into the bucket", async ({ page }) => {
  await page.goto("/preview/?draft=no-such-draft");
  await expect(page.getByRole("heading", { level: 1, name: "No such draft" })).toBeVisible();
  await expect(page.getByText("press build --drafts", { exact: false })).toBeVisible();
});

test("when the browser refuses storage, the editor says so instead of losing work silently", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  const box = await openEditor(page);
  await expect(page.getByRole("alert").filter({ hasText: "isn’t letting the preview save your work" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Download .md" })).toBeVisible();
  // Checking still works without storage.
  await box.fill(source({ author: "nobody-at-all" }));
  await expect(page.getByRole("button", { name: /unknown author `nobody-at-all`/ })).toBeVisible();
});
