import { expect, type Page, test } from "@playwright/test";
import { totpCode } from "../../lib/auth/second-factor/totp";
import { ACCOUNTS, giveTotpCode, leaveAccount, signIn } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { inviteAsAdmin } from "../fixtures/invitations";
import { mailsTo } from "../fixtures/services";

// The second factor as people meet it: a new admin enrols (QR code and typed key, a code, ten
// recovery codes shown once), the half-signed-in state opens nothing, a recovery code works once;
// a director requires an e-mailed code (or SSO only) for their establishment's accounts.

const SHOTS = "test-results/screenshots";
const PASSWORD = "une phrase de passe assez longue";

/** The invited person activates their account through the link, in their own browser. */
async function activate(page: Page, link: string) {
  await page.goto(link);
  await page.locator("#password").fill(PASSWORD);
  await page.getByLabel("Confirmation du mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "Activer mon compte" }).click();
}

async function passwordStep(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

test.describe("[AUTH] the admin's second factor", () => {
  // Two admins' codes, each possibly waiting for the next 30-second step (a code serves once).
  test.describe.configure({ timeout: 180_000 });
  test("a new admin enrols an authenticator, keeps recovery codes, and uses one once", async ({ page, browser }) => {
    await signIn(page, ACCOUNTS.admin);
    const email = `admin.nouveau.${Date.now()}@socle.test`;
    const link = await inviteAsAdmin(page, { email, name: "Morgane Admin", role: "Administration de la plateforme" });

    const context = await browser.newContext();
    const person = await context.newPage();
    await activate(person, link);
    // The password is right, but no admin page opens before an authenticator is enrolled.
    await expect(person).toHaveURL(/\/connexion\/second-facteur/);
    await expect(person.getByRole("heading", { name: "Activer la vérification en deux étapes" })).toBeVisible();
    await expect(person.getByRole("img", { name: /QR code/ })).toBeVisible();
    await expect(person.getByLabel("Code à 6 chiffres")).toBeFocused();
    await expect(person.getByLabel("Code à 6 chiffres")).toHaveAttribute("autocomplete", "one-time-code");
    await expect(person.getByLabel("Code à 6 chiffres")).toHaveAttribute("inputmode", "numeric");
    await expectNoAxeViolations(person, "TOTP enrolment");
    await person.screenshot({ path: `${SHOTS}/second-factor-enrol.png`, fullPage: true });

    // Half signed in: every page leads back to the code step, every command answers 401.
    await person.goto("/admin/users");
    await expect(person).toHaveURL(/\/connexion\/second-facteur/);
    const command = await person.request.post("/api/admin/users/x/password-reset", {
      headers: { origin: new URL(person.url()).origin },
      data: {},
    });
    expect(command.status()).toBe(401);

    const secret = (await person.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await person.getByLabel("Code à 6 chiffres").fill("000000");
    await person.getByRole("button", { name: "Activer" }).click();
    await expect(person.getByText(/Code incorrect/).first()).toBeVisible();
    await person.getByLabel("Code à 6 chiffres").fill(totpCode(secret, Date.now()));
    await person.getByRole("button", { name: "Activer" }).click();

    const codes = person.getByTestId("recovery-codes");
    await expect(codes.getByRole("heading", { name: "Vos codes de secours" })).toBeFocused();
    const list = await codes.locator("ol.recovery-codes li").allInnerTexts();
    expect(list).toHaveLength(10);
    await expectNoAxeViolations(person, "recovery codes");
    await person.screenshot({ path: `${SHOTS}/second-factor-recovery-codes.png`, fullPage: true });
    await expect(person.getByRole("button", { name: "Continuer vers Socle" })).toBeDisabled();
    await person.getByLabel("J'ai conservé ces codes en lieu sûr").check();
    await person.getByRole("button", { name: "Continuer vers Socle" }).click();
    await expect(person.getByTestId("header-user")).toContainText("Morgane Admin");
    await expect(person.getByRole("heading", { name: /Administration de la plateforme/ }).first()).toBeVisible();

    // Next sign-in: the code page; the phone is lost, a recovery code serves once.
    await leaveAccount(person);
    await passwordStep(person, email);
    await expect(person.getByRole("heading", { name: "Code de votre application" })).toBeVisible();
    await expectNoAxeViolations(person, "TOTP code");
    await person.screenshot({ path: `${SHOTS}/second-factor-code.png`, fullPage: true });
    await person.getByRole("button", { name: /utiliser un code de secours/ }).click();
    await person.getByRole("textbox", { name: /Code de secours/ }).fill(list[0]!.toLowerCase());
    await person.getByRole("button", { name: "Utiliser ce code de secours" }).click();
    await expect(person.getByTestId("header-user")).toContainText("Morgane Admin");
    await leaveAccount(person);
    await passwordStep(person, email);
    await person.getByRole("button", { name: /utiliser un code de secours/ }).click();
    await person.getByRole("textbox", { name: /Code de secours/ }).fill(list[0]!);
    await person.getByRole("button", { name: "Utiliser ce code de secours" }).click();
    await expect(person.getByText("Code de secours incorrect ou déjà utilisé.").first()).toBeVisible();
    await person.getByRole("button", { name: "Utiliser le code de mon application" }).click();
    await giveTotpCode(person, secret);

    // The demo admin sees the factor on the account page: no password field, a reset link, a reset.
    await page.goto("/admin/users");
    await page.getByRole("link", { name: "Morgane Admin" }).click();
    await expect(page.getByLabel(/Nouveau mot de passe/)).toHaveCount(0);
    await expect(page.getByTestId("second-factor")).toContainText("9 codes de secours restants");
    await page.getByRole("button", { name: "Envoyer un lien de réinitialisation du mot de passe" }).click();
    await expect(page.getByTestId("invitation-issued")).toContainText("Lien de réinitialisation du mot de passe créé");
    const resetLink = await page.getByTestId("invitation-link").inputValue();
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Réinitialiser l'application d'authentification" }).click();
    await expect(page.getByText(/Application d'authentification réinitialisée/)).toBeVisible();

    // The reset link: the person chooses a new password, then enrols a new authenticator.
    const other = await (await browser.newContext()).newPage();
    await other.goto(resetLink);
    await expect(other.getByRole("heading", { name: "Choisir un nouveau mot de passe" })).toBeVisible();
    await other.locator("#password").fill("une toute autre phrase de passe");
    await other.getByLabel("Confirmation du mot de passe").fill("une toute autre phrase de passe");
    await other.getByRole("button", { name: "Enregistrer mon nouveau mot de passe" }).click();
    await expect(other.getByRole("heading", { name: "Activer la vérification en deux étapes" })).toBeVisible();
    await context.close();
  });
});

test.describe("[AUTH] the director's sign-in policy", () => {
  test.describe.configure({ timeout: 120_000 });
  test("password + e-mailed code, then SSO only, for the accounts of the establishment", async ({ page, browser }) => {
    await signIn(page, ACCOUNTS.admin);
    const email = `direction.${Date.now()}@saint-malo.test`;
    const link = await inviteAsAdmin(page, {
      email,
      name: "Katell Directrice",
      role: "Direction d'établissement",
      establishment: "CH de Saint-Malo",
    });
    const context = await browser.newContext();
    const director = await context.newPage();
    await activate(director, link);
    await expect(director.getByTestId("header-user")).toContainText("Katell Directrice");
    await director
      .getByRole("link", { name: /CH de Saint-Malo/ })
      .first()
      .click();

    const card = director.getByTestId("sign-in-policy");
    await expect(card.getByRole("heading", { name: "Connexion des comptes de l'établissement" })).toBeVisible();
    await card.getByLabel(/Mot de passe et code reçu par courriel/).check();
    await expectNoAxeViolations(director, "sign-in policy");
    await card.screenshot({ path: `${SHOTS}/sign-in-policy.png` });
    await card.getByRole("button", { name: "Enregistrer la règle" }).click();
    await expect(card.getByText("Règle de connexion enregistrée.")).toBeVisible();

    await leaveAccount(director);
    const before = (await mailsTo(email)).length;
    await passwordStep(director, email);
    await expect(director.getByRole("heading", { name: "Code reçu par courriel" })).toBeVisible();
    await expect(director.getByLabel("Code à 6 chiffres")).toBeFocused();
    await expectNoAxeViolations(director, "e-mailed code");
    await director.screenshot({ path: `${SHOTS}/second-factor-email-code.png`, fullPage: true });
    await expect.poll(async () => (await mailsTo(email)).length).toBe(before + 1);
    const mail = (await mailsTo(email)).at(-1)!;
    const code = /code de connexion à Socle : (\d{6})/.exec(mail.text)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await director.getByLabel("Code à 6 chiffres").fill(code!);
    await director.getByRole("button", { name: "Valider le code" }).click();
    await expect(director.getByTestId("header-user")).toContainText("Katell Directrice");

    // SSO only: the password is refused with a message that points to the SSO buttons.
    await director
      .getByRole("link", { name: /CH de Saint-Malo/ })
      .first()
      .click();
    await card.getByLabel(/ProConnect ou Pro Santé Connect uniquement/).check();
    await card.getByRole("button", { name: "Enregistrer la règle" }).click();
    await expect(card.getByText("Règle de connexion enregistrée.")).toBeVisible();
    await leaveAccount(director);
    await passwordStep(director, email);
    await expect(director.getByTestId("form-error")).toContainText("ProConnect ou Pro Santé Connect");
    await expect(director.getByRole("button", { name: /ProConnect/ }).first()).toBeVisible();
    await director.screenshot({ path: `${SHOTS}/sign-in-sso-required.png`, fullPage: true });
    await context.close();
  });
});
