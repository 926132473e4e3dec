import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { assessmentIdFromHome } from "../fixtures/assessments";
import { ACCOUNTS, leaveAccount, signIn } from "../fixtures/auth";

test.describe("[DOSSIER] download and public verification", () => {
  test("the director downloads the submitted dossier; anyone verifies it by file and by code; a tampered copy fails", async ({
    page,
    browser,
  }) => {
    await signIn(page, ACCOUNTS.director);
    const assessmentId = await assessmentIdFromHome(page, "HOP'EN — prérequis 2020");
    const response = await page.request.get(`/api/assessments/${assessmentId}/dossier`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/pdf");
    const pdf = Buffer.from(await response.body());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    // A stranger, without an account.
    // French typography: the page puts a narrow no-break space before ":" (\s matches it).
    const publicContext = await browser.newContext();
    const visitor = await publicContext.newPage();
    await visitor.goto("/verifier");
    await visitor
      .locator("input[type=file]")
      .setInputFiles({ name: "dossier.pdf", mimeType: "application/pdf", buffer: pdf });
    await expect(
      visitor.getByText(/Dossier authentique\s:\sémis par Socle le .* pour Groupe hospitalier Bretagne Sud/),
    ).toBeVisible();
    // The verification code printed in the footer, read as an ARS reviewer would (pdftotext).
    // Kept as test artifacts, with its first pages as images, to look at after the run.
    const artifacts = path.resolve("test-results", "dossier-e2e");
    mkdirSync(artifacts, { recursive: true });
    const file = path.join(artifacts, "dossier-soumis.pdf");
    writeFileSync(file, pdf);
    execFileSync("pdftoppm", ["-r", "60", "-png", "-f", "1", "-l", "4", file, path.join(artifacts, "page")]);
    const code = execFileSync("pdftotext", [file, "-"])
      .toString()
      .match(/[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}/)?.[0];
    expect(code, "verification code in the PDF").toBeTruthy();

    const tampered = Buffer.from(pdf);
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = tampered[middle]! ^ 1;
    await visitor.goto("/verifier");
    await visitor
      .locator("input[type=file]")
      .setInputFiles({ name: "dossier-modifie.pdf", mimeType: "application/pdf", buffer: tampered });
    await expect(
      visitor.getByText(/Ce fichier ne correspond à aucun dossier émis par Socle\s:\sil a pu être modifié/),
    ).toBeVisible();

    await visitor.goto("/verifier");
    await visitor.getByLabel(/Code de vérification/).fill("ABCD-EFGH-JKMN");
    await visitor.getByRole("button", { name: "Vérifier le code" }).click();
    await expect(visitor.getByText("Aucun dossier ne correspond à ce code")).toBeVisible();
    await visitor.goto(`/verifier/${code}`); // the QR code's target
    await expect(visitor.getByText(/Dossier authentique/)).toBeVisible();
    await visitor.screenshot({ path: "test-results/screenshots/verifier.png", fullPage: true });
    await publicContext.close();
  });

  test("the dossier is not found for the other region's delegate and for another director", async ({ page }) => {
    await signIn(page, ACCOUNTS.director);
    const assessmentId = await assessmentIdFromHome(page, "HOP'EN — prérequis 2020");
    await leaveAccount(page);
    for (const email of [ACCOUNTS.otherDelegate, ACCOUNTS.otherDirector]) {
      await signIn(page, email);
      expect((await page.request.get(`/api/assessments/${assessmentId}/dossier`)).status(), email).toBe(404);
      expect((await page.request.get(`/api/assessments/${assessmentId}/dossier/bundle`)).status(), email).toBe(404);
      await leaveAccount(page);
    }
  });
});
