import { expect, test } from "@playwright/test";
import { openAssessmentFromHome } from "../fixtures/assessments";
import { ACCOUNTS, signIn } from "../fixtures/auth";

// Issue 11: the questionnaire shows the three marks (H too) and what Socle proposes, provisional,
// with its reason; the results page lists the gaps with the same marks and notes.
test.describe("[FIDELITY] marks and provisional items on screen", () => {
  test("the questionnaire shows three marks per question and the provisional target's note", async ({ page }) => {
    // Quimper's draft: nothing else in e2e/scoring changes it (results.spec answers GHBS's).
    await signIn(page, ACCOUNTS.otherDirector);
    const overview = await openAssessmentFromHome(page, "HOP'EN — prérequis 2021");

    await page.goto(`${overview}/sections/P1`);
    const p11 = page.getByTestId("question-P1.1");
    await expect(p11.getByTestId("confidence-marks")).toContainText("Libellé H");
    await expect(p11.getByTestId("confidence-marks")).toContainText("Code L");
    await expect(p11.getByTestId("confidence-marks")).toContainText("Cible H");
    const p13 = page.getByTestId("question-P1.3");
    await expect(p13).toContainText("(cible provisoire)");
    await expect(p13).toContainText("Cible provisoire : Aucune source ne donne la cible HOP'EN");
    // P1.2 is no longer blocking (no source lists it as an indicator).
    await expect(page.getByTestId("question-P1.2")).not.toContainText("Bloquant");
    await page.screenshot({ path: "test-results/screenshots/questionnaire-marks.png", fullPage: true });

    await page.goto(`${overview}/results`);
    await expect(page.getByTestId("score-note")).toContainText("Indicateur interne à Socle");
    const gap = page.locator("#gap-P1\\.3");
    await expect(gap.getByTestId("confidence-marks")).toContainText("Cible L");
    await expect(gap).toContainText("(cible provisoire)");
    await expect(gap).toContainText("Cible provisoire : Aucune source ne donne la cible HOP'EN");
    await expect(page.getByText("« À instruire » (inconnu) : sans réponse")).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/results-marks.png", fullPage: true });
  });
});
