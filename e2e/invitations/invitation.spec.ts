import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "../fixtures/auth";
import { GHBS, inviteAsAdmin } from "../fixtures/invitations";
import { mailsTo } from "../fixtures/services";

// Invitations replace the admin typing passwords: the link is shown once and mailed (to the SMTP
// server playwright.config.ts starts), used once, and the person lands on their own home.

test.describe("[INVITATIONS] invitation flow", () => {
  test("the admin invites a contributor; the mailed link sets a password once and lands on their home", async ({
    page,
    browser,
  }) => {
    await signIn(page, ACCOUNTS.admin);
    await page.goto("/admin/users/new");
    await expect(page.getByLabel("Mot de passe")).toHaveCount(0); // no admin ever types a password
    const email = `dpo.invite.${Date.now()}@ghbs.test`;
    const link = await inviteAsAdmin(page, {
      email,
      name: "Gwenaëlle Le Bihan",
      role: "Contributeur",
      fn: "DPO",
      establishment: GHBS,
    });
    expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{43}$/);
    await expect(page.getByTestId("invitation-mail")).toContainText("envoyé par courriel");
    await page.screenshot({ path: "test-results/screenshots/invitation-issued.png", fullPage: true });

    await expect.poll(async () => (await mailsTo(email)).length).toBe(1);
    const [mail] = await mailsTo(email);
    expect(mail!.text).toContain(link);
    expect(mail!.text).toContain("Bonjour Gwenaëlle Le Bihan,");
    expect(mail!.raw).toMatch(/^Subject: /m);

    // The invited person, in their own browser.
    const invited = await browser.newContext();
    const person = await invited.newPage();
    await person.goto(link);
    await expect(person.getByTestId("invitation-who")).toContainText("Gwenaëlle Le Bihan");
    await expect(person.getByTestId("invitation-who")).toContainText(email);
    await expect(person.getByRole("button", { name: "Lier mon identité ProConnect" })).toBeVisible();
    await person.screenshot({ path: "test-results/screenshots/invitation-accept.png", fullPage: true });
    await person.locator("#password").fill("court");
    await person.getByRole("button", { name: "Activer mon compte" }).click();
    await expect(person.getByText("au moins 12 caractères")).toBeVisible();
    await person.locator("#password").fill("un mot de passe bien long");
    await person.getByLabel("Confirmation du mot de passe").fill("un mot de passe bien long");
    await person.getByRole("button", { name: "Activer mon compte" }).click();
    await expect(person.getByTestId("header-user")).toContainText("Gwenaëlle Le Bihan");
    await expect(person.getByRole("heading", { name: "Sections qui vous sont confiées" })).toBeVisible();
    await person.screenshot({ path: "test-results/screenshots/invitation-landed.png", fullPage: true });

    // Single use: the same link, even in another browser, is dead.
    const again = await (await browser.newContext()).newPage();
    await again.goto(link);
    await expect(again.getByTestId("invitation-invalid")).toContainText("n'est plus valable");
    await expect(again.getByLabel("Mot de passe")).toHaveCount(0);

    // The admin sees the account activated.
    await page.goto("/admin/users");
    await page.getByRole("link", { name: "Gwenaëlle Le Bihan" }).click();
    await expect(page.getByTestId("account-access")).toContainText("Compte activé");
    await expect(page.getByTestId("account-access")).toContainText("Mot de passe choisi par la personne");
    await invited.close();
  });

  test("a director invites a contributor to their establishment", async ({ page }) => {
    await signIn(page, ACCOUNTS.director);
    await page
      .getByRole("link", { name: /Groupe hospitalier Bretagne Sud/ })
      .first()
      .click();
    await page.getByRole("link", { name: /Contributeurs/ }).click();
    const email = `dsi.adjoint.${Date.now()}@ghbs.test`;
    await page.getByLabel("Adresse électronique").fill(email);
    await page.getByLabel("Nom complet").fill("Erwan Le Dantec");
    await page.getByLabel("Rôle de contributeur").selectOption({ label: "DSI" });
    await page.getByRole("button", { name: "Inviter ce contributeur" }).click();
    await expect(page.getByTestId("invitation-link")).toHaveValue(/\/invitation\//);
    await expect(page.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) })).toContainText(
      "Invitation envoyée",
    );
    await page.screenshot({ path: "test-results/screenshots/invitation-director.png", fullPage: true });
    await expect.poll(async () => (await mailsTo(email)).length).toBe(1);
  });

  test("a made-up invitation link gets a French page, not a form", async ({ page }) => {
    await page.goto(`/invitation/${"x".repeat(43)}`);
    await expect(page.getByTestId("invitation-invalid")).toContainText("Demandez un nouveau lien");
  });
});
