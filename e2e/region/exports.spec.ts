import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "../fixtures/auth";

// The Bretagne delegate filters to Finistère and downloads the workbook from the page's link: the
// file holds the filtered rows, the small-group markers and only shared, submitted detail.

const rowsOf = (ws: ExcelJS.Worksheet) => {
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows.slice(1);
};

test("[REGION] the delegate exports the Finistère view as XLSX", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await signIn(page, ACCOUNTS.delegate);
  await page.goto("/");
  const regionHref = await page.locator('a[href^="/region/"]').first().getAttribute("href");
  await page.goto(regionHref!.split("?")[0]!.replace(/\/funding$/, ""));
  const campaign = page.locator('a[href*="/campaigns/"]', { hasText: "prérequis 2021" }).first();
  const href = await campaign.getAttribute("href");
  await page.goto(`${href}?departement=29`);
  const section = page.getByRole("region", { name: "Exporter cette vue" });
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("exports-1280.png"), fullPage: false });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    section.getByRole("link", { name: "Classeur Excel (.xlsx)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^comparaison-bretagne-\d+\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const members = rowsOf(wb.getWorksheet("Membres")!);
  expect(members).toHaveLength(10);
  expect(members.every((r) => String(r[2]).endsWith("(29)"))).toBe(true);
  const summary = rowsOf(wb.getWorksheet("Synthèse")!);
  expect(summary.find((r) => r[0] === "Score global : médiane")![4]).toBe("masqué (moins de 10 établissements)");
  const answers = rowsOf(wb.getWorksheet("Réponses")!);
  const names = new Set(answers.map((r) => String(r[1])));
  expect(
    [...names].some((n) => n.startsWith("CH de l'Aven (établissement fictif)") || n.startsWith("CH de Cornouaille")),
  ).toBe(false);
  expect(names.size).toBe(members.filter((r) => r[8] === "oui").length);
});
