// Contributor pages: the masthead (/contributors), one person's page (/contributors/:slug),
// bylines that lead there and back, paging, the 404 and a list that fails to load.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, watchForPanics, freePort, openInApp, renderedSite } from "./support.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// The Advisory Board as the seed (Convergence's About page) gives it.
const ADVISORY_BOARD = [
  ["Calvin Cheung-Miaw", "Historian"],
  ["Stacy Davis Gates", "Vice President, Chicago Teachers Union"],
  ["Bill Fletcher Jr", "former President, TransAfrica Forum"],
  ["Van Gosse", "Co-Chair, Historians for Peace and Democracy"],
  ["Richard Healey", "Board Chair, Commonwealth Foundation"],
  ["Harmony Goldberg", "Director of Praxis, Grassroots Power Project"],
  ["Maurice Mitchell", "National Director, Working Families Party"],
  ["Tarso Ramos", "Executive Director, Political Research Associates"],
  ["Cindy Wiesner", "Executive Director, Grassroots Global Justice Alliance"],
  ["Ash-Lee Woodard Henderson", "Co-Executive Director, Highlander Center"],
];

const PANEL = "Building a Broad Front While Aligning the Left: A Panel Discussion";
const PANELISTS = ["Maurice Mitchell", "Sendolo Diaminah", "Alexa Horwart", "Brendan Walsh"];

/** The list item on the masthead that holds the link named `name`. */
function member(scope, name) {
  return scope.getByRole("listitem").filter({ has: scope.page().getByRole("link", { name, exact: true }) });
}

test("the masthead lists every advisory-board member with their affiliation", async ({ page }) => {
  const problems = watchForPanics(page);
  await page.goto("/contributors");
  const h1 = page.getByRole("heading", { level: 1, name: "Contributors" });
  await expect(h1).toBeVisible();
  await expect(h1).toHaveAttribute("tabindex", "-1");
  await expect(page).toHaveTitle(/^Contributors — Convergence$/);
  // index.html carries the site-wide description too; the page adds its own.
  await expect(page.locator('meta[name="description"][content*="advisory board"]')).toHaveCount(1);
  for (const name of ["Staff & Contributors", "Podcast hosts", "Advisory Board"]) {
    await expect(page.getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
  }
  const board = page.getByRole("region", { name: "Advisory Board" });
  await expect(board.getByRole("listitem")).toHaveCount(ADVISORY_BOARD.length);
  for (const [name, affiliation] of ADVISORY_BOARD) {
    const item = member(board, name);
    await expect(item).toContainText(affiliation);
    await expect(item.getByRole("link", { name, exact: true })).toHaveAttribute(
      "href",
      /^\/contributors\/[a-z0-9-]+$/,
    );
  }
  await expect(member(board, "Stacy Davis Gates").getByRole("link")).toHaveAttribute(
    "href",
    "/contributors/stacy-davis-gates",
  );
  expect(problems).toEqual([]);
});

test("staff have their roles and podcast hosts sit under their shows", async ({ page }) => {
  await page.goto("/contributors");
  const staff = page.getByRole("region", { name: "Staff & Contributors" });
  await expect(member(staff, "Josh Elstro")).toContainText("Communications & administration");
  await expect(member(staff, "Mack Brown")).toContainText("production assistant");
  await expect(member(staff, "Cayden Mak")).toBeVisible();
  // The masthead's order is kept.
  const names = await staff.getByRole("link").allTextContents();
  expect(names.slice(0, 4)).toEqual(["Cayden Mak", "Marcy Rein", "Josh Elstro", "Mack Brown"]);

  const hosts = page.getByRole("region", { name: "Podcast hosts" });
  for (const [show, people] of [
    ["anti-authoritarian podcast", ["Sue Hyde", "Scot Nakagawa"]],
    ["Black Work Talk", ["Bianca Cunningham", "Jamala Rogers"]],
  ]) {
    const heading = hosts.getByRole("heading", { level: 3, name: show, exact: true });
    await expect(heading).toBeVisible();
    const list = heading.locator("xpath=following-sibling::ul[1]");
    await expect(list.getByRole("link")).toHaveText(people);
  }
  // The show whose title was lost is not filed under the show before it.
  await expect(hosts.getByRole("link", { name: "William Lawrence" })).toBeVisible();
  const blackWorkTalk = hosts
    .getByRole("heading", { level: 3, name: "Black Work Talk" })
    .locator("xpath=following-sibling::ul[1]");
  await expect(blackWorkTalk.getByRole("link", { name: "William Lawrence" })).toHaveCount(0);
});

test("the masthead reads on a phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/contributors");
  await expect(page.getByRole("region", { name: "Advisory Board" }).getByRole("listitem")).toHaveCount(
    ADVISORY_BOARD.length,
  );
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a staff member with no articles has a page", async ({ page }) => {
  const problems = watchForPanics(page);
  await page.goto("/contributors");
  await page.getByRole("link", { name: "Josh Elstro", exact: true }).click();
  await expect(page).toHaveURL(/\/contributors\/josh-elstro$/);
  const h1 = page.getByRole("heading", { level: 1, name: "Josh Elstro" });
  await expect(h1).toBeVisible();
  await expect(h1).toHaveAttribute("tabindex", "-1");
  await expect(page).toHaveTitle(/^Josh Elstro — Convergence$/);
  await expect(page.locator('meta[name="description"][content*="Communications & administration"]')).toHaveCount(1);
  await expect(page.getByRole("list", { name: "Roles" })).toContainText("Communications & administration");
  // No photo: a decorative initials avatar, hidden from assistive technology.
  const avatar = page.locator(".avatar");
  await expect(avatar).toHaveText("JE");
  await expect(avatar).toHaveAttribute("aria-hidden", "true");
  await expect(page.getByRole("img")).toHaveCount(0);
  const articles = page.getByRole("region", { name: "Articles by Josh Elstro" });
  await expect(articles.getByText("No articles by Josh Elstro yet.")).toBeVisible();
  await expect(articles.getByRole("navigation", { name: "More articles" })).toHaveCount(0);
  // A page past the end says so, with a way back.
  await page.goto("/contributors/josh-elstro?page=4");
  await expect(page.getByRole("heading", { level: 1, name: "Josh Elstro" })).toBeVisible();
  await expect(page.getByText("There are no more articles here.")).toBeVisible();
  await page.getByRole("link", { name: "See the latest by Josh Elstro" }).click();
  await expect(page).toHaveURL(/\/contributors\/josh-elstro$/);
  await expect(page.getByText("No articles by Josh Elstro yet.")).toBeVisible();
  expect(problems).toEqual([]);
});

