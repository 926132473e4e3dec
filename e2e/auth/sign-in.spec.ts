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
  // Serial: the lock-out test must come after the account it locks has signed in once.
  test.describe.configure({ mode: "serial" });

  for (const a of demo.accounts) {
    test(`${a.email} lands on the ${a.role} home`, async ({ page }) => {
      await signIn(page, a.email);
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

  test("an account is locked after five failures, even with the right password", async ({ page }) => {
    const email = "directeur.nantes@demo.socle.fr"; // used by no other spec once locked
    for (let i = 0; i < 5; i++) {
      await page.goto("/login");
      await page.getByLabel("Adresse électronique").fill(email);
      await page.getByLabel("Mot de passe").fill(`faux-${i}`);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await expect(page.getByTestId("form-error")).toBeVisible();
    }
    await page.goto("/login");
    await page.getByLabel("Adresse électronique").fill(email);
    await page.getByLabel("Mot de passe").fill("socle-demo-2026");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByTestId("form-error")).toContainText("Trop de tentatives");
  });

  test("signing out returns to the sign-in page and protects the home", async ({ page }) => {
    await signIn(page, ACCOUNTS.delegate);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    expect(account(ACCOUNTS.delegate).role).toBe("regional_delegate");
  });
});
