import ExcelJS from "exceljs";
import type { CampaignComparison } from "../campaign-view";
import { aboutRows, answersTable, membersTable, summaryTable, type Table, type Value } from "./tables";

// The delegate's view as a workbook: "À propos" (campaign, filters, thresholds, extraction time),
// "Synthèse" (figures with n or the suppression marker), "Membres" and "Réponses". Typed cells
// (numbers, percentages, dates, oui/non), French headers, a frozen header row, set widths.

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE3E8F4" } };

function cellValue(v: Value, type: Table["columns"][number]["type"]): ExcelJS.CellValue {
  if (v === null) return null;
  if (type === "boolean" && typeof v === "boolean") return v ? "oui" : "non";
  // Scores are 0–100; the sheet types them as percentages (0–1) so that Excel formats and sorts them.
  if (type === "percent" && typeof v === "number") return v / 100;
  return v;
}

function addTable(wb: ExcelJS.Workbook, table: Table, percentIsFraction = false) {
  const ws = wb.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = table.columns.map((c) => ({ header: c.label, key: c.key, width: c.width }));
  for (const row of table.rows)
    ws.addRow(
      row.map((v, i) => {
        const type = table.columns[i]!.type;
        return percentIsFraction && type === "percent" ? v : cellValue(v, type);
      }),
    );
  table.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.type === "percent") col.numFmt = "0 %";
  });
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: "middle", wrapText: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return ws;
}

export async function toXlsx(view: CampaignComparison, extractedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Socle";
  wb.created = extractedAt;
  const about = wb.addWorksheet("À propos", { views: [{ state: "frozen", ySplit: 1 }] });
  about.columns = [
    { header: "Rubrique", key: "k", width: 36 },
    { header: "Valeur", key: "v", width: 100 },
  ];
  for (const [k, v] of aboutRows(view, extractedAt)) {
    const row = about.addRow([k, v]);
    if (v instanceof Date) row.getCell(2).numFmt = "dd/mm/yyyy hh:mm:ss";
    row.getCell(2).alignment = { horizontal: "left", wrapText: true };
  }
  about.getRow(1).font = { bold: true };
  about.getRow(1).fill = HEADER_FILL;
  // Synthèse shares are already fractions of n.
  const summary = summaryTable(view);
  addTable(wb, summary, true);
  addTable(wb, membersTable(view));
  addTable(wb, answersTable(view));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
