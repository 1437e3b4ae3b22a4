// The A- A A+ text-size control: behaviour, persistence, reflow at 200% and accessibility.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { openApp } from "./support.mjs";

const ARTICLE = "/articles/broad-front-panel";

function control(page) {
  const group = page.getByRole("group", { name: "Text size" });
  return {
    group,
    smaller: group.getByRole("button", { name: "A- Smaller text" }),
    reset: group.getByRole("button", { name: "A Default text size" }),
    larger: group.getByRole("button", { name: "A+ Larger text" }),
    status: group.getByRole("status"),
  };
}

async function bodyFontSize(page) {
  return page.locator(".prose p").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

test("visible labels begin each accessible name and the group is labelled", async ({ page }) => {
  await openApp(page, "/");
  const c = control(page);
  await expect(c.group).toBeVisible();
  await expect(c.smaller).toHaveText("A-");
  await expect(c.reset).toHaveText("A");
  await expect(c.larger).toHaveText("A+");
});

test("A+ twice scales article text by 125%, A resets, and each change is announced", async ({ page }) => {
  await openApp(page, ARTICLE);
  await expect(page.locator(".prose p").first()).toBeVisible();
  const c = control(page);
  const base = await bodyFontSize(page);
  await c.larger.click();
  await expect(c.status).toHaveText("Text size 112.5%");
  await c.larger.click();
  await expect(c.status).toHaveText("Text size 125%");
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "125");
  expect((await bodyFontSize(page)) / base).toBeCloseTo(1.25, 2);
  await c.reset.click();
  await expect(c.status).toHaveText("Text size 100%");
  expect(await bodyFontSize(page)).toBeCloseTo(base, 2);
});

test("at the ends the matching button is disabled for assistive tech but keeps focus", async ({ page }) => {
  await openApp(page, "/");
  const c = control(page);
  await c.smaller.click();
  await expect(c.smaller).toBeDisabled();
  await expect(c.smaller).toHaveAttribute("aria-disabled", "true");
  await expect(c.smaller).toBeFocused();
  await c.smaller.click({ force: true });
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "87.5");
  for (let i = 0; i < 6; i++) await c.larger.click();
  await expect(c.larger).toBeDisabled();
  await expect(c.smaller).toBeEnabled();
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "200");
  // Keyboard works too.
  await c.reset.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "100");
});

test("the choice survives a reload and is applied before first paint", async ({ page }) => {
  await openApp(page, ARTICLE);
  const c = control(page);
  for (let i = 0; i < 3; i++) await c.larger.click();
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "150");
  // Record the root font size at the first frame, before the app has run.
  await page.addInitScript(() => {
    requestAnimationFrame(() => {
      window.__firstFrameFontSize = getComputedStyle(document.documentElement).fontSize;
      window.__firstFrameMounted = document.body?.hasAttribute("data-app-mounted") ?? false;
    });
  });
  await page.reload();
  await expect(page.locator(".prose p").first()).toBeVisible();
  const first = await page.evaluate(() => window.__firstFrameFontSize);
  const now = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(first).toBe("24px");
  expect(now).toBe("24px");
  await expect(control(page).status).toHaveText("");
});

test("without storage (private mode, sandboxed frames) the control still works", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await openApp(page, "/");
  const c = control(page);
  await c.larger.click();
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "112.5");
  await expect(c.status).toHaveText("Text size 112.5%");
  expect(errors).toEqual([]);
});

test("other open tabs follow a change", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openApp(a, "/");
  await openApp(b, "/about");
  await expect(control(b).group).toBeVisible();
  await control(a).larger.click();
  await expect(b.locator("html")).toHaveAttribute("data-text-size", "112.5");
});

for (const path of ["/", ARTICLE, "/contributors", "/subscribe", "/about"]) {
  test(`200% at 320px does not scroll sideways: ${path}`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.addInitScript(() => {
      try { localStorage.setItem("convergence.text-size", "200"); } catch {}
    });
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "200");
    await expect(page.locator("main h1").first()).toBeAttached();
    await page.waitForLoadState("networkidle");
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    // Images and tables stay inside the column.
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll("main img, main table, main pre")]
        .filter((el) => !el.closest(".table-scroll") && el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(overflowing).toEqual([]);
  });
}

for (const size of ["100", "200"]) {
  test(`axe finds no violations on the control at ${size}%`, async ({ page }) => {
    await page.addInitScript((s) => {
      try { localStorage.setItem("convergence.text-size", s); } catch {}
    }, size);
    await page.goto("/");
    await expect(control(page).group).toBeVisible();
    const results = await new AxeBuilder({ page })
      .include(".text-size")
      // wcag22aa includes target-size (24×24 CSS px minimum).
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
}
