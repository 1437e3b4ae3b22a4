// Writes docs/screenshots/preview.png: a published article at 375, 768 and 1280 px side by side
// in the staff preview, as staff see it on a 1280 x 900 screen.
// Usage: node tests/bench/preview-screenshot.mjs http://127.0.0.1:8181
import { chromium } from "playwright-core";

const base = process.argv[2] ?? "http://127.0.0.1:8181";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
await page.goto(`${base}/preview/?article=broad-front-panel`);
for (const width of [375, 768, 1280]) {
  await page.frameLocator(`iframe[title="Preview at ${width} px"]`).locator("main h1").first().waitFor();
}
await page.waitForLoadState("networkidle");
await page.screenshot({ path: "docs/screenshots/preview.png" });
await browser.close();
console.log("wrote docs/screenshots/preview.png");
