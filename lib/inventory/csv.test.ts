import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  CSV_COLUMNS,
  decodeCsvBytes,
  detectSeparator,
  inventoryTemplateCsv,
  parseDomains,
  parseInventoryCsv,
  parseYesNo,
  toInventoryCsv,
  type CsvParseResult,
} from "./csv";
import { computeIndicator } from "./indicators";
import type { TApplicationInput, TCsvError } from "./schemas";
import { BROKEN_LINES, FIXTURE_EXPECTED, FIXTURE_HEADER, inventoryCsv } from "@/test/inventory/fixtures";

function rowsOf(result: CsvParseResult): TApplicationInput[] {
  if (!result.ok) throw new Error(`expected a valid file, got ${JSON.stringify(result.errors)}`);
  return result.rows;
}
function errorsOf(result: CsvParseResult): TCsvError[] {
  if (result.ok) throw new Error("expected a refused file");
  return result.errors;
}

const HEADER = CSV_COLUMNS.join(";");
const ENGLISH = /\b(Invalid|expected|Required|Unrecognized|Too (small|big))\b/;

describe("parseInventoryCsv: good files", () => {
  it("reads the 12-application file, with its quoted ';' inside a cell", () => {
    const rows = rowsOf(parseInventoryCsv(inventoryCsv()));
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({
      name: "Dossier patient DxCare",
      vendor: "Dedalus; division France",
      version: "8.2",
      domains: ["care", "patient_admin", "pmsi", "scheduling"],
      hosting: "on_site",
      qhnCommitted: true,
      holdsHealthData: true,
      identityRepoConnected: true,
      movementRepoConnected: true,
      personalAuth: true,
    });
    expect(rows[1]).toMatchObject({
      vendor: "Maincare",
      version: undefined,
      domains: ["patient_admin"],
      hosting: "outsourced",
    });
    expect(rows[2]).toMatchObject({ hosting: "saas" });
    for (const kind of ["identity_repo", "movement_repo", "personal_auth"] as const) {
      expect(computeIndicator(rows, kind)).toMatchObject(FIXTURE_EXPECTED[kind]);
    }
  });

  it("reads the same file with ',' as separator, with a BOM, and with LF line ends", () => {
    const reference = rowsOf(parseInventoryCsv(inventoryCsv()));
    expect(detectSeparator(inventoryCsv({ separator: "," }))).toBe(",");
    expect(rowsOf(parseInventoryCsv(inventoryCsv({ separator: "," })))).toEqual(reference);
    expect(rowsOf(parseInventoryCsv(inventoryCsv({ bom: true })))).toEqual(reference);
    expect(rowsOf(parseInventoryCsv(inventoryCsv({ separator: ",", bom: true, eol: "\n" })))).toEqual(reference);
  });

  it("accepts a quoted cell holding the separator, quotes and a line break", () => {
    const text = `${HEADER}\n"Logiciel ""A""; version longue";"Éditeur;SA";"1;2";"Soins / dossier patient";sur site;oui;oui;oui;oui;oui\n`;
    expect(rowsOf(parseInventoryCsv(text))[0]).toMatchObject({
      name: 'Logiciel "A"; version longue',
      vendor: "Éditeur;SA",
      version: "1;2",
    });
    const multiline = `${HEADER}\n"Deux\nlignes";;;care;sur site;oui;oui;oui;oui;oui\nBad;;;care;nulle part;oui;oui;oui;oui;oui\n`;
    // the quoted line break does not shift the numbering: the second record is spreadsheet row 3
    expect(errorsOf(parseInventoryCsv(multiline))).toEqual([
      { line: 3, column: "hebergement", message: expect.stringMatching(/non reconnu/) },
    ]);
  });

  it("accepts yes/no spellings, labels or codes in any case and accent, columns in any order", () => {
    const text = [
      "Authentification personnelle;Référentiel mouvements;referentiel_identites;DONNEES_SANTE;engagement_qhn;hébergement;domaines;nom",
      "O;n;TRUE;1;Vrai;EXTERNALISE;soins / DOSSIER patient | pmsi;Appli 1",
      "0;false;no;N;faux;saas;Pharmacie / circuit du medicament;Appli 2",
    ].join("\r\n");
    const rows = rowsOf(parseInventoryCsv(text));
    expect(rows[0]).toEqual({
      name: "Appli 1",
      vendor: undefined,
      version: undefined,
      domains: ["care", "pmsi"],
      hosting: "outsourced",
      qhnCommitted: true,
      holdsHealthData: true,
      identityRepoConnected: true,
      movementRepoConnected: false,
      personalAuth: true,
    });
    expect(rows[1]).toMatchObject({ domains: ["pharmacy"], hosting: "saas", personalAuth: false, qhnCommitted: false });
  });

  it("skips blank rows, including Excel's ';;;;' rows, without shifting line numbers", () => {
    const text = `${HEADER}\r\n\r\n;;;;;;;;;\r\nA;;;care;sur site;oui;oui;oui;oui;oui\r\nB;;;care;sur site;oui;oui;peut-être;oui;oui\r\n`;
    expect(errorsOf(parseInventoryCsv(text))).toEqual([
      { line: 5, column: "referentiel_identites", message: expect.stringMatching(/oui ou non/) },
    ]);
  });
});

