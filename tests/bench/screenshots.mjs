// Writes the README's screenshots (home and article at 375 and 1280 px) from a running site.
// Usage: node tests/bench/screenshots.mjs http://127.0.0.1:8181
import { chromium } from "playwright-core";

const base = process.argv[2] ?? "http://127.0.0.1:8181";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
for (const [name, path] of [["home", "/"], ["article", "/articles/broad-front-panel"]]) {
  for (const width of [375, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: width < 600 ? 812 : 900 }, colorScheme: "light" });
    await page.goto(base + path);
    await page.locator("main h1").first().waitFor({ state: "attached" });
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `docs/screenshots/${name}-${width}.png` });
    await page.close();
  }
}
await browser.close();
console.log("wrote docs/screenshots/{home,article}-{375,1280}.png");
