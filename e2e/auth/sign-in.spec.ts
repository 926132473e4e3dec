import { expect, test } from "@playwright/test";
import { account, ACCOUNTS, signIn } from "../fixtures/auth";
import demo from "../../prisma/seed/demo-accounts.json" with { type: "json" };

// What each role's home must show first: the proof they landed on their own home.
const HOME_HEADINGS: Record<string, RegExp> = {
  director: /Groupe hospitalier Bretagne Sud|CH de Cornouaille|CHU de Nantes/,
  contributor: /Sections qui vous sont confiées/,
  ght_coordinator: /Coordination — GHT Union Hospitalière de Cornouaille/,
  regional_delegate: /Délégation régionale — (Bretagne|Pays de la Loire)/,
  ars_reviewer: /ARS — Bretagne/,
  admin: /Administration de la plateforme/,
};

test.describe("[AUTH] sign-in", () => {
  // Serial: the slow-down and password tests must come after their accounts have signed in once.
  test.describe.configure({ mode: "serial" });

  for (const a of demo.accounts) {
    test(`${a.email} lands on the ${a.role} home`, async ({ page }) => {
      await signIn(page, a.email, undefined, { reuseSession: false }); // the whole form, second factor included
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByTestId("header-user")).toContainText(a.name);
      await expect(page.getByRole("heading", { name: HOME_HEADINGS[a.role] }).first()).toBeVisible();
    });
  }

  test("a wrong password and an unknown email get the same French message", async ({ page }) => {
    const messages: string[] = [];
    for (const email of [ACCOUNTS.admin, "personne@exemple.fr"]) {
      await page.goto("/login");
      await page.getByLabel("Adresse électronique").fill(email);
      await page.getByLabel("Mot de passe").fill("mauvais-mot-de-passe");
      await page.getByRole("button", { name: "Se connecter" }).click();
      const alert = page.getByTestId("form-error");
      await expect(alert).toBeVisible();
      messages.push((await alert.textContent()) ?? "");
    }
    expect(messages[0]).toBe("Adresse électronique ou mot de passe incorrect.");
    expect(messages[1]).toBe(messages[0]);
  });

  test("an empty form is refused field by field, without a request", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByText("Saisissez une adresse électronique valide.")).toBeVisible();
    await expect(page.getByText("Saisissez votre mot de passe.")).toBeVisible();
  });

  test("a burst of wrong passwords slows the account down, and the right password opens once the wait is over", async ({
    page,
  }) => {
    const email = "directeur.nantes@demo.socle.fr"; // used by no other spec
    // Parallel tries straight at next-auth's endpoint: they cannot pass the count.
    const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
    const attempt = (password: string) =>
      page.request
        .post("/api/auth/callback/credentials", {
          form: { email, password, csrfToken },
          headers: { "X-Auth-Return-Redirect": "1" },
        })
        .then(async (r) => String((await r.json()).url));
    const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => attempt(`faux-${i}`)));
    // Three free tries, then a delay: the burst cannot all reach the password check.
    expect(burst.filter((url) => url.includes("code=rate_limited")).length).toBeGreaterThanOrEqual(1);
    // The form names the wait rather than locking the account (a try that got through doubles it).
    const alert = page.getByTestId("form-error");
    let message = "";
    for (let i = 0; i < 6 && !message.includes("patientez"); i++) {
      await page.goto("/login");
      await page.getByLabel("Adresse électronique").fill(email);
      await page.getByLabel("Mot de passe").fill(`encore-faux-${i}`);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await expect(alert).toBeVisible();
      message = (await alert.textContent()) ?? "";
    }
    expect(message).toMatch(/Trop de tentatives échouées : patientez \d+ (seconde|minute)/);
    const seconds = Number(/patientez (\d+)/.exec(message)![1]);
    expect(seconds).toBeLessThanOrEqual(30);
    // Once the wait is over, the right password opens: the rightful user is never locked out.
    await page.waitForTimeout(seconds * 1000 + 500);
    await page.getByLabel("Mot de passe").fill("socle-demo-2026");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByTestId("header-user")).toBeVisible();
  });

  for (const hostile of ["/%5Cevil.example", "/%09/evil.example"]) {
    test(`callbackUrl=${hostile} stays on the site after sign-in`, async ({ page, baseURL }) => {
      await page.goto(`/login?callbackUrl=${hostile}`);
      await page.getByLabel("Adresse électronique").fill(ACCOUNTS.ars);
      await page.getByLabel("Mot de passe").fill("socle-demo-2026");
      await page.getByRole("button", { name: "Se connecter" }).click();
      await expect(page.getByTestId("header-user")).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    });
  }

  test("a copied session cookie stops working once its owner signs out", async ({ page, browser }) => {
    await signIn(page, "dsi.ghbs@demo.socle.fr"); // signing out ends all its sessions: an account no other spec uses
    const thief = await browser.newContext({ storageState: await page.context().storageState() });
    const stolen = await thief.newPage();
    await stolen.goto("/");
    await expect(stolen.getByTestId("header-user")).toBeVisible();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/login/);
    await stolen.goto("/");
    await expect(stolen).toHaveURL(/\/login/);
    const save = await stolen.request.put("/api/assessments/x/answers", {
      data: { requirementCode: "P1.1", kind: "unknown", expectedVersion: 0 },
      headers: { origin: new URL(stolen.url()).origin },
    });
    expect(save.status()).toBe(401);
    await thief.close();
  });

  test("a user changes their own password; the old one no longer opens", async ({ page }) => {
    const email = "dpo.ghbs@demo.socle.fr"; // used by no other spec
    await signIn(page, email);
    await page.getByRole("link", { name: "Mot de passe" }).click();
    await expect(page.getByRole("heading", { name: "Changer de mot de passe" })).toBeVisible();
    await page.getByLabel("Mot de passe actuel").fill("socle-demo-2026");
    await page.getByLabel("Nouveau mot de passe —").fill("é".repeat(40));
    await page.getByLabel("Confirmez le nouveau mot de passe").fill("é".repeat(40));
    await page.getByRole("button", { name: "Changer de mot de passe" }).click();
    await expect(page.getByText(/trop long : 72 octets au plus/)).toBeVisible();
    await page.screenshot({ path: "test-results/screens/account-password.png", fullPage: true });
    await page.getByLabel("Nouveau mot de passe —").fill("une phrase bien à moi");
    await page.getByLabel("Confirmez le nouveau mot de passe").fill("une phrase bien à moi");
    await page.getByRole("button", { name: "Changer de mot de passe" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("header-user")).toBeVisible();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.getByLabel("Adresse électronique").fill(email);
    await page.getByLabel("Mot de passe").fill("socle-demo-2026");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByTestId("form-error")).toContainText("incorrect");
    await signIn(page, email, "une phrase bien à moi");
  });

  test("signing out returns to the sign-in page and protects the home", async ({ page }) => {
    const email = "directeur.nantes@demo.socle.fr"; // signing out ends all its sessions: no other spec uses it
    await signIn(page, email);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    expect(account(email).role).toBe("director");
  });
});
