import Papa from "papaparse";
import {
  DOMAIN_CODES,
  DOMAIN_LABELS,
  FLAG_FIELDS,
  HOSTING_LABELS,
  HOSTING_VALUES,
  MAX_IMPORT_ROWS,
  type TApplicationInput,
  type TCsvError,
  type TDomain,
  type TFlag,
  type THosting,
  ZApplicationInput,
} from "./schemas";

// The inventory as a spreadsheet file. Pure and client-safe: the import panel parses the file in
// the browser for an immediate preview, and the import route parses it again before writing.
//
// Format: French column names, ";" separator as French Excel writes it ("," accepted on import),
// UTF-8 with a BOM on export so that Excel reads the accents. Booleans "oui"/"non"; domains
// separated by "|", by code or French label; hosting "sur site", "externalisé" or "SaaS".
// Line numbers in errors are the row numbers a spreadsheet shows: the header is line 1, and a
// cell spanning several text lines (quoted newline) is still one row.

export const CSV_COLUMNS = [
  "nom",
  "editeur",
  "version",
  "domaines",
  "hebergement",
  "engagement_qhn",
  "donnees_sante",
  "referentiel_identites",
  "referentiel_mouvements",
  "authentification_personnelle",
] as const;
export type TCsvColumn = (typeof CSV_COLUMNS)[number];

const COLUMN_FIELD: Record<TCsvColumn, keyof TApplicationInput> = {
  nom: "name",
  editeur: "vendor",
  version: "version",
  domaines: "domains",
  hebergement: "hosting",
  engagement_qhn: "qhnCommitted",
  donnees_sante: "holdsHealthData",
  referentiel_identites: "identityRepoConnected",
  referentiel_mouvements: "movementRepoConnected",
  authentification_personnelle: "personalAuth",
};
const FIELD_COLUMN = Object.fromEntries(Object.entries(COLUMN_FIELD).map(([c, f]) => [f, c])) as Record<
  keyof TApplicationInput,
  TCsvColumn
>;

/** Columns a file may leave out (the values are then empty). Every other column is required. */
const OPTIONAL_COLUMNS: readonly TCsvColumn[] = ["editeur", "version"];

export const CSV_SEPARATOR = ";";
const BOM = "\uFEFF";
const EOL = "\r\n";

export type CsvParseResult = { ok: true; rows: TApplicationInput[] } | { ok: false; errors: TCsvError[] };

