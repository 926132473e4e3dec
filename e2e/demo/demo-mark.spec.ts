import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { assessmentLink } from "../fixtures/assessments";
import { ACCOUNTS, signIn } from "../fixtures/auth";

// The demo data is visibly fictitious: a « Démonstration » mark on every page of the app and on
// every page of a demo dossier (the e2e server runs with SOCLE_DEMO=1).
test.describe("[DEMO] the demo data says it is a demonstration", () => {
  test("every page shows the mark, and the demo draft's PDF prints it on every page", async ({ page }) => {
    const shots = path.resolve("test-results", "screenshots");
    mkdirSync(shots, { recursive: true });
    await page.goto("/login");
    await expect(page.getByTestId("demo-banner")).toContainText("Démonstration");

    await signIn(page, ACCOUNTS.director);
    await expect(page.getByTestId("demo-banner")).toBeVisible();
    const href = await assessmentLink(page, "HOP'EN — prérequis 2021").getAttribute("href");
    const assessmentId = href!.split("/").pop()!;
    for (const url of [href!, `${href}/sections/P1`, `${href}/results`]) {
      await page.goto(url);
      await expect(page.getByTestId("demo-banner"), url).toBeVisible();
    }
    // GHBS's P1.3 under both readings of the application scope (the PACS is in the broad one only).
    await page.goto(`${href}/sections/P1`);
    await expect(page.getByTestId("computed-readings").first()).toContainText("6 / 6 applications");
    await expect(page.getByTestId("computed-readings").first()).toContainText("6 / 7 applications");
    await page.screenshot({ path: path.join(shots, "demo-questionnaire-p1.png"), fullPage: true });
    await page.goto(`${href}/results`);
    await expect(page.getByTestId("funding-amount")).toContainText("environ 350");
    await page.screenshot({ path: path.join(shots, "demo-results.png"), fullPage: true });

    const response = await page.request.get(`/api/assessments/${assessmentId}/dossier`);
    expect(response.status()).toBe(200);
    const pdf = Buffer.from(await response.body());
    const artifacts = path.resolve("test-results", "demo-dossier");
    mkdirSync(artifacts, { recursive: true });
    const file = path.join(artifacts, "brouillon-demo.pdf");
    writeFileSync(file, pdf);
    execFileSync("pdftoppm", ["-r", "60", "-png", file, path.join(artifacts, "page")]);
    const pages = execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8").split("\f").slice(0, -1);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((text, i) => (text.includes("DÉMONSTRATION") ? null : i + 1)).filter(Boolean)).toEqual([]);
  });

  test("the admin's funding form asks for the population the assumption names", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    await page.goto("/admin/funding");
    await expect(page.getByTestId("demo-banner")).toBeVisible();
    // The socle example and the usage D2 example both share among 60 establishments.
    await expect(page.getByText("entre 60 établissements éligibles", { exact: true }).first()).toBeVisible();
    await page.getByRole("button", { name: "Ajouter un paramètre" }).click();
    await expect(page.getByLabel("Établissements éligibles")).toBeVisible();
    await expect(page.getByLabel("Plafond par établissement")).toBeVisible();
    await page.screenshot({
      path: path.resolve("test-results", "screenshots", "demo-funding-form.png"),
      fullPage: true,
    });
  });
});