test("the panel article's byline leads to its contributors, whose pages lead back", async ({ page }) => {
  const problems = watchForPanics(page);
  await page.goto("/articles/broad-front-panel");
  const byline = page.locator(".article__header .byline");
  await expect(byline).toHaveText(`By ${PANELISTS.slice(0, 3).join(", ")} and ${PANELISTS[3]}`);
  for (const name of PANELISTS) {
    const slug = name.toLowerCase().replace(/ /g, "-");
    await expect(byline.getByRole("link", { name, exact: true })).toHaveAttribute("href", `/contributors/${slug}`);
  }
  await byline.getByRole("link", { name: "Sendolo Diaminah", exact: true }).click();
  await expect(page).toHaveURL(/\/contributors\/sendolo-diaminah$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sendolo Diaminah" })).toBeVisible();
  const articles = page.getByRole("region", { name: "Articles by Sendolo Diaminah" });
  const card = articles.getByRole("article").filter({ hasText: PANEL });
  await expect(card).toHaveCount(1);
  // The card is the same one as on home, byline included.
  await expect(card.getByRole("link", { name: "Brendan Walsh", exact: true })).toHaveAttribute(
    "href",
    "/contributors/brendan-walsh",
  );
  await card.getByRole("link", { name: PANEL }).click();
  await expect(page).toHaveURL(/\/articles\/broad-front-panel$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PANEL);
  // Every panelist's page lists the panel.
  for (const name of PANELISTS) {
    await page.goto("/articles/broad-front-panel");
    await page.locator(".article__header .byline").getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("region", { name: `Articles by ${name}` }).getByRole("link", { name: PANEL })).toBeVisible();
  }
  expect(problems).toEqual([]);
});

test("an unknown contributor shows the 404 page with a way to the masthead", async ({ page }) => {
  const problems = watchForPanics(page);
  for (const path of ["/contributors/no-such-person", "/contributors/Not_A_Slug!"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page).toHaveTitle(/Page not found/);
    // Only the 404: no empty "Articles by" section under it.
    await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveCount(0);
  }
  await page.getByRole("link", { name: "Browse our contributors" }).click();
  await expect(page).toHaveURL(/\/contributors$/);
  await expect(page.getByRole("heading", { level: 1, name: "Contributors" })).toBeVisible();
  expect(problems).toEqual([]);
});

test("when the article list fails, the bio stays and Try again brings the list", async ({ page }) => {
  const problems = watchForPanics(page);
  const listing = "**/content/contributors/maurice-mitchell/1.json";
  await page.route(listing, (route) =>
    route.fulfill({ status: 500, contentType: "text/plain", body: "server error" }),
  );
  await openInApp(page, "/contributors/maurice-mitchell");
  await expect(page.getByRole("heading", { level: 1, name: "Maurice Mitchell" })).toBeVisible();
  await expect(page.getByText("National Director, Working Families Party").first()).toBeVisible();
  await expect(page.locator(".contributor .prose")).toContainText("advisory board");
  const articles = page.getByRole("region", { name: "Articles by Maurice Mitchell" });
  const alert = articles.getByRole("alert");
  await expect(alert).toContainText("error 500");
  await expect(articles.getByRole("link", { name: PANEL })).toHaveCount(0);
  await page.unroute(listing);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(articles.getByRole("link", { name: PANEL })).toBeVisible();
  await expect(articles.getByRole("alert")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: "Maurice Mitchell" })).toBeVisible();
  expect(problems).toEqual([]);
});

