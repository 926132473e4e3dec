import { expect, test } from "@playwright/test";
import { openAssessmentFromHome } from "../fixtures/assessments";
import { ACCOUNTS, leaveAccount, signIn } from "../fixtures/auth";

test.describe("[SCORING] results and eligibility", () => {
  // Serial: the second test reads the seeded assessment the first one changes.
  test.describe.configure({ mode: "serial" });
  let resultsUrl = "";

  test("the seeded GHBS assessment is not yet eligible, names both missing prerequisites; an action is created; answering flips the verdict", async ({
    page,
  }) => {
    await signIn(page, ACCOUNTS.director);
    const overview = await openAssessmentFromHome(page, "HOP'EN — prérequis 2021");
    await page.getByRole("link", { name: "Résultats et éligibilité" }).click();
    await page.waitForURL(/\/results$/);
    resultsUrl = page.url();

    const verdict = page.getByTestId("verdict");
    await expect(page.locator("#verdict-title")).toContainText("Pas encore éligible : 2 prérequis manquent");
    await expect(verdict.getByRole("link", { name: /P2\.1/ })).toBeVisible();
    await expect(verdict.getByRole("link", { name: /P2\.6/ })).toBeVisible();
    await expect(verdict).toContainText("à débloquer");
    await expect(verdict).toContainText("Exemple");
    await page.screenshot({ path: "test-results/screenshots/results-not-eligible.png", fullPage: true });

    // An action from the P2.1 gap.
    const gap = page
      .locator("li, article")
      .filter({ has: page.getByText("P2.1", { exact: true }) })
      .filter({ has: page.getByRole("button", { name: "Créer une action" }) })
      .first();
    await gap.getByRole("button", { name: "Créer une action" }).click();
    await page.getByLabel("Responsable").selectOption({ label: "Yann Essai — RSSI" });
    await page.getByLabel("Échéance").fill("2027-03-31");
    await page.getByRole("button", { name: "Créer l'action" }).click();
    await expect(page.getByRole("link", { name: "1 action prévue" })).toBeVisible();

    // Answering both prerequisites flips the verdict.
    await page.goto(`${overview}/sections/P2`);
    for (const code of ["P2.1", "P2.6"]) {
      const card = page.getByTestId(`question-${code}`);
      await card.getByRole("radio", { name: "Oui", exact: true }).check();
      await expect(card.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
    }
    await page.goto(resultsUrl);
    // The prerequisites are met, but P1.3, P1.4 and P3.2 are judged on targets Socle proposes: "sous réserve".
    await expect(page.locator("#verdict-title")).toContainText("Prérequis atteints sous réserve");
    await expect(page.getByTestId("verdict-provisional")).toContainText("P3.2");
    await expect(page.getByTestId("verdict-provisional")).toContainText("cible provisoire");
    await expect(page.getByTestId("score-note")).toContainText("Indicateur interne à Socle");
    await page.screenshot({ path: "test-results/screenshots/results-eligible.png", fullPage: true });
  });

  test("the results page is not found for another establishment's director or for the other region's delegate", async ({
    page,
  }) => {
    for (const email of [ACCOUNTS.otherDirector, ACCOUNTS.otherDelegate, ACCOUNTS.delegate]) {
      await signIn(page, email);
      expect((await page.goto(resultsUrl))?.status(), email).toBe(404);
      expect((await page.goto(resultsUrl.replace(/results$/, "actions")))?.status(), email).toBe(404);
      await leaveAccount(page);
    }
  });
});
