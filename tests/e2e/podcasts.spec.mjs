// Podcasts: the shows index and a show page, an episode page with no republication offer,
// the mini-player that keeps playing across the site and remembers where it was, its keyboard
// use, and videos that load nothing from their host until the reader asks.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { openApp, watchForPanics } from "./support.mjs";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The bucket's shows, and for the first show its newest episode (as the builder wrote them). */
async function catalogue(request) {
  const podcasts = await (await request.get("/content/podcasts.json")).json();
  const named = podcasts.shows.filter((c) => c.latest.length > 0);
  expect(named.length, "a show with an episode").toBeGreaterThan(0);
  const card = named[0];
  const episode = await (await request.get(`/content/articles/${card.latest[0].slug}.json`)).json();
  return { shows: podcasts.shows.map((c) => c.show), show: card.show, episode };
}

/** The page's one audio element, as the player created it. */
const audio = (page) => page.locator("audio[data-player-audio]");

/** Resolves once the player's audio has moved past `seconds`. */
async function playedPast(page, seconds) {
  await expect
    .poll(() => audio(page).evaluate((a) => (a.paused ? -1 : a.currentTime)), { timeout: 15_000 })
    .toBeGreaterThan(seconds);
}

test("the shows: index, show page with its feed, hosts linked, axe clean", async ({ page, request }) => {
  const problems = watchForPanics(page);
  const { shows, show } = await catalogue(request);
  await openApp(page, "/podcasts");
  await expect(page.getByRole("heading", { level: 1, name: "Podcasts" })).toBeVisible();
  for (const s of shows) {
    const heading = page.getByRole("heading", { level: 2, name: s.title, exact: true });
    await expect(heading).toBeVisible();
    const entry = page.locator(".show").filter({ has: heading });
    await expect(entry.getByRole("img", { name: s.artwork.alt })).toBeVisible();
    for (const host of s.hosts) {
      await expect(entry.locator(".show__hosts").getByRole("link", { name: host.name, exact: true })).toHaveAttribute("href", `/contributors/${host.slug}`);
    }
  }
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);

  await page.getByRole("heading", { level: 2, name: show.title, exact: true }).getByRole("link").click();
  await expect(page).toHaveURL(`/podcasts/${show.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: show.title })).toBeFocused();
  const follow = page.getByRole("region", { name: "Follow in your podcast app" });
  const address = follow.getByRole("textbox", { name: `Feed address of ${show.title}` });
  await expect(address).toHaveValue(show.feed_url);
  expect(show.feed_url).toMatch(new RegExp(`/podcasts/${show.slug}/feed\\.xml$`));
  await follow.getByRole("button", { name: "Copy feed address" }).click();
  await expect(follow.getByRole("status")).toHaveText(/Copied the feed address\.|select the address and copy it/);
  await expect(page.getByRole("region", { name: `Episodes of ${show.title}` }).getByRole("article")).not.toHaveCount(0);
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute("href", `/content/podcasts/${show.slug}/feed.xml`);

  // Opened directly, the rendered page's feed link gives way to the app's: still exactly one.
  await openApp(page, `/podcasts/${show.slug}`);
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveCount(1);

  // The page as built: the feed is in its head for podcast apps and browsers to find.
  const html = await (await request.get(`/podcasts/${show.slug}`)).text();
  expect(html).toContain(`<link rel="alternate" type="application/rss+xml" title="${show.title}" href="/content/podcasts/${show.slug}/feed.xml" data-rendered>`);
  expect((await request.get(`/content/podcasts/${show.slug}/feed.xml`)).status()).toBe(200);
  expect(problems).toEqual([]);
});

test("an episode: its show, length and player; the audio policy instead of Embed / Republish", async ({ page, request }) => {
  const problems = watchForPanics(page);
  const { show, episode } = await catalogue(request);
  await openApp(page, `/articles/${episode.slug}`);
  const listen = page.getByRole("region", { name: "Listen" });
  await expect(listen.getByRole("link", { name: show.title })).toHaveAttribute("href", `/podcasts/${show.slug}`);
  await expect(listen).toContainText("Length:");
  await expect(listen.getByRole("link", { name: /Download the episode/ })).toHaveAttribute("href", /\.mp3$/);
  await expect(page.getByRole("button", { name: /Embed|Republish/ })).toHaveCount(0);
  const policy = page.getByRole("complementary", { name: "Republishing this episode" });
  await expect(policy).toContainText("may not be re-published without explicit written permission from both the host(s) and Convergence");
  await expect(policy.getByRole("link", { name: /@/ })).toHaveAttribute("href", /^mailto:/);

  // No oEmbed link and no rendered embeds for episodes (feeds.spec checks the file); articles keep theirs.
  const html = await (await request.get(`/articles/${episode.slug}`)).text();
  expect(html).not.toContain("application/json+oembed");
  await page.goto(`/embed/articles/${episode.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: "This episode can’t be embedded" })).toBeVisible();
  expect(await (await request.get("/articles/broad-front-panel")).text()).toContain("application/json+oembed");
  expect(problems).toEqual([]);
});

