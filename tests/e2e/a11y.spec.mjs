// Accessibility on every route: axe (WCAG 2.0–2.2 A and AA, plus target-size) finds nothing
// at 100% and 200% text size and at 320 px and 1280 px, and a keyboard-only walk reaches
// every visible control with a visible focus indicator. One page per route; the sizes are
// applied in place, as the text-size control and a window resize would.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const WIDTHS = [320, 1280];
const TEXT_SIZES = ["100", "200"];
// Four full axe runs per route; generous for a busy 2-core machine (about 10 s idle).
const AXE_TIMEOUT = 150_000;

/** Every route, one row each (the embed rows are where its URL scheme lives). */
const ROUTES = [
  { name: "home", path: "/" },
  { name: "article", path: "/articles/broad-front-panel" },
  { name: "archive article", path: "/articles/organizing-upgrade-about-2012" },
  { name: "topics", path: "/topics" },
  { name: "topic", path: "/topics/strategy" },
  { name: "archive index", path: "/archive" },
  { name: "archive", path: "/archive/2023" },
  { name: "search with results", path: "/search?q=organizing" },
  { name: "search, empty", path: "/search" },
  { name: "contributors", path: "/contributors" },
  { name: "contributor", path: "/contributors/maurice-mitchell" },
  { name: "page about", path: "/about" },
  { name: "page block-and-build", path: "/block-and-build" },
  { name: "page history", path: "/history" },
  { name: "page republication", path: "/republication" },
  { name: "page submissions", path: "/submissions" },
  { name: "page support", path: "/support" },
  { name: "subscribe", path: "/subscribe" },
  { name: "podcasts", path: "/podcasts" },
  { name: "show", path: "/podcasts/black-work-talk" },
  { name: "episode", path: "/articles/black-work-talk-placeholder-episode" },
  // The rendered embeds: plain documents with one small script, no app.
  { name: "embed card", path: "/embed/articles/broad-front-panel/", app: false },
  { name: "embed full", path: "/embed/articles/broad-front-panel/full/", app: false },
  // The side-by-side views: the walk follows Tab into each same-origin frame's page and out again.
  { name: "preview editor", path: "/preview/" },
  { name: "preview of a bucket draft", path: "/preview/?draft=sample-draft-working-with-the-center" },
  { name: "preview of a published article", path: "/preview/?article=broad-front-panel" },
  { name: "404", path: "/no-such-page-anywhere" },
];

/** The requests each page has open (frames included), to say which one kept the network busy. */
const openRequests = new WeakMap();
test.beforeEach(({ page }) => {
  const open = new Set();
  openRequests.set(page, open);
  page.on("request", (r) => open.add(r));
  page.on("requestfinished", (r) => open.delete(r));
  page.on("requestfailed", (r) => open.delete(r));
});

/** Waits until the route shows its content, not a placeholder. */
async function ready(page, route = {}) {
  // The app has taken over the page the build rendered (or, on an entry, mounted): what is
  // audited and walked is what the reader then uses. A rendered embed has no app.
  if (route.app !== false) await page.locator("body[data-app-mounted]").waitFor({ state: "attached" });
  await expect(page.locator("h1").first()).toBeAttached();
  await expect(page.locator(".loading")).toHaveCount(0);
  try {
    await page.waitForLoadState("networkidle", { timeout: 45_000 });
  } catch (e) {
    const open = [...(openRequests.get(page) ?? [])].map((r) => r.url());
    throw new Error(`the network never went idle; requests still open: ${open.join(", ") || "none"}`, { cause: e });
  }
}

/** Applies a text size as the A+ A A- control does (the root attribute the CSS keys on). */
async function setTextSize(page, size) {
  await page.evaluate((s) => {
    try {
      localStorage.setItem("convergence.text-size", s);
    } catch {}
    document.documentElement.setAttribute("data-text-size", s);
  }, size);
}

