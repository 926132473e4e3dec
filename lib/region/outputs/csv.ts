import type { Table, Value } from "./tables";

// CSV for French Excel: ";" separator, UTF-8 with a BOM, CRLF. A cell that a spreadsheet would read
// as a formula (starting with = + - @, a tab or a carriage return) is prefixed with a quote: an
// establishment's name never runs as a formula on the delegate's machine (CSV injection).

const FORMULA_START = /^[=+\-@\t\r]/;

function text(v: Value): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "oui" : "non";
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "number") return String(v).replace(".", ",");
  return FORMULA_START.test(v) ? `'${v}` : v;
}

const quote = (s: string) => (/[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Headers are the stable column keys; numbers use the French decimal comma. */
export function toCsv(table: Table): string {
  const lines = [table.columns.map((c) => c.key), ...table.rows.map((r) => r.map((v) => quote(text(v))))];
  return "\uFEFF" + lines.map((l) => l.join(";")).join("\r\n") + "\r\n";
}