test("the player keeps playing across the site, survives text size and theme, and resumes after a reload", async ({ page, request }) => {
  const problems = watchForPanics(page);
  const { show, episode } = await catalogue(request);
  await openApp(page, `/articles/${episode.slug}`);
  await page.getByRole("button", { name: "Play episode" }).click();
  const player = page.getByRole("region", { name: episode.title });
  await expect(player).toBeVisible();
  await expect(player.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  await playedPast(page, 0.5);
  await audio(page).evaluate((a) => { a.dataset.mark = "same"; });
  expect(await page.evaluate(() => navigator.mediaSession?.metadata?.title)).toBe(episode.title);
  expect(await page.evaluate(() => navigator.mediaSession?.metadata?.artist)).toBe(show.title);
  // The lock screen shows the show's cover, as the episode's JSON names it.
  expect(episode.episode.artwork.src).toBe(show.artwork.src);
  expect(await page.evaluate(() => navigator.mediaSession?.metadata?.artwork?.[0]?.src)).toBe(
    new URL(`/content/${show.artwork.src}`, page.url()).href,
  );

  // Three moves through the site, by the app's own links.
  await page.getByRole("link", { name: show.title }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: show.title })).toBeVisible();
  await page.getByRole("link", { name: "Podcasts", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Podcasts" })).toBeVisible();
  await page.getByRole("link", { name: show.hosts[0].name, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: show.hosts[0].name })).toBeVisible();
  await expect(player.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  expect(await audio(page).evaluate((a) => a.dataset.mark)).toBe("same");
  const before = await audio(page).evaluate((a) => a.currentTime);
  await playedPast(page, before + 0.3);

  // Text size and theme change the page, not the player.
  await page.getByRole("button", { name: "A+ Larger text" }).first().click();
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(player.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  expect(await audio(page).evaluate((a) => a.dataset.mark)).toBe("same");

  // Paused at a known place, then reloaded: the player comes back there, paused.
  await player.getByRole("button", { name: "Pause", exact: true }).click();
  await audio(page).evaluate((a) => { a.currentTime = 2; });
  await expect(player.getByRole("slider", { name: "Position" })).toHaveAttribute("aria-valuetext", /^2 seconds of /);
  // Leaving the page (here, a reload) saves where the episode was.
  await page.reload();
  await page.locator("body[data-app-mounted]").waitFor({ state: "attached" });
  await expect(player.getByRole("button", { name: "Play", exact: true })).toBeVisible();
  await expect(player.getByRole("slider", { name: "Position" })).toHaveAttribute("aria-valuetext", /^2 seconds of /);
  expect(await audio(page).evaluate((a) => Math.round(a.currentTime))).toBe(2);
  await player.getByRole("button", { name: "Play", exact: true }).click();
  await playedPast(page, 2.2);
  expect(problems).toEqual([]);
});

test("the player by keyboard alone: every control reachable, focus visible, axe clean", async ({ page, request }) => {
  const problems = watchForPanics(page);
  const { episode } = await catalogue(request);
  await openApp(page, `/articles/${episode.slug}`);
  const play = page.getByRole("button", { name: "Play episode" });
  await play.focus();
  await page.keyboard.press("Enter");
  const player = page.getByRole("region", { name: episode.title });
  await expect(player.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  await playedPast(page, 0.2);

  /** Tabs until `target` has focus (at most 80 presses) and checks its focus is drawn. */
  async function tabTo(target) {
    for (let i = 0; i < 80; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press("Tab");
    }
    await expect(target).toBeFocused();
    const outline = await target.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline, "a visible focus indicator").not.toBe("none");
  }
  const pause = player.getByRole("button", { name: "Pause", exact: true });
  await tabTo(pause);
  await page.keyboard.press("Space");
  await expect(player.getByRole("button", { name: "Play", exact: true })).toBeFocused();
  await expect.poll(() => audio(page).evaluate((a) => a.paused)).toBe(true);

  const forward = player.getByRole("button", { name: "Forward 30 seconds" });
  await tabTo(forward);
  const at = await audio(page).evaluate((a) => a.currentTime);
  await page.keyboard.press("Enter");
  const duration = await audio(page).evaluate((a) => a.duration);
  await expect.poll(() => audio(page).evaluate((a) => a.currentTime)).toBeCloseTo(Math.min(Math.floor(at) + 30, Math.floor(duration)), 0);
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(player.getByRole("button", { name: "Back 15 seconds" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(() => audio(page).evaluate((a) => a.currentTime)).toBeLessThan(duration);

  const slider = player.getByRole("slider", { name: "Position" });
  await tabTo(slider);
  await page.keyboard.press("Home");
  await expect(slider).toHaveAttribute("aria-valuetext", /^0 seconds of /);
  await page.keyboard.press("ArrowRight");
  await expect(slider).toHaveAttribute("aria-valuetext", /^1 second of /);

  const speed = player.getByRole("combobox", { name: "Speed" });
  await tabTo(speed);
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => audio(page).evaluate((a) => a.playbackRate)).toBe(1.25);

  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
  const close = player.getByRole("button", { name: "Close player" });
  await tabTo(close);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: episode.title })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("a video is a placeholder that asks nothing of its host until the reader plays it", async ({ page, request }) => {
  const problems = watchForPanics(page);
  const article = await (await request.get("/content/articles/broad-front-panel.json")).json();
  const video = {
    ...article,
    kind: "video",
    media: {
      kind: "video",
      url: "https://www.youtube.com/watch?v=placeholder",
      host: "YouTube",
      duration_seconds: 754,
      poster: article.feature_image,
    },
  };
  await page.route("**/content/articles/broad-front-panel.json", (r) => r.fulfill({ json: video }));
  const elsewhere = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("http://127.0.0.1")) elsewhere.push(r.url());
  });
  await page.route(/youtube\.com/, (r) => r.fulfill({ status: 200, contentType: "text/html", body: "<title>host</title>" }));
  await openApp(page, "/topics");
  await page.getByRole("link", { name: "Strategy" }).first().click();
  await page.getByRole("link", { name: article.title }).first().click();
  const play = page.getByRole("link", { name: "Play on YouTube" });
  await expect(play).toBeVisible();
  await expect(page.locator("figure.video")).toContainText("Length: 12 minutes 34 seconds");
  await expect(page.locator("figure.video")).toContainText(article.title);
  await page.waitForLoadState("networkidle");
  expect(elsewhere, "no request to the video host before the click").toEqual([]);
  await play.click();
  await expect.poll(() => elsewhere.some((u) => u.startsWith("https://www.youtube.com/watch"))).toBe(true);
  expect(problems).toEqual([]);
});
