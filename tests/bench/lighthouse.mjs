// Benchmark (not a test): Lighthouse 12.8 mobile and desktop on the home and article pages, the
// app and its static twin in the same loop, in one headless Chromium (Debian's).
// Usage: node tests/bench/lighthouse.mjs <app-base> <twin-base> <twin-article-path> [out.json]
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import * as chromeLauncher from "chrome-launcher";
import fs from "node:fs";

const [app, twin, twinArticle, out] = process.argv.slice(2);
if (!twinArticle) {
  console.error("usage: node tests/bench/lighthouse.mjs <app-base> <twin-base> <twin-article-path> [out.json]");
  process.exit(2);
}
const pages = [
  { page: "home", app: `${app}/`, twin: `${twin}/` },
  { page: "article", app: `${app}/articles/broad-front-panel`, twin: `${twin}${twinArticle}` },
];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
  "cumulative-layout-shift", "speed-index"];

const chrome = await chromeLauncher.launch({
  chromePath: "/usr/bin/chromium",
  chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
const results = [];
try {
  for (const formFactor of ["mobile", "desktop"]) {
    for (const p of pages) {
      for (const site of ["app", "twin"]) {
        const flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES };
        const config = formFactor === "desktop" ? desktopConfig : undefined;
        const { lhr } = await lighthouse(p[site], flags, config);
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
        const metrics = Object.fromEntries(METRICS.map((m) => [m, lhr.audits[m]?.numericValue ?? null]));
        // The audits that cost points, so a score below 100 says why.
        const failing = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative"
            && a.scoreDisplayMode !== "notApplicable" && a.scoreDisplayMode !== "manual")
          .map((a) => a.id);
        const r = { formFactor, page: p.page, site, url: p[site], scores, metrics, failing,
          runtimeError: lhr.runtimeError?.message ?? null };
        results.push(r);
        console.log(`${formFactor.padEnd(7)} ${p.page.padEnd(7)} ${site.padEnd(4)} perf ${scores.performance} a11y ${scores.accessibility} bp ${scores["best-practices"]}  LCP ${Math.round(metrics["largest-contentful-paint"] ?? 0)} ms`);
      }
    }
  }
} finally {
  await chrome.kill();
}
if (out) fs.writeFileSync(out, JSON.stringify({ lighthouse_version: "12.8", results }, null, 2));