/** Lower case, no accents, single spaces: "  Externalisé " and "externalise" are the same word. */
export function fold(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const headerKey = (cell: string) => fold(cell).replace(/[\s-]+/g, "_");

/** A cell the export protected against spreadsheet formulas ("'=…") gets its value back. */
const unescapeFormula = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

const TRUE_WORDS = new Set(["oui", "o", "true", "vrai", "1", "yes", "y"]);
const FALSE_WORDS = new Set(["non", "n", "false", "faux", "0", "no"]);

export function parseYesNo(cell: string): boolean | null {
  const word = fold(cell);
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

const DOMAIN_BY_WORD = new Map<string, TDomain>(
  DOMAIN_CODES.flatMap((code) => [
    [fold(code), code],
    [fold(DOMAIN_LABELS[code]), code],
  ]),
);

/** "Soins / dossier patient|pmsi" → ["care", "pmsi"]; unknown words are returned apart. */
export function parseDomains(cell: string): { domains: TDomain[]; unknown: string[] } {
  const domains: TDomain[] = [];
  const unknown: string[] = [];
  for (const raw of cell.split("|")) {
    const word = raw.trim();
    if (!word) continue;
    const code = DOMAIN_BY_WORD.get(fold(word));
    if (!code) unknown.push(word);
    else if (!domains.includes(code)) domains.push(code);
  }
  return { domains, unknown };
}

const HOSTING_BY_WORD = new Map<string, THosting>([
  ...HOSTING_VALUES.flatMap((code): [string, THosting][] => [
    [fold(code), code],
    [fold(HOSTING_LABELS[code]), code],
  ]),
  ["site", "on_site"],
  ["interne", "on_site"],
  ["externe", "outsourced"],
  ["externalisee", "outsourced"],
  ["infogerance", "outsourced"],
  ["infogere", "outsourced"],
]);

export function parseHosting(cell: string): THosting | null {
  return HOSTING_BY_WORD.get(fold(cell)) ?? null;
}

/** The separator of the header line: ";" unless the line has more commas than semicolons. */
export function detectSeparator(text: string): ";" | "," {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? "";
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(",") > count(";") ? "," : ";";
}

const DOMAIN_HELP = `Domaines admis (codes ou libellés, séparés par |) : ${DOMAIN_CODES.map((c) => DOMAIN_LABELS[c]).join(", ")}.`;
const HOSTING_HELP = "indiquez sur site, externalisé ou SaaS.";

function quoteProblem(code: string): string {
  if (code === "MissingQuotes")
    return "Un guillemet ouvert n'est jamais refermé : la cellule se prolonge jusqu'à la fin du fichier.";
  if (code === "InvalidQuotes")
    return 'Guillemet mal placé : dans une cellule entre guillemets, un guillemet s\'écrit deux fois ("").';
  return "Ligne illisible : vérifiez les guillemets et les séparateurs.";
}

type HeaderMap = { columns: (TCsvColumn | null)[]; errors: TCsvError[] };

function readHeader(cells: string[]): HeaderMap {
  const errors: TCsvError[] = [];
  const columns: (TCsvColumn | null)[] = [];
  const seen = new Set<TCsvColumn>();
  cells.forEach((cell, index) => {
    const key = headerKey(cell);
    if (!key) {
      columns.push(null); // a blank header cell: its values must stay empty (checked per row)
      return;
    }
    const column = (CSV_COLUMNS as readonly string[]).includes(key) ? (key as TCsvColumn) : null;
    if (!column) {
      errors.push({
        line: 1,
        column: cell.trim(),
        message: `Colonne inconnue (colonne ${index + 1}). Colonnes attendues : ${CSV_COLUMNS.join(", ")}.`,
      });
    } else if (seen.has(column)) {
      errors.push({ line: 1, column, message: "Cette colonne apparaît deux fois dans l'en-tête." });
    }
    if (column) seen.add(column);
    columns.push(column);
  });
  for (const column of CSV_COLUMNS) {
    if (!seen.has(column) && !OPTIONAL_COLUMNS.includes(column)) {
      errors.push({ line: 1, column, message: "Colonne obligatoire absente de l'en-tête." });
    }
  }
  return { columns, errors };
}

function readRow(
  line: number,
  cells: string[],
  columns: (TCsvColumn | null)[],
): { value?: TApplicationInput; errors: TCsvError[] } {
  const errors: TCsvError[] = [];
  const cell: Partial<Record<TCsvColumn, string>> = {};
  cells.forEach((raw, index) => {
    const value = unescapeFormula(raw.trim()).trim();
    const column = columns[index];
    if (column) cell[column] = value;
    else if (value)
      errors.push({ line, message: `Valeur « ${value} » hors des colonnes de l'en-tête (colonne ${index + 1}).` });
  });

  const candidate: Record<string, unknown> = {
    name: cell.nom ?? "",
    vendor: cell.editeur || undefined,
    version: cell.version || undefined,
  };
  const converted = new Set<TCsvColumn>(); // columns whose conversion already failed: no zod message on top

  const domainsCell = cell.domaines ?? "";
  const { domains, unknown } = parseDomains(domainsCell);
  if (unknown.length > 0) {
    errors.push({
      line,
      column: "domaines",
      message: `Domaine${unknown.length > 1 ? "s" : ""} inconnu${unknown.length > 1 ? "s" : ""} : ${unknown.map((u) => `« ${u} »`).join(", ")}. ${DOMAIN_HELP}`,
    });
    converted.add("domaines");
  } else if (domains.length === 0) {
    errors.push({ line, column: "domaines", message: `Indiquez au moins un domaine fonctionnel. ${DOMAIN_HELP}` });
    converted.add("domaines");
  }
  candidate.domains = domains.length > 0 ? domains : ["other"];

  const hostingCell = cell.hebergement ?? "";
  const hosting = parseHosting(hostingCell);
  if (!hosting) {
    errors.push({
      line,
      column: "hebergement",
      message: hostingCell
        ? `Hébergement « ${hostingCell} » non reconnu : ${HOSTING_HELP}`
        : `Hébergement manquant : ${HOSTING_HELP}`,
    });
    converted.add("hebergement");
  }
  candidate.hosting = hosting ?? "on_site";

  for (const field of FLAG_FIELDS) {
    const column = FIELD_COLUMN[field];
    const raw = cell[column] ?? "";
    const value = parseYesNo(raw);
    if (value === null) {
      errors.push({
        line,
        column,
        message: raw
          ? `« ${raw} » n'est pas reconnu : indiquez oui ou non.`
          : "Valeur manquante : indiquez oui ou non.",
      });
      converted.add(column);
    }
    candidate[field satisfies TFlag] = value ?? false;
  }

  const parsed = ZApplicationInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof TApplicationInput | undefined;
      const column = field ? FIELD_COLUMN[field] : undefined;
      if (column && converted.has(column)) continue;
      errors.push({ line, column, message: issue.message });
    }
  }
  return errors.length === 0 && parsed.success ? { value: parsed.data, errors } : { errors };
}

const isBlankRow = (cells: string[]) => cells.every((c) => c.trim() === "");

/**
 * Reads an inventory file. Every problem is reported with its line (and column when it has one),
 * so that a refused file can be fixed in one pass; nothing is returned unless every row is valid.
 */
