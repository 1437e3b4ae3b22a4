// Benchmark (not a test): input-to-next-paint latency of the A+ / A- buttons on the sample
// article, p50/p95 over 30 clicks, unthrottled and at 4x CPU slowdown (Chrome DevTools Protocol).
// Usage: node tests/bench/text-size.mjs <base-url> [out.json]
import { chromium } from "playwright-core";
import fs from "node:fs";

const base = process.argv[2] ?? "http://127.0.0.1:8181";
const out = process.argv[3];
const CLICKS = 30;

function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

async function measure(browser, slowdown) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${base}/articles/broad-front-panel`);
  await page.locator(".prose p").first().waitFor();
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
  // Input-to-next-paint: from the click event's timestamp to a task queued right after the
  // next animation frame, i.e. after the frame containing the change has been produced.
  await page.evaluate(() => {
    window.__latencies = [];
    document.addEventListener("click", (e) => {
      if (!e.target.closest(".text-size")) return;
      const start = e.timeStamp;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => window.__latencies.push(performance.now() - start);
        ch.port2.postMessage(0);
      });
    }, true);
  });
  const larger = page.getByRole("button", { name: "A+ Larger text" });
  const smaller = page.getByRole("button", { name: "A- Smaller text" });
  for (let i = 0; i < CLICKS; i++) {
    // Alternate so every click really changes the size (never pressing a disabled end).
    await (i % 2 === 0 ? larger : smaller).click();
    await page.waitForFunction((n) => window.__latencies.length >= n, i + 1);
  }
  const values = await page.evaluate(() => window.__latencies);
  await context.close();
  return { slowdown, clicks: values.length, p50_ms: percentile(values, 50), p95_ms: percentile(values, 95) };
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const results = [];
for (const slowdown of [1, 4]) results.push(await measure(browser, slowdown));
await browser.close();
for (const r of results) {
  const goal = r.slowdown === 1 ? 16 : 50;
  console.log(`text-size input→next paint, CPU ${r.slowdown}x: p50 ${r.p50_ms.toFixed(1)} ms, p95 ${r.p95_ms.toFixed(1)} ms over ${r.clicks} clicks (goal p95 ≤ ${goal} ms)`);
}
if (out) fs.writeFileSync(out, JSON.stringify({ text_size_latency: results }, null, 2));
