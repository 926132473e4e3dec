import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "../fixtures/auth";
import { GHBS, inviteAsAdmin } from "../fixtures/invitations";
import {
  loginAtProvider,
  type Persona,
  proconnectPersona,
  providerLogouts,
  registerPersona,
  tamperNextIdToken,
} from "../fixtures/oidc";
import { APP_SSO_ORIGIN, OIDC_ORIGIN, onSsoOrigin } from "../fixtures/services";

// ProConnect and Pro Santé Connect through the real next-auth code path, against the local OpenID
// provider playwright.config.ts starts (e2e/support/oidc-provider.mjs).

test.describe.configure({ mode: "serial" });

let admin: Page;
let adminContext: BrowserContext;
const stamp = Date.now();

test.beforeAll(async ({ browser }) => {
  adminContext = await browser.newContext();
  admin = await adminContext.newPage();
  await signIn(admin, ACCOUNTS.admin);
});
test.afterAll(async () => {
  await adminContext?.close();
});

async function accessCard(name: string) {
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name, exact: true }).click();
  return admin.getByTestId("account-access");
}

async function fresh(browser: Browser) {
  const context = await browser.newContext({ baseURL: APP_SSO_ORIGIN });
  return { context, page: await context.newPage() };
}

test("[SSO] the sign-in page shows one button per configured provider, above the password form", async ({ page }) => {
  await page.goto(`${APP_SSO_ORIGIN}/login`);
  await expect(page.getByRole("button", { name: "S'identifier avec ProConnect" })).toBeVisible();
  await expect(page.getByRole("button", { name: "S'identifier avec Pro Santé Connect" })).toBeVisible();
  await expect(page.getByLabel("Mot de passe")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/sso-sign-in.png", fullPage: true });
});

test("[SSO] ProConnect: an invited account links by email + SIRET, later by subject; sign-out ends the provider session", async ({
  browser,
}) => {
  const email = `agent.pc.${stamp}@ghbs.test`;
  const name = `Agent ProConnect ${stamp}`;
  await inviteAsAdmin(admin, { email, name, role: "Contributeur", fn: "RSSI", establishment: GHBS });
  const persona = proconnectPersona(`agent-pc-${stamp}`, email.toUpperCase()); // e-mail compared lower-cased
  await registerPersona(persona);

  const { context, page } = await fresh(browser);
  await page.goto(`${APP_SSO_ORIGIN}/login`);
  const authorizeRequest = page.waitForRequest((r) => r.url().startsWith(`${OIDC_ORIGIN}/api/v2/auth?`));
  await page.getByRole("button", { name: "S'identifier avec ProConnect" }).click();
  // The authorization request carries state, nonce (32+ characters), PKCE S256, scopes and acr.
  const authorize = new URL((await authorizeRequest).url());
  expect(authorize.searchParams.get("state")?.length).toBeGreaterThanOrEqual(32);
  expect(authorize.searchParams.get("nonce")?.length).toBeGreaterThanOrEqual(32);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorize.searchParams.get("scope")).toBe("openid email given_name usual_name siret");
  expect(authorize.searchParams.get("acr_values")).toBe("eidas1");
  expect(JSON.parse(authorize.searchParams.get("claims") ?? "{}")).toEqual({
    id_token: { amr: null, acr: { essential: true } },
  });
  await loginAtProvider(page, persona.login);
  await expect(page.getByTestId("header-user")).toContainText(name);
  await expect(page.getByRole("heading", { name: "Sections qui vous sont confiées" })).toBeVisible();

  const card = await accessCard(name);
  await expect(card).toContainText("Compte activé");
  await expect(card).toContainText("Identité ProConnect liée");
  await expect(card).toContainText("eidas1");

  // Sign-out: Socle's session ends, then the provider's (id_token_hint + state checked on return).
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(new RegExp(`^${OIDC_ORIGIN}/api/v2/session/end`));
  await page.getByRole("button", { name: "Se déconnecter du fournisseur" }).click();
  await expect(page).toHaveURL(/\/login\?deconnexion=fournisseur/);
  expect(await providerLogouts()).toContainEqual({ provider: "proconnect", client: "socle-proconnect" });
  await page.goto(`${APP_SSO_ORIGIN}/`);
  await expect(page).toHaveURL(/\/login/);

  // Next sign-in: the provider asks again (its session ended); the account is found by (provider,
  // subject) even though the provider now gives another email.
  await registerPersona({ ...persona, claims: { ...persona.claims, email: `renamed.${stamp}@ghbs.test` } });
  await page.getByRole("button", { name: "S'identifier avec ProConnect" }).click();
  await loginAtProvider(page, persona.login);
  await expect(page.getByTestId("header-user")).toContainText(name);
  await context.close();
});