for (const scheme of ["light", "dark"]) {
  test(`axe finds no violations on the masthead and a contributor page (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [path, h1] of [
      ["/contributors", "Contributors"],
      ["/contributors/maurice-mitchell", "Maurice Mitchell"],
      ["/contributors/josh-elstro", "Josh Elstro"],
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: h1 })).toBeVisible();
      await expect(page.locator("main .loading")).toHaveCount(0);
      const results = await new AxeBuilder({ page })
        .include("main")
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      expect(results.violations.map((v) => `${path}: ${v.id}: ${v.help}`)).toEqual([]);
    }
  });
}


// Paging needs someone with more than one page (20) of articles, which the sample magazine
// lacks; a generated archive of 200 articles gives several (its bylines are Zipf-distributed).
test.describe("paging through a generated archive", () => {
  const N = 200;
  let server, site;
  let person; // { slug, name, total, pages, page2First }

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    const work = path.join(root, "target", `e2e-contributors-${process.pid}`);
    const source = path.join(work, "src");
    const bucket = path.join(work, "bucket");
    fs.rmSync(work, { recursive: true, force: true });
    const press = (...args) =>
      execFileSync("cargo", ["run", "-q", "-p", "press", "--", ...args], { cwd: root, stdio: "pipe" });
    press("gen-archive", String(N), "--out", source);
    press("build", source, "--out", bucket);

    // The contributor with the most articles, from the bucket itself.
    const dir = path.join(bucket, "contributors");
    let best = null;
    for (const slug of fs.readdirSync(dir)) {
      const first = path.join(dir, slug, "1.json");
      if (!fs.existsSync(first)) continue;
      const listing = JSON.parse(fs.readFileSync(first, "utf8"));
      if (!best || listing.pagination.total > best.total) {
        best = { slug, name: listing.scope.author.name, total: listing.pagination.total, pages: listing.pagination.pages };
      }
    }
    expect(best.pages).toBeGreaterThan(1);
    const page2 = JSON.parse(fs.readFileSync(path.join(dir, best.slug, "2.json"), "utf8"));
    best.page2First = page2.articles[0].title;
    best.page2Count = page2.articles.length;
    best.photo = JSON.parse(fs.readFileSync(path.join(bucket, "contributors", `${best.slug}.json`), "utf8")).profile_image;
    person = best;

    site = renderedSite(bucket);
    server = await startServer({ port: await freePort(), bucket, dist: site.dir });
  });

  test.afterAll(async () => {
    server?.close();
    site?.remove();
    fs.rmSync(path.join(root, "target", `e2e-contributors-${process.pid}`), { recursive: true, force: true });
  });

  test("a prolific contributor's articles page newest first with Older and Newer links", async ({ page }) => {
    const problems = watchForPanics(page);
    await page.goto(`${server.url}/contributors/${person.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
    await expect(page.getByText(`${person.total} articles`, { exact: true })).toBeVisible();
    if (person.photo) {
      const photo = page.getByRole("img", { name: person.photo.alt });
      await expect(photo).toBeVisible();
      await expect.poll(() => photo.evaluate((img) => img.naturalWidth)).toBeGreaterThan(0);
    }
    const region = page.getByRole("region", { name: `Articles by ${person.name}` });
    const cards = region.getByRole("article");
    await expect(cards).toHaveCount(20);
    const pager = region.getByRole("navigation", { name: "More articles" });
    await expect(pager).toContainText(`Page 1 of ${person.pages}`);
    await expect(pager.getByRole("link", { name: "Newer articles" })).toHaveCount(0);
    const dates = await cards.locator("time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")));
    expect([...dates].sort().reverse()).toEqual(dates);

    await pager.getByRole("link", { name: "Older articles" }).click();
    await expect(page).toHaveURL(new RegExp(`/contributors/${person.slug}\\?page=2$`));
    await expect(pager).toContainText(`Page 2 of ${person.pages}`);
    await expect(cards).toHaveCount(person.page2Count);
    await expect(cards.first().getByRole("heading")).toHaveText(person.page2First);
    await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();

    await pager.getByRole("link", { name: "Newer articles" }).click();
    await expect(page).toHaveURL(new RegExp(`/contributors/${person.slug}$`));
    await expect(pager).toContainText(`Page 1 of ${person.pages}`);
    await expect(cards).toHaveCount(20);

    // A page past the end says so and links back to the first.
    await page.goto(`${server.url}/contributors/${person.slug}?page=${person.pages + 5}`);
    await region.getByRole("link", { name: `See the latest by ${person.name}` }).click();
    await expect(pager).toContainText(`Page 1 of ${person.pages}`);
    expect(problems).toEqual([]);
  });
});
