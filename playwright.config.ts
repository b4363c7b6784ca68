// End-to-end tests: Debian's Chromium (Playwright's own browser download does not work on these
// machines) against a production build served by `scripts/serve.ts start --ephemeral`, which runs
// on a throw-away database that is migrated and seeded with the demo directory.
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { E2E_STRIPE } from "./e2e/support/stripe";

const port = Number(process.env.E2E_PORT ?? 3100);
// serve.ts --ephemeral writes its throw-away DATABASE_URL here, so tests can drive the CLI against it.
process.env.E2E_STATE_FILE ??= path.join(os.tmpdir(), `blogatlas-e2e-${port}.json`);
// The app's mail goes to an in-process SMTP server (e2e/global-setup.ts) that files each message here.
process.env.E2E_SMTP_PORT ??= String(port + 25);
process.env.E2E_MAIL_DIR ??= mkdtempSync(path.join(os.tmpdir(), "blogatlas-e2e-mail-"));
// A local "blog" that tests start on this port; the web server may fetch it (submissions).
process.env.E2E_FEED_PORT ??= String(port + 26);
// The local Stripe (e2e/global-setup.ts) listens here; the app's STRIPE_API_BASE points at it.
process.env.E2E_STRIPE_PORT ??= String(port + 27);
const executablePath = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => existsSync(file));

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // Several tests walk a whole flow (sign in by mail, act, check as a visitor). On CI's 2 cores,
  // shared with the web server, PostgreSQL and a second worker, such a flow has taken 26 s of a
  // 30 s limit: 60 s keeps a slow machine from failing a test that works, and lets a test's own
  // 20-30 s waits (toPass) report what they waited for instead of a bare test timeout.
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
        },
      },
    },
  ],
  webServer: {
    command: `node_modules/.bin/tsx --conditions=react-server scripts/serve.ts start --ephemeral --port ${port}`,
    url: `http://localhost:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: { E2E_STATE_FILE: process.env.E2E_STATE_FILE, SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`, ADMIN_EMAILS: "first-admin@blogatlas.example", INGEST_ALLOW_HOSTS: `127.0.0.1:${process.env.E2E_FEED_PORT}`,
      // GitHub sign-in switched on (its authorization step needs no network; the test stops at GitHub's door).
      GITHUB_ID: "e2e-github-client",
      GITHUB_SECRET: "e2e-github-secret",
      STRIPE_SECRET_KEY: E2E_STRIPE.secretKey,
      STRIPE_WEBHOOK_SECRET: E2E_STRIPE.webhookSecret,
      STRIPE_PRICE_MONTHLY: E2E_STRIPE.monthly,
      STRIPE_PRICE_YEARLY: E2E_STRIPE.yearly,
      STRIPE_API_BASE: `http://127.0.0.1:${process.env.E2E_STRIPE_PORT}`,
    },
  },
});
