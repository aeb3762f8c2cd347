import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

// Runs against the production build (`npm run build` first) with Debian's
// Chromium (no browser is downloaded), on a fresh embedded database, or on
// the PostgreSQL database named by E2E_DATABASE_URL.
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `rm -rf .data/e2e && ./node_modules/.bin/next start -H localhost -p ${PORT}`,
    url: `${baseURL}/sign-in`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      KITH_DATA_DIR: ".data/e2e",
      AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
      AUTH_URL: baseURL,
      KITH_OUTBOX: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      CRON_SECRET: "e2e-cron-secret-0123456789",
      KITH_DIGEST_INTERVAL_MINUTES: "0",
      // The suite is the proxy: fromOwnAddress (fixtures.ts) appends each person's address.
      KITH_TRUSTED_PROXY_HOPS: "1",
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  },
});
