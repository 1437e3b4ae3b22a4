// Shared helpers for the end-to-end specs.
import { spawn } from "node:child_process";
import net from "node:net";
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