describe("parseInventoryCsv: refused files", () => {
  it("reports exactly the 3 bad rows out of 12, with their spreadsheet line numbers", () => {
    const errors = errorsOf(parseInventoryCsv(inventoryCsv({ broken: true })));
    expect([...new Set(errors.map((e) => e.line))]).toEqual([...BROKEN_LINES]);
    expect(errors).toEqual([
      { line: 4, column: "hebergement", message: expect.stringMatching(/« nuage » non reconnu/) },
      { line: 8, column: "donnees_sante", message: expect.stringMatching(/« peut-être » n'est pas reconnu/) },
      { line: 12, column: "domaines", message: expect.stringMatching(/Domaine inconnu : « paie »/) },
    ]);
    // same lines with the other separator and a BOM
    const comma = errorsOf(parseInventoryCsv(inventoryCsv({ broken: true, separator: ",", bom: true })));
    expect([...new Set(comma.map((e) => e.line))]).toEqual([...BROKEN_LINES]);
  });

  it("reports every problem of a row, in French", () => {
    const long = "x".repeat(121);
    const text = `${HEADER}\n${long};;;;;;maybe;;;\n`;
    const errors = errorsOf(parseInventoryCsv(text));
    expect(errors.map((e) => e.column)).toEqual(
      expect.arrayContaining([
        "nom",
        "domaines",
        "hebergement",
        "engagement_qhn",
        "donnees_sante",
        "referentiel_identites",
        "referentiel_mouvements",
        "authentification_personnelle",
      ]),
    );
    expect(errors.every((e) => e.line === 2)).toBe(true);
    expect(errors.find((e) => e.column === "nom")?.message).toMatch(/120 caractères/);
    for (const e of errors) expect(e.message).not.toMatch(ENGLISH);
  });

  it("reports a name used twice in the file, whatever the case or accents", () => {
    const text = `${HEADER}\nDxCare;;;care;sur site;oui;oui;oui;oui;oui\nAutre;;;care;sur site;oui;oui;oui;oui;oui\n DXCARE ;;;pmsi;sur site;oui;oui;oui;oui;oui\n`;
    expect(errorsOf(parseInventoryCsv(text))).toEqual([
      { line: 4, column: "nom", message: expect.stringMatching(/figure déjà ligne 2/) },
    ]);
  });

  it("refuses an empty file, a blank file, a header without rows", () => {
    expect(errorsOf(parseInventoryCsv(""))).toEqual([{ line: 1, message: expect.stringMatching(/vide/) }]);
    expect(errorsOf(parseInventoryCsv("\uFEFF \r\n\r\n"))).toEqual([
      { line: 1, message: expect.stringMatching(/vide/) },
    ]);
    expect(errorsOf(parseInventoryCsv(`${HEADER}\r\n;;;\r\n`))).toEqual([
      { line: 2, message: expect.stringMatching(/que l'en-tête/) },
    ]);
  });

  it("refuses an unknown, a repeated or a missing column, naming it", () => {
    const unknown = errorsOf(parseInventoryCsv(`${HEADER};commentaire\nA;;;care;sur site;oui;oui;oui;oui;oui;x\n`));
    expect(unknown).toEqual([
      { line: 1, column: "commentaire", message: expect.stringMatching(/Colonne inconnue \(colonne 11\)/) },
    ]);
    const repeated = errorsOf(parseInventoryCsv(`${HEADER};nom\n`));
    expect(repeated).toEqual([{ line: 1, column: "nom", message: expect.stringMatching(/deux fois/) }]);
    const missing = errorsOf(parseInventoryCsv("nom;domaines\nA;care\n"));
    expect(missing.map((e) => e.column)).toEqual([
      "hebergement",
      "engagement_qhn",
      "donnees_sante",
      "referentiel_identites",
      "referentiel_mouvements",
      "authentification_personnelle",
    ]);
    // a file without header at all: its first row is read as a header and refused
    expect(errorsOf(parseInventoryCsv("DxCare;Dedalus;8;care;sur site;oui;oui;oui;oui;oui\n"))[0]).toMatchObject({
      line: 1,
      column: "DxCare",
    });
  });

  it("accepts a file without the optional vendor and version columns", () => {
    const text =
      "nom;domaines;hebergement;engagement_qhn;donnees_sante;referentiel_identites;referentiel_mouvements;authentification_personnelle\nA;care;sur site;oui;oui;oui;oui;oui\n";
    expect(rowsOf(parseInventoryCsv(text))[0]).toMatchObject({ name: "A", vendor: undefined, version: undefined });
  });

  it("refuses a value outside the header's columns and an unclosed quote", () => {
    expect(errorsOf(parseInventoryCsv(`${HEADER}\nA;;;care;sur site;oui;oui;oui;oui;oui;en trop\n`))).toEqual([
      { line: 2, message: expect.stringMatching(/« en trop » hors des colonnes/) },
    ]);
    // trailing empty cells (Excel pads rows) are fine
    expect(parseInventoryCsv(`${HEADER}\nA;;;care;sur site;oui;oui;oui;oui;oui;;\n`).ok).toBe(true);
    expect(errorsOf(parseInventoryCsv(`${HEADER}\n"A;;;care;sur site;oui;oui;oui;oui;oui\n`))).toEqual([
      { line: 2, message: expect.stringMatching(/jamais refermé/) },
    ]);
  });
});

describe("toInventoryCsv and the template", () => {
  it("exports UTF-8 with BOM, ';', French header and labels, and reads back to the same inventory", () => {
    const rows = rowsOf(parseInventoryCsv(inventoryCsv()));
    const text = toInventoryCsv(rows.map((r) => ({ ...r, vendor: r.vendor ?? null, version: r.version ?? null })));
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.slice(1).split("\r\n")[0]).toBe(FIXTURE_HEADER);
    expect(text).toContain(
      'Dossier patient DxCare;"Dedalus; division France";8.2;Soins / dossier patient|Gestion administrative du patient|PMSI|Planification / rendez-vous;sur site;oui;oui;oui;oui;oui',
    );
    expect(text).toContain(";externalisé;");
    expect(text).toContain(";SaaS;");
    expect(rowsOf(parseInventoryCsv(text))).toEqual(rows);
  });

  it("neutralises spreadsheet formulas on export and restores them on import", () => {
    const app = {
      name: '=HYPERLINK("http://x")',
      vendor: "+33",
      version: "-1",
      domains: ["other"],
      hosting: "saas",
      qhnCommitted: false,
      holdsHealthData: false,
      identityRepoConnected: false,
      movementRepoConnected: false,
      personalAuth: false,
    };
    const text = toInventoryCsv([app]);
    expect(text).toContain("'=HYPERLINK");
    expect(text).not.toMatch(/(^|;)=/m);
    expect(rowsOf(parseInventoryCsv(text))[0]).toMatchObject({ name: app.name, vendor: "+33", version: "-1" });
  });

  it("neutralises a formula cell whatever follows its first character, line breaks included", () => {
    const base = {
      vendor: null,
      version: null,
      domains: ["other"],
      hosting: "saas",
      qhnCommitted: false,
      holdsHealthData: false,
      identityRepoConnected: false,
      movementRepoConnected: false,
      personalAuth: false,
    };
    const starts = ["=", "+", "-", "@", "\t", "\r"];
    const names = starts.flatMap((c) => [`${c}1+1\nx`, `${c}cmd|' /C calc'!A0\r\ny`, `${c}`]);
    const records = Papa.parse<string[]>(toInventoryCsv(names.map((name) => ({ ...base, name }))).slice(1), {
      delimiter: ";",
    }).data.slice(1, 1 + names.length);
    expect(records.map((r) => r[0])).toEqual(names.map((name) => `'${name}`));
  });

  it("gives a template with the header and one valid example row", () => {
    const text = inventoryTemplateCsv();
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(FIXTURE_HEADER);
    expect(rowsOf(parseInventoryCsv(text))).toHaveLength(1);
  });
});

describe("cells and bytes", () => {
  it("reads yes/no words and domains", () => {
    expect(["oui", "OUI", "o", "true", "1", "Vrai"].map(parseYesNo)).toEqual([true, true, true, true, true, true]);
    expect(["non", "N", "false", "0", "faux"].map(parseYesNo)).toEqual([false, false, false, false, false]);
    expect(parseYesNo("")).toBeNull();
    expect(parseDomains("care | Soins / dossier patient|  |Ressources humaines")).toEqual({
      domains: ["care", "hr"],
      unknown: [],
    });
  });

  it("decodes UTF-8 (with or without BOM) and falls back to Windows-1252 for Excel's French CSV", () => {
    const utf8 = new TextEncoder().encode("\uFEFFnom;éditeur");
    expect(decodeCsvBytes(utf8)).toBe("nom;éditeur"); // TextDecoder drops the BOM
    const cp1252 = new Uint8Array([0x45, 0x78, 0x74, 0x65, 0x72, 0x6e, 0x61, 0x6c, 0x69, 0x73, 0xe9]); // "Externalisé"
    expect(decodeCsvBytes(cp1252)).toBe("Externalisé");
    expect(decodeCsvBytes(cp1252.buffer)).toBe("Externalisé");
  });
});