test("[SSO] an unknown identity gets the French unknown-account page, and nothing is created", async ({ browser }) => {
  const persona = proconnectPersona(`inconnu-${stamp}`, `inconnu.${stamp}@ailleurs.test`);
  await registerPersona(persona);
  const { context, page } = await fresh(browser);
  await page.goto(`${APP_SSO_ORIGIN}/login`);
  await page.getByRole("button", { name: "S'identifier avec ProConnect" }).click();
  await loginAtProvider(page, persona.login);
  await expect(page).toHaveURL(/\/connexion\/compte-inconnu/);
  await expect(page.getByRole("heading", { name: "Compte non reconnu" })).toBeVisible();
  await expect(page.getByTestId("unknown-account")).toContainText("aucun compte Socle n'a été ouvert");
  await expect(page.getByText("Demandez à la direction de votre établissement")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/sso-unknown-account.png", fullPage: true });
  await page.goto(`${APP_SSO_ORIGIN}/`);
  await expect(page).toHaveURL(/\/login/);
  await admin.goto("/admin/users");
  await expect(admin.getByText(`inconnu.${stamp}@ailleurs.test`)).toHaveCount(0);
  await context.close();
});

test("[SSO] a SIRET of another organisation is refused for an invited account", async ({ browser }) => {
  const email = `autre.siret.${stamp}@ghbs.test`;
  const name = `Autre SIRET ${stamp}`;
  await inviteAsAdmin(admin, { email, name, role: "Contributeur", fn: "DSI", establishment: GHBS });
  const persona = proconnectPersona(`autre-siret-${stamp}`, email, { siret: "13002526500013" });
  await registerPersona(persona);
  const { context, page } = await fresh(browser);
  await page.goto(`${APP_SSO_ORIGIN}/login`);
  await page.getByRole("button", { name: "S'identifier avec ProConnect" }).click();
  await loginAtProvider(page, persona.login);
  await expect(page.getByTestId("unknown-account")).toContainText("SIRET ou FINESS");
  await expect(await accessCard(name)).toContainText("Aucune identité ProConnect ou Pro Santé Connect liée");
  await context.close();
});

test("[SSO] Pro Santé Connect from the invitation link: no email needed, FINESS checked, acr recorded", async ({
  browser,
}) => {
  const name = `Dr Anne Kerbrat ${stamp}`;
  const link = await inviteAsAdmin(admin, {
    email: `medecin.${stamp}@ghbs.test`,
    name,
    role: "Contributeur",
    fn: "Autre fonction",
    establishment: GHBS,
  });
  const persona: Persona = {
    login: `psc-${stamp}`,
    provider: "psc",
    sub: `0b0c7a4e-${stamp}`,
    acr: "eidas2", // CPS / e-CPS card
    claims: {
      SubjectNameID: "810001234567",
      preferred_username: "810001234567",
      given_name: "Anne",
      family_name: "Kerbrat",
      otherIds: [{ identifiant: "10001234567", origine: "RPPS" }],
      SubjectRefPro: {
        codeCivilite: "DR",
        exercices: [
          {
            codeProfession: "10",
            activities: [{ numeroFinessSite: "", numeroFinessetablissementJuridique: "560999013" }],
          },
        ],
      },
    },
  };
  await registerPersona(persona);
  const { context, page } = await fresh(browser);
  await page.goto(onSsoOrigin(link));
  const authorizeRequest = page.waitForRequest((r) =>
    r.url().startsWith(`${OIDC_ORIGIN}/auth/realms/esante-wallet/protocol/openid-connect/auth?`),
  );
  await page.getByRole("button", { name: "Lier mon identité Pro Santé Connect" }).click();
  const authorize = new URL((await authorizeRequest).url());
  expect(authorize.searchParams.get("scope")).toBe("openid scope_all");
  expect(authorize.searchParams.get("acr_values")).toBe("eidas1");
  await loginAtProvider(page, persona.login);
  await expect(page.getByTestId("header-user")).toContainText(name);
  const card = await accessCard(name);
  await expect(card).toContainText("Identité Pro Santé Connect liée");
  await expect(card).toContainText("eidas2");
  // The link is used up.
  await page.goto(onSsoOrigin(link));
  await expect(page.getByTestId("invitation-invalid")).toBeVisible();
  await context.close();
});

test.describe("[SSO] tampered answers are refused with a French page and link nothing", () => {
  const email = `cible.${stamp}@ghbs.test`;
  const name = `Cible ${stamp}`;
  let persona: Persona;

  test.beforeAll(async () => {
    await inviteAsAdmin(admin, { email, name, role: "Contributeur", fn: "DPO", establishment: GHBS });
    persona = proconnectPersona(`cible-${stamp}`, email);
    await registerPersona(persona);
  });

  async function expectRefusedAndUnlinked(page: Page) {
    await expect(page).toHaveURL(/\/connexion\/erreur|\/login\?error=/);
    await expect(page.getByTestId("sign-in-error")).toBeVisible();
    await expect(page.getByTestId("sign-in-error")).toContainText(/(n'a pas pu être vérifiée|n'a pas abouti)/);
    await expect(page.getByTestId("header-user")).toHaveCount(0);
    await expect(await accessCard(name)).toContainText("Aucune identité ProConnect ou Pro Santé Connect liée");
  }

  /**
   * Starts a ProConnect sign-in and signs in at the provider without following its redirects (the
   * browser's routes do not see redirected requests): returns the callback URL, code and state,
   * before it reaches Socle.
   */
  async function stopBeforeCallback(page: Page) {
    await page.goto(`${APP_SSO_ORIGIN}/login`);
    await page.getByRole("button", { name: "S'identifier avec ProConnect" }).click();
    await expect(page).toHaveURL(new RegExp(`^${OIDC_ORIGIN}/api/v2/interaction/`));
    const interaction = page.url();
    const http = page.context().request;
    const posted = await http.post(interaction, { form: { login: persona.login }, maxRedirects: 0 });
    const resume = new URL(posted.headers()["location"]!, interaction).toString();
    const resumed = await http.get(resume, { maxRedirects: 0 });
    const callback = new URL(resumed.headers()["location"]!, resume);
    expect(callback.pathname).toBe("/api/auth/callback/proconnect");
    expect(callback.searchParams.get("code")).toBeTruthy();
    return callback;
  }

  test("a wrong state", async ({ browser }) => {
    const { context, page } = await fresh(browser);
    const callback = await stopBeforeCallback(page);
    callback.searchParams.set("state", `${callback.searchParams.get("state")}x`);
    await page.goto(callback.toString());
    await expectRefusedAndUnlinked(page);
    await page.screenshot({ path: "test-results/screenshots/sso-error.png", fullPage: true });
    await context.close();
  });

  for (const mode of ["aud", "none", "hs256"] as const) {
    test(`an ID token ${mode === "aud" ? "for another audience" : mode === "none" ? "unsigned" : "signed HS256"}`, async ({
      browser,
    }) => {
      const { context, page } = await fresh(browser);
      await tamperNextIdToken(mode);
      await page.goto(`${APP_SSO_ORIGIN}/login`);
      await page.getByRole("button", { name: "S'identifier avec ProConnect" }).click();
      await loginAtProvider(page, persona.login);
      await expectRefusedAndUnlinked(page);
      await tamperNextIdToken(null);
      await context.close();
    });
  }

  test("a replayed code (with the first browser's cookies) after a real sign-in", async ({ browser }) => {
    const first = await fresh(browser);
    const callback = await stopBeforeCallback(first.page);
    const cookies = await first.context.cookies();
    await first.page.goto(callback.toString()); // the genuine use of the code
    await expect(first.page.getByTestId("header-user")).toContainText(name);
    const replay = await fresh(browser);
    await replay.context.addCookies(cookies.filter((c) => c.name.startsWith("authjs.")));
    await replay.page.goto(callback.toString());
    await expect(replay.page).toHaveURL(/\/connexion\/erreur|\/login\?error=/);
    await expect(replay.page.getByTestId("sign-in-error")).toBeVisible();
    await expect(replay.page.getByTestId("header-user")).toHaveCount(0);
    await first.context.close();
    await replay.context.close();
  });
});
