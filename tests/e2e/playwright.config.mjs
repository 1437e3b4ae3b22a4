// Playwright drives Debian's Chromium (Playwright's own browser downloads are not used).
import { defineConfig } from "@playwright/test";

// E2E_PORT and DIST_DIR let several checkouts run the suite at once against their own builds.
const port = Number(process.env.E2E_PORT ?? 8181);

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.mjs$/,
  outputDir: "./.output",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
      ],
    },
    trace: "off",
    // Playwright's routing and request events do not see what a service worker fetches, so the
    // site's worker is kept out of every test but offline.spec.mjs, which allows it. Blocked,
    // registration fails, which is also what a browser without workers does.
    serviceWorkers: "block",
  },
  webServer: {
    command: `node tests/e2e/server.mjs`,
    cwd: "../..",
    env: { PORT: String(port), ...(process.env.DIST_DIR ? { DIST_DIR: process.env.DIST_DIR } : {}) },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
