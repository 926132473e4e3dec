import { defineConfig, devices } from "@playwright/test";

// End-to-end against a production build on Debian's chromium, on a fresh PGlite data folder.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
// Test services beside the app (e2e/fixtures/services.ts has the same offsets): a local OpenID
// provider playing ProConnect and Pro Santé Connect, and an SMTP server that keeps the mails.
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? PORT + 72);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? PORT + 73);
const MAILBOX_PORT = Number(process.env.E2E_MAILBOX_PORT ?? PORT + 74);
const OIDC = `http://localhost:${OIDC_PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: "node e2e/support/oidc-provider.mjs",
      url: `http://127.0.0.1:${OIDC_PORT}/__test/health`,
      reuseExistingServer: false,
      env: { OIDC_PORT: String(OIDC_PORT), APP_ORIGIN: baseURL },
    },
    {
      command: "npx tsx e2e/support/mail-sink.ts",
      url: `http://127.0.0.1:${MAILBOX_PORT}/mails`,
      reuseExistingServer: false,
      env: { SMTP_PORT: String(SMTP_PORT), MAILBOX_PORT: String(MAILBOX_PORT) },
    },
    {
      command: "node scripts/start.mjs",
      url: `${baseURL}/login`,
      timeout: 600_000, // a cold production build on a shared two-core machine
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(PORT),
        SOCLE_DATA_DIR: ".data/e2e",
        SOCLE_FRESH: "1",
        SOCLE_DEMO: "1",
        AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
        DATABASE_URL: "",
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        PROCONNECT_ISSUER: `${OIDC}/api/v2`,
        PROCONNECT_CLIENT_ID: "socle-proconnect",
        PROCONNECT_CLIENT_SECRET: "proconnect-test-secret-0123456789abcdef",
        PSC_ISSUER: `${OIDC}/auth/realms/esante-wallet`,
        PSC_CLIENT_ID: "socle-psc",
        PSC_CLIENT_SECRET: "psc-test-secret-0123456789abcdef",
      },
    },
  ],
});
