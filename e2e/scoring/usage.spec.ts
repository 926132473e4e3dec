import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "../fixtures/auth";

// Issue 11: the demo's HOP'EN usage draft (GHBS, 2021, domains D2 and D3): each domain has its own
// verdict behind the socle and its own funding figure, with the total; and the QHN condition of the
// socle is computed from the inventory's per-application flag. Read only: nothing is changed.
test.describe("[FIDELITY] HOP'EN usage in the demo", () => {
  test("the usage results show a verdict and a funding figure per domain, and the total", async ({ page }) => {
    await signIn(page, ACCOUNTS.director);
    await page
      .getByRole("listitem")
      .filter({ hasText: "HOP'EN — usage 2021" })
      .getByRole("link", { name: "Ouvrir" })
      .click();
    await page.waitForURL(/\/assessments\/[^/]+$/);
    await page.goto(`${page.url()}/results`);

    const verdict = page.getByTestId("verdict");
    // results.spec.ts may answer GHBS's socle draft meanwhile: the gate's words change, not D2's gap.
    await expect(page.getByTestId("domain-verdict-D2")).toContainText("Prérequis du socle");
    await expect(page.getByTestId("domain-verdict-D2")).toContainText("D2.2");
    const funding = verdict.getByTestId("usage-funding");
    await expect(funding.getByTestId("usage-funding-D2")).toContainText(/environ 180\sk€/);
    await expect(funding.getByTestId("usage-funding-D3")).toContainText(/entre 65\sk€ et 100\sk€/);
    await expect(funding.getByTestId("usage-funding-total")).toContainText(/entre 245\sk€ et 280\sk€/);
    await expect(funding.getByTestId("funding-example")).toBeVisible();
    await expect(funding).toContainText("pas un montant officiel");
    await page.screenshot({ path: "test-results/screenshots/usage-results.png", fullPage: true });
  });

  test("the socle's QHN condition reads the inventory's per-application flag, under both readings", async ({
    page,
  }) => {
    await signIn(page, ACCOUNTS.director);
    await page
      .getByRole("listitem")
      .filter({ hasText: "HOP'EN — prérequis 2021" })
      .getByRole("link", { name: "Ouvrir" })
      .click();
    await page.waitForURL(/\/assessments\/[^/]+$/);
    const overview = page.url();
    await page.goto(`${overview}/sections/C`);
    const qhn = page.getByTestId("question-QHN");
    await expect(qhn.getByTestId("computed-readings")).toContainText("7 / 7 applications");
    await expect(qhn.getByTestId("computed-readings")).toContainText("8 / 9 applications");
    await page.screenshot({ path: "test-results/screenshots/questionnaire-qhn.png", fullPage: true });

    await page.goto(`${overview}/results`);
    await expect(page.getByTestId("verdict")).toContainText("Périmètre des applications incertain (QHN)");
  });
});