export function parseInventoryCsv(input: string): CsvParseResult {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  if (text.trim() === "")
    return {
      ok: false,
      errors: [{ line: 1, message: "Le fichier est vide : il doit commencer par la ligne d'en-tête." }],
    };

  const parsed = Papa.parse<string[]>(text, { delimiter: detectSeparator(text), header: false, skipEmptyLines: false });
  const quoteErrors = parsed.errors.filter((e) => e.type === "Quotes");
  if (quoteErrors.length > 0) {
    return { ok: false, errors: quoteErrors.map((e) => ({ line: (e.row ?? 0) + 1, message: quoteProblem(e.code) })) };
  }

  const records = parsed.data;
  const headerIndex = records.findIndex((r) => !isBlankRow(r));
  if (headerIndex < 0)
    return {
      ok: false,
      errors: [{ line: 1, message: "Le fichier est vide : il doit commencer par la ligne d'en-tête." }],
    };
  if (headerIndex > 0)
    return {
      ok: false,
      errors: [{ line: 1, message: "La première ligne doit être l'en-tête (nom;editeur;…) : elle est vide." }],
    };

  const header = readHeader(records[0]!);
  if (header.errors.length > 0) return { ok: false, errors: header.errors };

  const errors: TCsvError[] = [];
  const rows: TApplicationInput[] = [];
  const firstLineOfName = new Map<string, number>();
  let dataRows = 0;
  for (let index = 1; index < records.length; index += 1) {
    const cells = records[index]!;
    if (isBlankRow(cells)) continue;
    dataRows += 1;
    if (dataRows > MAX_IMPORT_ROWS) {
      return {
        ok: false,
        errors: [
          {
            line: index + 1,
            message: `Le fichier dépasse ${MAX_IMPORT_ROWS.toLocaleString("fr-FR")} applications : découpez-le.`,
          },
        ],
      };
    }
    const line = index + 1;
    const row = readRow(line, cells, header.columns);
    errors.push(...row.errors);
    const name = (row.value?.name ?? unescapeFormula((cells[header.columns.indexOf("nom")] ?? "").trim())).trim();
    if (name) {
      const key = nameKey(name);
      const first = firstLineOfName.get(key);
      if (first !== undefined) {
        errors.push({
          line,
          column: "nom",
          message: `« ${name} » figure déjà ligne ${first} : une application n'apparaît qu'une fois dans le fichier.`,
        });
      } else {
        firstLineOfName.set(key, line);
      }
    }
    if (row.value) rows.push(row.value);
  }
  if (dataRows === 0) {
    return {
      ok: false,
      errors: [{ line: 2, message: "Le fichier ne contient que l'en-tête : aucune application à importer." }],
    };
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, rows };
}

/** Two names that differ only by case, accents or spaces are the same application. */
export function nameKey(name: string): string {
  return fold(name);
}

type ExportApplication = {
  name: string;
  vendor?: string | null;
  version?: string | null;
  domains: readonly string[];
  hosting: string;
  qhnCommitted: boolean;
  holdsHealthData: boolean;
  identityRepoConnected: boolean;
  movementRepoConnected: boolean;
  personalAuth: boolean;
};

const yesNo = (value: boolean) => (value ? "oui" : "non");
const domainLabel = (code: string) => (DOMAIN_LABELS as Record<string, string>)[code] ?? code;
const HOSTING_CSV: Record<THosting, string> = { on_site: "sur site", outsourced: "externalisé", saas: "SaaS" };
const hostingLabel = (code: string) => (HOSTING_CSV as Record<string, string>)[code] ?? code;

function toRow(app: ExportApplication): string[] {
  return [
    app.name,
    app.vendor ?? "",
    app.version ?? "",
    app.domains.map(domainLabel).join("|"),
    hostingLabel(app.hosting),
    yesNo(app.qhnCommitted),
    yesNo(app.holdsHealthData),
    yesNo(app.identityRepoConnected),
    yesNo(app.movementRepoConnected),
    yesNo(app.personalAuth),
  ];
}

/**
 * A cell starting with = + - @ tab or carriage return, whatever follows, line breaks included. Papa's
 * own default (`/^[=+\-@\t\r].*$/`) misses "=1+1\nx": its `.` stops at the line break.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

function unparse(rows: string[][]): string {
  // A cell matching FORMULA_START is prefixed with ' so that a spreadsheet never runs it.
  const body = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows },
    { delimiter: CSV_SEPARATOR, newline: EOL, escapeFormulae: FORMULA_START },
  );
  return `${BOM}${body}${EOL}`;
}

/** The whole inventory, ready to open in French Excel (BOM, ";", CRLF), and to import back. */
export function toInventoryCsv(apps: readonly ExportApplication[]): string {
  return unparse(apps.map(toRow));
}

export const TEMPLATE_EXAMPLE: TApplicationInput = {
  name: "Exemple - dossier patient informatisé",
  vendor: "Éditeur",
  version: "1.0",
  domains: ["care", "patient_admin"],
  hosting: "on_site",
  qhnCommitted: true,
  holdsHealthData: true,
  identityRepoConnected: true,
  movementRepoConnected: true,
  personalAuth: false,
};

/** The header and one example row, to fill in. */
export function inventoryTemplateCsv(): string {
  return unparse([toRow(TEMPLATE_EXAMPLE)]);
}

/**
 * A file's bytes as text: UTF-8 (with or without BOM), else Windows-1252, which French Excel uses
 * for "CSV (séparateur : point-virgule)". Never guesses silently wrong accents for valid UTF-8.
 */
export function decodeCsvBytes(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
