import { expect, type Page, test } from "@playwright/test";
import { openAssessmentFromHome } from "../fixtures/assessments";
import { ACCOUNTS, signIn } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { openHopenCampaign } from "../fixtures/campaigns";

async function startCampaign(page: Page, name: string): Promise<string> {
  await signIn(page, ACCOUNTS.director);
  const row = page.getByRole("listitem").filter({ hasText: name });
  await row.getByRole("button", { name: "Commencer l'évaluation" }).click();
  await page.waitForURL(/\/assessments\/[^/]+$/);
  return page.url();
}

/**
 * Answers every question of a section: confirms an answer carried from last year, else uses the
 * inventory's computed value, else picks "Oui".
 */
async function answerSection(page: Page) {
  for (const card of await page.locator("article.question").all()) {
    const confirm = card.getByRole("button", { name: "Confirmer cette réponse" });
    const compute = card.getByRole("button", { name: "Utiliser ce calcul" });
    if (await confirm.count()) await confirm.click();
    else if (await compute.count()) await compute.click();
    else await card.getByRole("radio", { name: "Oui", exact: true }).check();
    await expect(card.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  }
}

test.describe("[ASSESSMENTS] questionnaire", () => {
  test("director assigns Sécurité to the RSSI, who answers and attaches a proof; the director completes, attests and submits", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const name = await openHopenCampaign(browser, "Bretagne Sud");
    const overview = await startCampaign(page, name);

    // Assign the P2 section to the RSSI.
    const p2 = page.getByRole("row").filter({ hasText: "P2 — Sécurité" });
    await p2.getByText("Attribuer « Sécurité »").click();
    await p2.getByRole("checkbox", { name: /Yann Essai/ }).check();
    await p2.getByRole("button", { name: "Enregistrer l'attribution" }).click();
    await expect(p2).toContainText("Yann Essai");

    // The RSSI answers Sécurité and attaches a PDF to P2.1.
    const rssi = await browser.newContext();
    const rssiPage = await rssi.newPage();
    await signIn(rssiPage, ACCOUNTS.rssi);
    await expect(rssiPage.getByText("Sections qui vous sont confiées")).toBeVisible();
    await rssiPage.goto(`${overview}/sections/P2`);
    await answerSection(rssiPage);
    const p21 = rssiPage.getByTestId("question-P2.1");
    await p21.getByLabel("Joindre une pièce justificative").setInputFiles({
      name: "rapport-test-PRA.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    });
    await expect(p21.getByRole("link", { name: /rapport-test-PRA.pdf/ })).toBeVisible();
    // The RSSI cannot edit a section that is not assigned.
    await rssiPage.goto(`${overview}/sections/P1`);
    await expect(rssiPage.getByText("Cette section ne vous est pas confiée")).toBeVisible();
    await expect(rssiPage.locator("article.question input[type=radio]").first()).toBeDisabled();
    await rssi.close();

    // The director completes the other sections.
    for (const section of ["C", "P1", "P3", "P4"]) {
      await page.goto(`${overview}/sections/${section}`);
      await answerSection(page);
    }
    await page.goto(overview);
    await expect(page.getByTestId("overall-progress")).toHaveText("100 %");
    await page.getByLabel("Fonction").fill("Directrice générale");
    await page.getByRole("checkbox", { name: /J'atteste/ }).check();
    await page.getByRole("button", { name: "Attester et soumettre" }).click();
    await expect(page.getByTestId("submitted-banner")).toContainText("Évaluation soumise");
    await page.goto(`${overview}/sections/P2`);
    await expect(page.getByText("Évaluation soumise : lecture seule.")).toBeVisible();
    await expect(page.locator("article.question input[type=radio]").first()).toBeDisabled();
  });

  test("two people editing the same answer: the second save is refused and shown as a conflict", async ({
    page,
    browser,
  }) => {
    const name = await openHopenCampaign(browser, "Bretagne Sud");
    const overview = await startCampaign(page, name);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, ACCOUNTS.director);
    await page.goto(`${overview}/sections/P4`);
    await otherPage.goto(`${overview}/sections/P4`);

    const mine = page.getByTestId("question-P4.1");
    await mine.getByRole("radio", { name: "Non", exact: true }).check();
    await expect(mine.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

    const theirs = otherPage.getByTestId("question-P4.1"); // still shows last year's "Oui"
    await theirs.getByRole("radio", { name: "Je ne sais pas" }).check();
    const conflict = theirs.getByTestId("conflict");
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText("« Non »");
    await conflict.getByRole("button", { name: "Garder ma réponse" }).click();
    await expect(theirs.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
    await page.reload();
    await expect(page.getByTestId("question-P4.1").getByRole("radio", { name: "Je ne sais pas" })).toBeChecked();
    await other.close();
  });

  test("another establishment's director gets 404 on the questionnaire and its API", async ({ page, browser }) => {
    const name = await openHopenCampaign(browser, "Bretagne Sud");
    const overview = await startCampaign(page, name);
    const assessmentId = overview.split("/").pop()!;
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, ACCOUNTS.otherDirector);
    expect((await otherPage.goto(overview))?.status()).toBe(404);
    expect((await otherPage.goto(`${overview}/sections/P1`))?.status()).toBe(404);
    const response = await otherPage.request.put(`/api/assessments/${assessmentId}/answers`, {
      data: { requirementCode: "P1.1", kind: "value", value: "yes", expectedVersion: 0 },
      headers: { origin: new URL(overview).origin },
    });
    expect(response.status()).toBe(404);
    expect((await response.json()).error.message).toMatch(/introuvable/);
    await other.close();
  });

  test("bad input to the save API gets a French 4xx, never a 500", async ({ page, browser }) => {
    const name = await openHopenCampaign(browser, "Bretagne Sud");
    const overview = await startCampaign(page, name);
    const url = `/api/assessments/${overview.split("/").pop()}/answers`;
    const origin = new URL(overview).origin;
    const bodies = [
      "pas du json",
      JSON.stringify({}),
      JSON.stringify({ requirementCode: "P1.1", kind: "value", value: "peut-être", expectedVersion: 0 }),
      JSON.stringify({ requirementCode: "ZZZ", kind: "value", value: "yes", expectedVersion: 0 }),
      JSON.stringify({ requirementCode: "P1.1", kind: "value", value: "yes", expectedVersion: -1 }),
      JSON.stringify({ requirementCode: "P1.1", kind: "value", value: "yes", expectedVersion: 0, role: "admin" }),
      JSON.stringify({
        requirementCode: "P1.1",
        kind: "value",
        value: "yes",
        expectedVersion: 0,
        comment: "x".repeat(5000),
      }),
    ];
    for (const body of bodies) {
      const response = await page.request.put(url, {
        data: body,
        headers: { origin, "content-type": "application/json" },
      });
      expect(response.status(), body.slice(0, 60)).toBeGreaterThanOrEqual(400);
      expect(response.status(), body.slice(0, 60)).toBeLessThan(500);
      expect((await response.json()).error.message).toMatch(/[éèàç]|invalide|manquant/i);
    }
    const crossSite = await page.request.put(url, {
      data: { requirementCode: "P1.1", kind: "value", value: "yes", expectedVersion: 0 },
      headers: { origin: "https://evil.example" },
    });
    expect(crossSite.status()).toBe(403);
  });

  test("the questionnaire has no WCAG 2.1 A/AA violation, on desktop and tablet", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, ACCOUNTS.director);
    const overview = await openAssessmentFromHome(page, "HOP'EN — prérequis 2021");
    for (const [device, viewport] of [
      ["desktop", { width: 1280, height: 900 }],
      ["tablet", { width: 820, height: 1180 }],
    ] as const) {
      await page.setViewportSize(viewport);
      for (const path of ["", "/sections/P1", "/sections/P2"]) {
        await page.goto(overview + path);
        await expectNoAxeViolations(page, path);
      }
      await page.goto(`${overview}/sections/P1`);
      await page.screenshot({ path: `test-results/screenshots/questionnaire-P1-${device}.png`, fullPage: true });
      await page.goto(overview);
      await page.screenshot({ path: `test-results/screenshots/questionnaire-overview-${device}.png`, fullPage: true });
    }
  });
});
