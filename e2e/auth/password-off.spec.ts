import { type ChildProcess, spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD } from "../fixtures/auth";
import { OIDC_ORIGIN } from "../fixtures/services";

// SOCLE_PASSWORD_SIGN_IN=0 (sign-in through ProConnect / Pro Santé Connect only): a second server,
// started here on the same build with that setting and its own data folder, shows no password form
// and its credentials endpoint signs nobody in, not even with a right password.

// Past the offsets playwright.config.ts gives its own services (+72 to +74), for every helper's port.
const PORT = Number(process.env.E2E_PORT_PASSWORD_OFF ?? Number(process.env.E2E_PORT ?? 3100) + 90);
const BASE = `http://127.0.0.1:${PORT}`;
let server: ChildProcess | undefined;
let output = "";

test.describe("[AUTH] SOCLE_PASSWORD_SIGN_IN=0", () => {
  test.describe.configure({ mode: "serial", timeout: 300_000 });

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    server = spawn(process.execPath, ["scripts/start.mjs"], {
      env: {
        ...process.env,
        PORT: String(PORT),
        SOCLE_DATA_DIR: ".data/e2e-password-off",
        SOCLE_FRESH: "1",
        SOCLE_DEMO: "1",
        SOCLE_PASSWORD_SIGN_IN: "0",
        AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
        DATABASE_URL: "",
        PROCONNECT_ISSUER: `${OIDC_ORIGIN}/api/v2`,
        PROCONNECT_CLIENT_ID: "socle-proconnect",
        PROCONNECT_CLIENT_SECRET: "proconnect-test-secret-0123456789abcdef",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    for (let i = 0; i < 1000 && server.exitCode === null; i++) {
      const up = await fetch(`${BASE}/login`).then(
        async (r) => r.status === 200 && (await r.text()).includes("Socle"),
        () => false,
      );
      if (up && server.exitCode === null) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the second server did not start:\n${output.slice(-3000)}`);
  });

  test.afterAll(() => {
    server?.kill("SIGTERM");
  });

  test("the sign-in page offers SSO only, and the credentials endpoint signs nobody in", async ({ page }) => {
    await page.goto(`${BASE}/login`);
    await expect(page.getByRole("button", { name: "S'identifier avec ProConnect" })).toBeVisible();
    await expect(page.getByLabel("Mot de passe")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Se connecter" })).toHaveCount(0);
    await expect(page.getByText("ou avec votre adresse électronique")).toHaveCount(0);

    const csrf = await page.request.get(`${BASE}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const attempt = await page.request.post(`${BASE}/api/auth/callback/credentials`, {
      form: { email: ACCOUNTS.director, password: DEMO_PASSWORD, csrfToken, callbackUrl: `${BASE}/` },
      maxRedirects: 0,
    });
    expect(attempt.status()).toBeLessThan(500);
    const cookies = await page.context().cookies(BASE);
    expect(cookies.filter((c) => c.name.endsWith("authjs.session-token"))).toEqual([]);
    await page.goto(`${BASE}/`);
    await expect(page).toHaveURL(/\/login/);
  });
});
