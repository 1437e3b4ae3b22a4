// Shared helpers for the end-to-end specs.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The generated archive's bucket (built by `cargo xtask test`: 45 synthetic articles). */
export const GEN_BUCKET = path.resolve(root, process.env.GEN_BUCKET_DIR ?? "target/bucket/gen");

/** Starts another copy of the test server on `port` with another bucket (and optionally another dist). */
export async function startServer({ port, bucket, dist }) {
  const child = spawn("node", [path.join(root, "tests/e2e/server.mjs")], {
    env: { ...process.env, PORT: String(port), BUCKET_DIR: bucket, ...(dist ? { DIST_DIR: dist } : {}) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve, reject) => {
    child.stdout.once("data", resolve);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, close: () => child.kill() };
}

/**
 * Collects panics, uncaught errors and Content-Security-Policy refusals (the e2e server
 * sends the real policy from dist/_headers; Chromium logs each refusal) from a page, to
 * assert there were none.
 */
export function watchForPanics(page) {
  const problems = [];
  page.on("console", (m) => {
    if (/panicked at|Content Security Policy/.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  return problems;
}

/** A free TCP port on 127.0.0.1 (for a second server: another origin, another bucket). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Opens `url` and waits until the app has taken over the page the build rendered for it (or,
 * on an entry or the bare shell, mounted): what a test of the app's own behaviour needs first.
 */
export async function openApp(page, url) {
  const response = await page.goto(url);
  await page.locator("body[data-app-mounted]").waitFor({ state: "attached" });
  return response;
}

/**
 * Opens `url` the way a reader already on the site does, by following a link the app draws:
 * the app (taken over on `from`) loads the page from the bucket, rather than the build having
 * rendered it. Tests of what a failing bucket file shows start here.
 */
export async function openInApp(page, url, from = "/topics") {
  await openApp(page, from);
  await page.evaluate((href) => {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = "Go";
    document.querySelector("main").append(a);
    a.click();
  }, url);
}

/**
 * A copy of the built site (dist/) with its pages rendered from `bucket` instead, as a deploy
 * of that bucket would be; for a second server with another bucket. Removed with `remove()`.
 */
export function renderedSite(bucket, from = process.env.DIST_DIR ?? path.join(root, "dist")) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "convergence-site-"));
  fs.cpSync(from, dir, { recursive: true });
  // Rendered from the shell Trunk wrote, never from the other bucket's pages.
  fs.copyFileSync(path.join(from, "shell.html"), path.join(dir, "index.html"));
  for (const page of fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith("index.html"))) {
    const text = fs.readFileSync(path.join(dir, page), "utf8");
    if (page !== "index.html" && text.includes("data-rendered-route")) fs.rmSync(path.join(dir, page));
  }
  execFileSync(path.join(root, "target/prerender/prerender"), ["--bucket", bucket, "--dist", dir], { stdio: "pipe" });
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