async function axeViolations(page) {
  // options() replaces the options object, so it comes before withTags() (which sets runOnly).
  const results = await new AxeBuilder({ page })
    .options({ rules: { "target-size": { enabled: true } } })
    .withTags(AXE_TAGS)
    .analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 6).join(", ")}`,
  );
}

/** Runs axe at every width and text size; returns the violations labelled by where. */
async function axeEverySize(page, label) {
  const found = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const size of TEXT_SIZES) {
      await setTextSize(page, size);
      for (const v of await axeViolations(page)) found.push(`${label} @${width}px ${size}%: ${v}`);
    }
  }
  await setTextSize(page, "100");
  return found;
}

for (const route of ROUTES) {
  test(`axe finds nothing on ${route.name} (${route.path}) at 320/1280 px and 100/200%`, async ({ page }) => {
    test.setTimeout(AXE_TIMEOUT);
    await page.goto(route.path);
    await ready(page, route);
    expect(await axeEverySize(page, route.name)).toEqual([]);
  });
}

// ----- subscribe states

/** Points the provider at a same-origin path the test answers, and answers it with `answer`. */
async function mockProvider(page, answer) {
  const endpoint = "/__a11y-subscribe";
  await page.route("**/content/site.json", async (route) => {
    const response = await route.fetch();
    const site = await response.json();
    const origin = new URL(route.request().url()).origin;
    site.subscribe.provider = { kind: "generic_json", endpoint: origin + endpoint };
    await route.fulfill({ response, json: site });
  });
  await page.route(`**${endpoint}`, answer);
}

function form(page) {
  const main = page.getByRole("main");
  return {
    email: main.getByRole("textbox", { name: "Email address" }),
    consent: main.getByRole("checkbox", { name: /I agree to receive email/ }),
    submit: main.getByRole("button", { name: "Subscribe", exact: true }),
    main,
  };
}

test("axe finds nothing on subscribe: invalid email, sending, success and failure", async ({ page }) => {
  test.setTimeout(4 * AXE_TIMEOUT);
  let mode = "hold";
  let release = () => {};
  await mockProvider(page, async (route) => {
    if (mode === "hold") await new Promise((r) => (release = r));
    if (mode === "fail") {
      return route.fulfill({ status: 400, contentType: "application/json", body: '{"error":"invalid_email"}' });
    }
    return route.fulfill({ status: 201, contentType: "application/json", body: '{"status":"subscribed"}' });
  });
  await page.goto("/subscribe");
  await ready(page);
  const f = form(page);
  const found = [];

  // Invalid email: the error summary and the field's message.
  await f.email.fill("not-an-address");
  await f.submit.click();
  await expect(f.main.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  found.push(...(await axeEverySize(page, "subscribe invalid")));

  // Sending, then success, at each size: the client gives up on a silent provider after
  // 10 s, so each size holds its own request only while axe looks at it.
  await f.consent.check();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const size of TEXT_SIZES) {
      await setTextSize(page, size);
      mode = "hold";
      await f.email.fill(`reader-${width}-${size}@example.org`);
      await f.submit.click();
      await expect(f.main.locator("form[aria-busy=true]")).toBeVisible();
      for (const v of await axeViolations(page)) found.push(`subscribe sending @${width}px ${size}%: ${v}`);
      mode = "ok";
      release();
      await expect(f.main.locator("form[aria-busy=true]")).toHaveCount(0);
      await expect(f.main.getByText(/Check your inbox to confirm/)).toBeVisible();
      for (const v of await axeViolations(page)) found.push(`subscribe success @${width}px ${size}%: ${v}`);
    }
  }
  await setTextSize(page, "100");

  // Failure: the provider refuses the address.
  mode = "fail";
  await f.email.fill("typo@exampel.org");
  await f.submit.click();
  await expect(f.main.getByRole("alert").filter({ hasText: /isn’t valid/ })).toBeVisible();
  found.push(...(await axeEverySize(page, "subscribe failure")));

  expect(found).toEqual([]);
});

// ----- keyboard walk

/** The styles that can show focus, as plain data (read in the element's own window, for frames). */
function styleOf(el) {
  const s = el.ownerDocument.defaultView.getComputedStyle(el);
  return {
    outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
    outlineVisible:
      s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && !/rgba\(.*,\s*0\)$/.test(s.outlineColor),
    boxShadow: s.boxShadow,
    background: s.backgroundColor,
    border: `${s.borderColor} ${s.borderWidth}`,
    textDecoration: `${s.textDecorationLine} ${s.textDecorationThickness}`,
  };
}

/**
 * Marks every control that takes focus from Tab with `data-kbd`, records its unfocused
 * styles, and returns the visible ones (the walk must reach each). Same-origin frames (the
 * preview's side-by-side views) are walked too: Tab moves through a frame's page as part of
 * the parent's order, so their controls are marked with the frame's number as a prefix.
 */
function markControls(styleOfSrc) {
  const styleOf = new Function(`return (${styleOfSrc})`)();
  const SELECTOR = [
    "a[href]", "button", "input:not([type=hidden])", "select", "textarea", "summary",
    "[tabindex]", "audio[controls]", "video[controls]", "[contenteditable=true]",
  ].join(",");
  const visible = [];
  window.__kbdRest = {};
  let frames = 0;
  const mark = (doc, prefix, frameVisible) => {
    let n = 0;
    for (const el of doc.querySelectorAll(SELECTOR)) {
      if (el.matches("[disabled], [inert] *") || el.tabIndex < 0) continue;
      el.dataset.kbd = `${prefix}${n++}`;
      window.__kbdRest[el.dataset.kbd] = styleOf(el);
      if (!frameVisible || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      // Visually hidden until focused (skip links): reachable, but not a visible control.
      if (r.width <= 1 || r.height <= 1) continue;
      const name = (el.innerText || el.getAttribute("aria-label") || el.name || "").trim().slice(0, 40);
      visible.push({ id: el.dataset.kbd, what: `${prefix ? `frame ${prefix}` : ""}${el.localName} "${name}"` });
    }
    for (const frame of doc.querySelectorAll("iframe")) {
      const inner = frame.contentDocument; // null for a cross-origin frame: not walked
      if (!inner) continue;
      const shown = frameVisible && frame.checkVisibility() && frame.getBoundingClientRect().width > 1;
      mark(inner, `${prefix}f${frames++}:`, shown);
    }
  };
  mark(document, "", true);
  return visible;
}

/**
 * The focused element, followed into same-origin frames (the parent only sees the iframe),
 * and whether its focus shows (an outline, or a change from rest).
 */
function focusStyles(styleOfSrc) {
  const styleOf = new Function(`return (${styleOfSrc})`)();
  let el = document.activeElement;
  while (el && el.localName === "iframe" && el.contentDocument) el = el.contentDocument.activeElement;
  const doc = el?.ownerDocument;
  if (!el || el === doc.body || el === doc.documentElement) {
    // Focus on a frame's own body: Tab is between documents, not on a control.
    return doc && doc !== document ? { id: null, label: "frame body", between: true } : null;
  }
  const focused = styleOf(el);
  const rest = window.__kbdRest[el.dataset.kbd] ?? null;
  const changed =
    rest !== null &&
    (focused.boxShadow !== rest.boxShadow ||
      focused.background !== rest.background ||
      focused.border !== rest.border ||
      focused.outline !== rest.outline);
  const name = (el.innerText || el.getAttribute("aria-label") || "").trim().slice(0, 40);
  return {
    id: el.dataset.kbd ?? null,
    label: `${el.localName}${el.id ? `#${el.id}` : ""} "${name}"`,
    visible: focused.outlineVisible || changed,
    focused,
    rest,
  };
}

for (const route of ROUTES.filter((r) => r.walk !== false)) {
  test(`keyboard walk on ${route.name}: Tab reaches every control, each with a visible focus`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(route.path);
    await ready(page, route);
    // The preview's frames hold reader pages: walk them once their content is in.
    for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
      await expect(frame.locator("h1").first()).toBeAttached();
      await expect(frame.locator(".loading")).toHaveCount(0);
    }
    const src = styleOf.toString();
    const controls = await page.evaluate(markControls, src);
    const reached = new Set();
    const invisible = [];
    let first = null;
    // Every marked control (hidden ones too) may take a Tab stop, frames included.
    const limit = (await page.evaluate(() => Object.keys(window.__kbdRest).length)) + 20;
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab");
      const f = await page.evaluate(focusStyles, src);
      if (!f) {
        if (first !== null) break; // past the end of the document
        continue;
      }
      if (f.between) continue;
      const key = f.id ?? f.label;
      if (key === first) break;
      first ??= key;
      if (f.id !== null) reached.add(f.id);
      if (!f.visible) invisible.push(`${f.label}: focused ${JSON.stringify(f.focused)} rest ${JSON.stringify(f.rest)}`);
    }
    const missed = controls.filter((c) => !reached.has(c.id)).map((c) => c.what);
    expect(missed, "visible controls Tab never reached").toEqual([]);
    expect(invisible, "focused controls without a visible focus indicator").toEqual([]);
    expect(reached.size).toBeGreaterThan(0);
  });
}
