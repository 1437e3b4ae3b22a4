// The subscribe flow end to end: every outcome, offline queueing across a reload, the
// honeypot, double clicks, keyboard-only use and axe in every state. The app posts to a
// local recording server (its endpoint is swapped into site.json as the page loads, and
// requests reach it through the test); faults are injected by intercepting that endpoint.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { startRecorder, corsHeaders } from "./subscribe-recorder.mjs";
import { openApp } from "./support.mjs";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const CONFIRM = /Check your inbox to confirm/;
const QUEUED = /We’ll send this when you’re back online/;

let recorder;
test.beforeAll(async () => {
  recorder = await startRecorder();
});
test.afterAll(async () => {
  await recorder?.close();
});

/** Panics and uncaught errors, per page; checked after every test. */
const problems = [];
function watch(page) {
  page.on("console", (m) => {
    if (/panicked at/.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
}
test.beforeEach(async ({ page }) => {
  problems.length = 0;
  watch(page);
});
test.afterEach(async () => {
  expect(problems, "no panics or uncaught errors").toEqual([]);
});

/**
 * Serves the app through the test: site.json names this test's recorder path as the
 * provider, and while `net.offline` is set every app file comes from what was already
 * fetched (as a browser cache would), so a reload works offline.
 */
async function connect(
  context,
  testInfo,
  { provider = (endpoint) => ({ kind: "generic_json", endpoint }), prefix = "/t", forward = true } = {},
) {
  const path = `${prefix}/${testInfo.testId}-${testInfo.retry}/subscribe`;
  const endpoint = recorder.origin + path;
  const appOrigin = new URL(testInfo.project.use.baseURL).origin;
  const cache = new Map();
  const net = {
    offline: false,
    async goOffline() {
      net.offline = true;
      await context.setOffline(true);
    },
    async goOnline() {
      net.offline = false;
      await context.setOffline(false);
    },
  };
  await context.route(
    (url) => url.origin === appOrigin,
    async (route) => {
      const url = route.request().url();
      if (net.offline) {
        const hit = cache.get(url);
        return hit ? route.fulfill(hit) : route.abort("internetdisconnected");
      }
      if (route.request().method() !== "GET") return route.continue();
      const response = await route.fetch();
      let body = await response.body();
      const headers = { ...response.headers() };
      delete headers["content-length"];
      const rewrite = new URL(url).pathname === "/content/site.json";
      if (rewrite) {
        const site = JSON.parse(body.toString());
        site.subscribe.provider = provider(endpoint);
        body = Buffer.from(JSON.stringify(site));
      }
      const entry = { status: response.status(), headers, body };
      cache.set(url, entry);
      // Online, the rest comes from the server itself: a document the test fulfilled would
      // count as "public" to Chromium's local network access checks.
      return rewrite ? route.fulfill(entry) : route.continue();
    },
  );
  if (forward) {
    // After an offline reload the document did come from the test, so its requests to the
    // loopback recorder would be blocked: they reach it through the test instead.
    await context.route(endpoint, async (route) => route.fulfill({ response: await route.fetch() }));
  }
  return { path, endpoint, net };
}

/** The form in `main` (the /subscribe page's, or the one after an article). */
function mainForm(page) {
  const main = page.getByRole("main");
  return {
    main,
    email: main.getByRole("textbox", { name: "Email address" }),
    name: main.getByRole("textbox", { name: /^Name/ }),
    consent: main.getByRole("checkbox", { name: /I agree to receive email/ }),
    podcasts: main.getByRole("checkbox", { name: "Podcast updates" }),
    newsletter: main.getByRole("checkbox", { name: "The Convergence newsletter" }),
    submit: main.getByRole("button", { name: "Subscribe", exact: true }),
    cancel: main.getByRole("button", { name: "Cancel" }),
  };
}

async function expectAxeClean(page, state) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations (${state})`).toEqual([]);
}

/** Counts POSTs to `endpoint` and answers them with `answer(n, route)` (n from 1);
 * `route.fallback()` passes one on to the recorder. */
async function intercept(page, endpoint, answer) {
  const seen = [];
  await page.route(endpoint, async (route) => {
    const req = route.request();
    if (req.method() !== "POST") return route.fallback();
    const raw = req.postData();
    const json = req.headers()["content-type"]?.startsWith("application/json");
    seen.push({ key: req.headers()["idempotency-key"], raw, body: json ? JSON.parse(raw) : null });
    return answer(seen.length, route);
  });
  return seen;
}

async function fillValid(f, email) {
  await f.email.fill(email);
  await f.consent.check();
}

test("success: one request in the generic JSON shape, and the confirm message", async ({ page, context }, testInfo) => {
  const { path } = await connect(context, testInfo);
  await openApp(page, "/subscribe");
  const f = mainForm(page);
  await expect(page.getByRole("heading", { level: 1, name: "Subscribe" })).toBeVisible();
  await expect(f.main.getByText(/You can become a subscriber here/)).toBeVisible();
  await expect(f.newsletter).toBeChecked();
  await expect(f.podcasts).not.toBeChecked();
  await expect(f.consent).not.toBeChecked();
  await expect(page.locator("#support")).toContainText(/fiscally sponsored project/);
  await expectAxeClean(page, "initial");

  await f.email.fill("  reader@example.org ");
  await f.name.fill("Ella Baker");
  await f.podcasts.check();
  await f.consent.check();
  await f.submit.click();
  await expect(f.main.getByText(CONFIRM)).toBeVisible();
  const posts = recorder.postsTo(path);
  expect(posts).toHaveLength(1);
  const { body, headers } = posts[0];
  expect(body).toEqual({
    email: "reader@example.org",
    name: "Ella Baker",
    lists: ["newsletter", "podcasts"],
    idempotency_key: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
  });
  expect(headers["idempotency-key"]).toBe(body.idempotency_key);
  // The fields keep what was typed (the browser itself trims an email field's value).
  await expect(f.email).toHaveValue("reader@example.org");
  await expect(f.name).toHaveValue("Ella Baker");
  await expectAxeClean(page, "success");
});

test("our own validation: summary, linked messages, focus on the first invalid field", async ({ page, context }, testInfo) => {
  const { path } = await connect(context, testInfo);
  await openApp(page, "/subscribe");
  const f = mainForm(page);
  await expect(f.main.locator("form")).toHaveAttribute("novalidate", "");
  await f.submit.click();
  const summary = f.main.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link")).toHaveText(["Enter your email address.", /Tick the box to agree/]);
  await expect(f.email).toBeFocused();
  await expect(f.email).toHaveAttribute("aria-invalid", "true");
  const describedBy = await f.email.getAttribute("aria-describedby");
  await expect(page.locator(`#${describedBy}`)).toHaveText(/Enter your email address/);
  await expect(f.consent).toHaveAttribute("aria-invalid", "true");
  await expectAxeClean(page, "errors shown");

  await summary.getByRole("link", { name: /Tick the box/ }).click();
  await expect(f.consent).toBeFocused();

  await f.email.fill("a@b@example.org");
  await f.newsletter.uncheck();
  await f.submit.click();
  await expect(summary.getByRole("link")).toHaveText([
    "Email addresses have only one @.",
    "Choose at least one newsletter.",
    /Tick the box/,
  ]);
  await expect(f.email).toBeFocused();
  expect(recorder.postsTo(path)).toHaveLength(0);

  await f.email.fill("reader.valid@example.org");
  await f.newsletter.check();
  await f.consent.check();
  await f.submit.click();
  await expect(f.main.getByText(CONFIRM)).toBeVisible();
  await expect(summary).toHaveCount(0);
  await expect(f.email).not.toHaveAttribute("aria-invalid", "true");
});

test("400 from the provider: the address is marked invalid, nothing lost", async ({ page, context }, testInfo) => {
  const { endpoint } = await connect(context, testInfo);
  const seen = await intercept(page, endpoint, (_, route) =>
    route.fulfill({ status: 400, headers: corsHeaders, body: '{"error":"invalid_email"}' }),
  );
  await openApp(page, "/subscribe");
  const f = mainForm(page);
  await fillValid(f, "typo@exampel.org");
  await f.submit.click();
  await expect(f.main.getByRole("alert").filter({ hasText: /says this email address isn’t valid/ })).toBeVisible();
  await expect(f.email).toBeFocused();
  await expect(f.email).toHaveAttribute("aria-invalid", "true");
  await expect(f.email).toHaveValue("typo@exampel.org");
  await expect(f.consent).toBeChecked();
  await expect(f.submit).not.toHaveAttribute("aria-disabled", "true");
  expect(seen).toHaveLength(1);
});

test("409: already subscribed, said plainly", async ({ page, context }, testInfo) => {
  const { path } = await connect(context, testInfo);
  await openApp(page, "/subscribe");
  const f = mainForm(page);
  await fillValid(f, "twice@example.org");
  await f.submit.click();
  await expect(f.main.getByText(CONFIRM)).toBeVisible();
  await f.submit.click();
  await expect(f.main.getByText(/You’re already subscribed with this address/)).toBeVisible();
  expect(recorder.postsTo(path)).toHaveLength(2);
  expect(recorder.subscriptionsAt(path)).toHaveLength(1);
});

test("429 with a long Retry-After: the reader is told when to try again", async ({ page, context }, testInfo) => {
  const { endpoint } = await connect(context, testInfo);
  const seen = await intercept(page, endpoint, (_, route) =>
    route.fulfill({ status: 429, headers: { ...corsHeaders, "Retry-After": "120" }, body: "{}" }),
  );
  await openApp(page, "/subscribe");
  const f = mainForm(page);
  await fillValid(f, "busy@example.org");
  await f.submit.click();
  await expect(f.main.getByRole("alert")).toContainText("Please try again in 2 minutes.");
  expect(seen).toHaveLength(1);
  await expect(f.email).toHaveValue("busy@example.org");
  await expect(f.submit).not.toHaveAttribute("aria-disabled", "true");
});

test("429 with a short Retry-After is waited out and retried with the same key", async ({ page, context }, testInfo) => {
  const { endpoint, path } = await connect(context, testInfo);
  const seen = await intercept(page, endpoint, (n, route) =>
    n === 1
      ? route.fulfill({ status: 429, headers: { ...corsHeaders, "Retry-After": "1" }, body: "{}" })
      : route.fallback(),
  );
  await openApp(page, "/subscribe");
  const f = mainForm(page);
  await fillValid(f, "patient@example.org");
  await f.submit.click();
  await expect(f.main.getByText(CONFIRM)).toBeVisible();
  expect(seen).toHaveLength(2);
  expect(seen[1].key).toBe(seen[0].key);
  expect(recorder.subscriptionsAt(path)).toHaveLength(1);
});

test("500 then success: retried automatically, exactly one subscription", async ({ page, context }, testInfo) => {
  const { endpoint, path } = await connect(context, testInfo);
  const seen = await intercept(page, endpoint, (n, route) =>
    n === 1 ? route.fulfill({ status: 500, headers: corsHeaders, body: "{}" }) : route.fallback(),
  );
  await openApp(page, "/subscribe");
  const f = mainForm(page);
  await fillValid(f, "retry@example.org");
  await f.submit.click();
  await expect(f.main.getByText(CONFIRM)).toBeVisible();
  expect(seen).toHaveLength(2);
  expect(seen[1].key).toBe(seen[0].key);
  expect(seen[1].body.idempotency_key).toBe(seen[0].key);
  expect(recorder.subscriptionsAt(path)).toHaveLength(1);
});

test("a server that keeps failing: three retries, then the error with the status", async ({ page, context }, testInfo) => {
  const { endpoint } = await connect(context, testInfo);
  const seen = await intercept(page, endpoint, (_, route) =>
    route.fulfill({ status: 503, headers: corsHeaders, body: "{}" }),
  );
  await openApp(page, "/subscribe");
  const f = mainForm(page);
  await fillValid(f, "down@example.org");
  await f.submit.click();
  await expect(f.main.getByRole("alert")).toContainText("had a problem (error 503)");
  expect(seen).toHaveLength(4);
  expect(new Set(seen.map((s) => s.key)).size).toBe(1);
  await expect(f.email).toHaveValue("down@example.org");
});

test("network error: retried, then reported; the input stays and the button works", async ({ page, context }, testInfo) => {
  const { endpoint, path } = await connect(context, testInfo);
  let failing = true;
  const seen = await intercept(page, endpoint, (_, route) => (failing ? route.abort("failed") : route.fallback()));
  await openApp(page, "/subscribe");
  const f = mainForm(page);
  await fillValid(f, "flaky@example.org");
  await f.name.fill("Flaky");
  await f.submit.click();
  await expect(f.main.getByRole("alert")).toContainText("We couldn’t reach our newsletter service");
  expect(seen).toHaveLength(4);
  await expect(f.email).toHaveValue("flaky@example.org");
  await expect(f.name).toHaveValue("Flaky");
  await expect(f.submit).not.toHaveAttribute("aria-disabled", "true");
  await expectAxeClean(page, "network error shown");
  // Trying again with the same details reuses the key: a provider that did get it can't double up.
  failing = false;
  await f.submit.click();
  await expect(f.main.getByText(CONFIRM)).toBeVisible();
  expect(seen[4].key).toBe(seen[0].key);
  expect(recorder.subscriptionsAt(path)).toHaveLength(1);
});

test("a provider that never answers: the timeout message after 10 seconds", async ({ page, context }, testInfo) => {
  test.setTimeout(45_000);
  const { endpoint } = await connect(context, testInfo);
  const seen = await intercept(page, endpoint, () => new Promise(() => {}));
  await openApp(page, "/subscribe");
  const f = mainForm(page);
  await fillValid(f, "slow@example.org");
  const started = Date.now();
  await f.submit.click();
  await expect(f.main.getByText("Sending your sign-up…")).toBeVisible();
  await expect(f.main.getByRole("alert")).toContainText("took too long to answer", { timeout: 20_000 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(9_500);
  expect(seen).toHaveLength(1);
  await expect(f.email).toHaveValue("slow@example.org");
  await expect(f.submit).not.toHaveAttribute("aria-disabled", "true");
});

test("offline: queued with a note, kept across a reload, sent exactly once when back online", async ({ page, context }, testInfo) => {
  const { path, net } = await connect(context, testInfo);
  await openApp(page, "/subscribe");
  const f = mainForm(page);
  await f.email.fill("offline@example.org");
  await f.name.fill("Off Line");
  await f.podcasts.check();
  await f.consent.check();
  await net.goOffline();
  await f.submit.click();
  await expect(f.main.getByText(QUEUED)).toBeVisible();
  await expect(f.cancel).toBeVisible();
  await expectAxeClean(page, "queued");

  await page.reload();
  await expect(f.main.getByText(QUEUED)).toBeVisible();
  await expect(f.email).toHaveValue("offline@example.org");
  await expect(f.name).toHaveValue("Off Line");
  await expect(f.podcasts).toBeChecked();
  await expect(f.consent).toBeChecked();
  expect(recorder.postsTo(path)).toHaveLength(0);

  await net.goOnline();
  await expect(f.main.getByText(CONFIRM)).toBeVisible();
  await expect(f.main.getByText(QUEUED)).toHaveCount(0);
  await page.waitForTimeout(1_000);
  const posts = recorder.postsTo(path);
  expect(posts).toHaveLength(1);
  expect(posts[0].body).toMatchObject({
    email: "offline@example.org",
    name: "Off Line",
    lists: ["newsletter", "podcasts"],
  });
  expect(await page.evaluate(() => localStorage.getItem("convergence.subscribe.outbox"))).toBeNull();
});

test("offline: Cancel takes the sign-up back; nothing is sent later", async ({ page, context }, testInfo) => {
  const { path, net } = await connect(context, testInfo);
  await openApp(page, "/subscribe");
  const f = mainForm(page);
  await fillValid(f, "changed-my-mind@example.org");
  await net.goOffline();
  await f.submit.click();
  await f.cancel.click();
  await expect(f.main.getByText(QUEUED)).toHaveCount(0);
  await expect(f.main.getByText(/Cancelled: nothing was sent/)).toBeVisible();
  await expect(f.submit).toBeFocused();
  await expect(f.email).toHaveValue("changed-my-mind@example.org");
  await net.goOnline();
  await page.waitForTimeout(1_500);
  expect(recorder.postsTo(path)).toHaveLength(0);
});

test("offline in two tabs: the queued sign-up is sent once, not once per tab", async ({ page, context }, testInfo) => {
  const { path, net } = await connect(context, testInfo);
  await openApp(page, "/subscribe");
  const other = await context.newPage();
  watch(other);
  await other.goto("/subscribe");
  await expect(mainForm(other).email).toBeVisible();
  const f = mainForm(page);
  await fillValid(f, "two-tabs@example.org");
  await net.goOffline();
  await f.submit.click();
  await expect(f.main.getByText(QUEUED)).toBeVisible();
  // The other tab follows the shared queue.
  await expect(mainForm(other).main.getByText(QUEUED)).toBeVisible();
  await net.goOnline();
  await expect.poll(() => recorder.postsTo(path).length).toBe(1);
  await page.waitForTimeout(1_500);
  expect(recorder.postsTo(path)).toHaveLength(1);
  await expect(mainForm(other).main.getByText(QUEUED)).toHaveCount(0);
});

test("honeypot filled: no request, and it looks like success", async ({ page, context }, testInfo) => {
  const { path } = await connect(context, testInfo);
  await openApp(page, "/subscribe");
  const f = mainForm(page);
  const trap = f.main.locator('input[name="website"]');
  await expect(trap).toHaveAttribute("tabindex", "-1");
  await expect(trap).toHaveAttribute("autocomplete", "off");
  await expect(f.main.locator(".subscribe-form__trap")).toHaveAttribute("aria-hidden", "true");
  await expect(f.main.getByRole("textbox", { name: /Leave this/ })).toHaveCount(0);
  await trap.evaluate((el) => {
    el.value = "https://spam.example";
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await fillValid(f, "bot@example.org");
  await f.submit.click();
  await expect(f.main.getByText(CONFIRM)).toBeVisible();
  await page.waitForTimeout(500);
  expect(recorder.postsTo(path)).toHaveLength(0);
});

test("a double click (and more) sends one request; the button stays focused and busy meanwhile", async ({ page, context }, testInfo) => {
  const { endpoint, path } = await connect(context, testInfo);
  // The answer waits until the test has looked at the in-flight state.
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  const seen = await intercept(page, endpoint, async (_, route) => {
    await gate;
    return route.fallback();
  });
  await openApp(page, "/subscribe");
  const f = mainForm(page);
  await fillValid(f, "double@example.org");
  await f.submit.dblclick();
  await expect(f.submit).toHaveAttribute("aria-disabled", "true");
  await expect(f.main.locator("form")).toHaveAttribute("aria-busy", "true");
  await expect(f.submit).toBeFocused();
  // Playwright would wait for an aria-disabled button; a reader's click doesn't.
  await f.submit.click({ force: true });
  await page.keyboard.press("Enter");
  release();
  await expect(f.main.getByText(CONFIRM)).toBeVisible();
  await expect(f.submit).not.toHaveAttribute("aria-disabled", "true");
  expect(seen).toHaveLength(1);
  expect(recorder.postsTo(path)).toHaveLength(1);
});

test("keyboard only: Tab, Space and Enter complete a sign-up", async ({ page, context }, testInfo) => {
  const { path } = await connect(context, testInfo);
  await openApp(page, "/subscribe");
  const f = mainForm(page);
  await expect(f.email).toBeVisible();
  for (let i = 0; i < 40 && !(await f.email.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(f.email).toBeFocused();
  await page.keyboard.type("keys@example.org");
  await page.keyboard.press("Tab");
  await expect(f.name).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(f.newsletter).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(f.podcasts).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(f.consent).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(f.submit).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(f.main.getByText(CONFIRM)).toBeVisible();
  expect(recorder.postsTo(path)[0].body.lists).toEqual(["newsletter", "podcasts"]);
});

test("after an article and in the footer: two forms, unique ids, the footer's short form works", async ({ page, context }, testInfo) => {
  const { path } = await connect(context, testInfo);
  await openApp(page, "/articles/broad-front-panel");
  const inline = page.getByRole("region", { name: "Subscribe to Convergence" });
  await expect(inline.getByRole("textbox", { name: "Email address" })).toBeVisible();
  const footer = page.getByRole("contentinfo");
  const short = footer.getByRole("region", { name: "Get the newsletter" });
  await expect(short.getByRole("textbox", { name: "Email address" })).toBeVisible();
  await expect(short.getByRole("checkbox")).toHaveCount(1);
  const duplicates = await page.evaluate(() => {
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  });
  expect(duplicates).toEqual([]);
  await expectAxeClean(page, "article with two forms");

  await short.getByRole("textbox", { name: "Email address" }).fill("footer@example.org");
  await short.getByRole("checkbox", { name: /I agree/ }).check();
  await short.getByRole("button", { name: "Subscribe" }).click();
  await expect(short.getByText(CONFIRM)).toBeVisible();
  await expect(inline.getByText(CONFIRM)).toHaveCount(0);
  expect(recorder.postsTo(path)[0].body).toMatchObject({ email: "footer@example.org", name: null, lists: ["newsletter"] });
});

test("the forms' code comes after the take-over: the rendered form stays, keeps what was typed and sends", async ({ page, context }, testInfo) => {
  const { path } = await connect(context, testInfo);
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/split_subscribe_form-*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/articles/broad-front-panel");
  // The app takes the page over without waiting for the forms' code.
  await expect(page.locator("body[data-app-mounted]")).toHaveCount(1, { timeout: 20_000 });
  const short = page.getByRole("contentinfo").getByRole("region", { name: "Get the newsletter" });
  const email = short.getByRole("textbox", { name: "Email address" });
  await email.fill("kept@example.org");
  await short.getByRole("checkbox", { name: /I agree/ }).check();
  await email.focus();
  await email.press("Enter");
  // Held until the live form is here: nothing sent, nothing put in the URL.
  await page.waitForTimeout(200);
  expect(recorder.postsTo(path)).toEqual([]);
  expect(page.url()).not.toContain("kept%40example.org");
  release();
  await expect(short.getByText(CONFIRM)).toBeVisible();
  expect(recorder.postsTo(path)).toHaveLength(1);
  expect(recorder.postsTo(path)[0].body).toMatchObject({ email: "kept@example.org", lists: ["newsletter"] });
  await expect(email).toHaveValue("kept@example.org");
  await expect(email).toBeFocused();
  await expect(short.locator("form")).toHaveCount(1);
});

test("forms whose code cannot be fetched say so beside the kept form, and their retry brings it", async ({ page, context }, testInfo) => {
  await connect(context, testInfo);
  const blocked = "**/split_subscribe_form-*.wasm";
  await page.route(blocked, (route) => route.abort("internetdisconnected"));
  await page.goto("/articles/broad-front-panel");
  // Not the page's failure: the app still takes it over.
  await expect(page.locator("body[data-app-mounted]")).toHaveCount(1, { timeout: 20_000 });
  const short = page.getByRole("contentinfo").getByRole("region", { name: "Get the newsletter" });
  const alert = short.getByRole("alert").filter({ hasText: "This part of the site could not be loaded." });
  await expect(alert).toBeVisible();
  const email = short.getByRole("textbox", { name: "Email address" });
  await email.fill("later@example.org");
  await page.unroute(blocked);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(alert).toHaveCount(0);
  await expect(short.locator("form")).toHaveCount(1);
  await expect(email).toHaveValue("later@example.org");
});

test("the support link lands on the support section of /subscribe", async ({ page, context }, testInfo) => {
  await connect(context, testInfo);
  await openApp(page, "/subscribe#support");
  const support = page.locator("#support");
  await expect(support.getByRole("heading", { level: 2 })).toHaveText("Donate to Convergence");
  await expect(support).toBeInViewport();
  // The footer's short form is not repeated on the page that has the full one.
  await expect(page.getByRole("contentinfo").getByRole("textbox", { name: "Email address" })).toHaveCount(0);
});

test("storage refused: the queue lives in memory for the visit, and says so", async ({ page, context }, testInfo) => {
  const { path, net } = await connect(context, testInfo);
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await openApp(page, "/subscribe");
  const f = mainForm(page);
  await fillValid(f, "no-storage@example.org");
  await net.goOffline();
  await f.submit.click();
  await expect(f.main.getByText(QUEUED)).toContainText("keep this page open");
  await expectAxeClean(page, "queued in memory");
  await net.goOnline();
  await expect(f.main.getByText(CONFIRM)).toBeVisible();
  expect(recorder.postsTo(path)).toHaveLength(1);
});

test("a form-encoded provider without CORS: one no-cors retry, reported as unconfirmed", async ({ page, context }, testInfo) => {
  const { path } = await connect(context, testInfo, {
    prefix: "/nocors",
    forward: false,
    provider: (endpoint) => ({
      kind: "form_encoded",
      endpoint,
      email_field: "email",
      name_field: "metadata__name",
      list_field: "tag",
    }),
  });
  await openApp(page, "/subscribe");
  const f = mainForm(page);
  await f.name.fill("Ella Baker");
  await fillValid(f, "embed@example.org");
  await f.submit.click();
  await expect(f.main.getByRole("status")).toContainText(
    "Sent, but we couldn’t confirm it — check your inbox in a few minutes.",
  );
  await expect(f.main.getByText(CONFIRM)).toHaveCount(0);
  const posts = recorder.postsTo(path);
  expect(posts.map((p) => p.headers["sec-fetch-mode"])).toEqual(["cors", "no-cors"]);
  expect(posts.map((p) => p.raw)).toEqual(
    Array(2).fill("email=embed%40example.org&metadata__name=Ella+Baker&tag=newsletter"),
  );
  await expectAxeClean(page, "unconfirmed");
});
