// Every show's podcast feed, as served, read by the Podcast Index's own feed parser
// (podcast-partytime) rather than by code written here: the tags Apple Podcasts requires, the
// ones podcast apps use, and every value checked against the bucket's JSON and the files served.
import { test, expect } from "@playwright/test";
import { parseFeed, FeedType } from "podcast-partytime";
import { createHash } from "node:crypto";

/** The podcast namespace's `podcast:guid`: UUIDv5 of the feed URL without scheme and trailing slashes. */
function podcastGuid(feedUrl) {
  const namespace = Buffer.from("ead4c236bf5858c6a2c6a6b28d128cb6", "hex");
  const name = feedUrl.replace(/^[a-z]+:\/\//i, "").replace(/\/+$/, "");
  const hash = createHash("sha1").update(namespace).update(name, "utf8").digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A URL under the bucket's public address, as the test server serves it (`/content/…`). */
const served = (url, bucketUrl) => `/content/${url.slice(bucketUrl.length).replace(/^\/+/, "")}`;

/** Every episode of a show, newest first, from its listing pages. */
async function listedEpisodes(request, slug) {
  const episodes = [];
  for (let page = 1; ; page++) {
    const listing = await (await request.get(`/content/podcasts/${slug}/${page}.json`)).json();
    expect(listing.scope.show.slug).toBe(slug);
    episodes.push(...listing.articles);
    if (!listing.pagination.next) return episodes;
  }
}

test("every show's feed parses with a real podcast feed parser and has what podcast apps require", async ({ request }) => {
  const site = await (await request.get("/content/site.json")).json();
  const { shows } = await (await request.get("/content/podcasts.json")).json();
  expect(shows.length, "the content has shows").toBeGreaterThan(0);

  for (const { show } of shows) {
    const bucketUrl = show.feed_url.slice(0, show.feed_url.indexOf("/podcasts/"));
    const response = await request.get(`/content/podcasts/${show.slug}/feed.xml`);
    expect(response.status(), show.slug).toBe(200);
    const xml = await response.text();
    const feed = parseFeed(xml);
    expect(feed, `${show.slug}: the parser refused the feed`).not.toBeNull();
    expect(feed.type).toBe(FeedType.RSS);

    // The channel: Apple's required tags first.
    expect(feed.title).toBe(show.title);
    expect(feed.description).toBe(show.description);
    expect(feed.language).toBe(show.language);
    expect(feed.itunesImage).toBe(`${bucketUrl}/${show.artwork.src}`);
    const artwork = await request.get(served(feed.itunesImage, bucketUrl));
    expect(artwork.status(), feed.itunesImage).toBe(200);
    expect(feed.itunesCategory).toEqual(
      show.categories.map((c) => (c.subcategory ? `${c.name} > ${c.subcategory}` : c.name)),
    );
    // The parser reads a missing tag as "not explicit": the tag itself must be there.
    expect(xml).toMatch(/<itunes:explicit>(true|false)<\/itunes:explicit>/);
    expect(feed.explicit).toBe(show.advisory === "explicit");
    // Then what apps show or use.
    expect(feed.link).toBe(`${site.url.replace(/\/$/, "")}/podcasts/${show.slug}`);
    expect(feed.pubsub?.self).toBe(show.feed_url);
    for (const host of show.hosts) expect(feed.author).toContain(host.name);
    expect(feed.owner).toEqual({ name: site.title, email: site.contact.email });
    expect(feed.itunesType).toBe(show.show_type);
    expect(feed.guid).toBe(podcastGuid(show.feed_url));

    // Every episode, newest first, each with what its article says.
    const listed = await listedEpisodes(request, show.slug);
    expect(feed.items.map((i) => i.title)).toEqual(listed.map((a) => a.title));
    expect(feed.items).toHaveLength(show.episode_count);
    const guids = new Set();
    for (const [n, item] of feed.items.entries()) {
      const article = await (await request.get(`/content/articles/${listed[n].slug}.json`)).json();
      const media = article.media;
      expect(media.kind).toBe("audio");
      expect(item.guid).toBeTruthy();
      expect(guids.has(item.guid), `${item.guid} is used twice`).toBe(false);
      guids.add(item.guid);
      expect(item.link).toBe(article.canonical_url);
      expect(item.pubDate?.toISOString().slice(0, 10)).toBe(article.published_at);
      if (n > 0) expect(item.pubDate.getTime()).toBeLessThanOrEqual(feed.items[n - 1].pubDate.getTime());
      expect(item.description).toBe(article.dek || article.excerpt);
      expect(item.enclosure.type).toBe(media.mime);
      expect(item.enclosure.length).toBe(media.length_bytes);
      expect(item.enclosure.length).toBeGreaterThan(0);
      if (item.enclosure.url.startsWith(`${bucketUrl}/`)) {
        // The file is served from the bucket, at exactly the length the feed gives.
        const file = await request.get(served(item.enclosure.url, bucketUrl));
        expect(file.status(), item.enclosure.url).toBe(200);
        expect((await file.body()).length).toBe(item.enclosure.length);
      }
      expect(item.duration).toBe(media.duration_seconds);
      expect(item.itunesEpisodeType).toBe("full");
      expect(item.explicit).toBe(show.advisory === "explicit");
      expect(article.episode.show.slug).toBe(show.slug);
      expect(item.itunesEpisode).toBe(article.episode.number);
      expect(item.itunesSeason).toBe(article.episode.season);
      if (article.episode.body === "transcript") {
        expect(item.podcastTranscripts).toEqual([
          { url: article.canonical_url, type: "text/html", language: show.language },
        ]);
      } else {
        expect(item.podcastTranscripts).toBeUndefined();
      }
    }
  }
});

test("episodes offer no oEmbed: podcasts are not republished without written permission", async ({ request }) => {
  const { shows } = await (await request.get("/content/podcasts.json")).json();
  for (const card of shows) {
    for (const episode of card.latest) {
      expect((await request.get(`/content/oembed/${episode.slug}.json`)).status(), episode.slug).toBe(404);
    }
  }
});
