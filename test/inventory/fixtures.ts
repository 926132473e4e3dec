// A 12-application inventory file for the CSV unit tests and the import integration tests.
// Indicator values when all 12 rows are valid:
//   identity_repo 5 / 6, movement_repo 4 / 6, personal_auth 7 / 9.
// In the "broken" variant, rows at spreadsheet lines 4, 8 and 12 are wrong (one problem each).

export const FIXTURE_HEADER =
  "nom;editeur;version;domaines;hebergement;engagement_qhn;donnees_sante;referentiel_identites;referentiel_mouvements;authentification_personnelle";

type Row = [
  name: string,
  vendor: string,
  version: string,
  domains: string,
  hosting: string,
  qhn: string,
  data: string,
  identity: string,
  movement: string,
  auth: string,
];

const GOOD: Row[] = [
  // line 2: one application, four domains (counts once); a vendor with ";" inside (quoted)
  [
    "Dossier patient DxCare",
    "Dedalus; division France",
    "8.2",
    "care|patient_admin|PMSI|Planification / rendez-vous",
    "sur site",
    "oui",
    "oui",
    "oui",
    "oui",
    "oui",
  ],
  [
    "Gestion administrative Pastel",
    "Maincare",
    "",
    "Gestion administrative du patient",
    "externalisé",
    "oui",
    "oui",
    "oui",
    "oui",
    "oui",
  ],
  ["PMSI Web100T", "Web100T", "3", "pmsi", "SaaS", "non", "oui", "oui", "non", "oui"], // line 4
  [
    "Urgences ResUrgences",
    "Berger-Levrault",
    "",
    "Soins / dossier patient",
    "sur site",
    "oui",
    "oui",
    "non",
    "non",
    "non",
  ],
  ["Bloc opératoire", "", "", "care|scheduling", "sur site", "oui", "oui", "oui", "oui", "oui"],
  ["RIS imagerie", "Xplore", "", "imaging", "sur site", "oui", "oui", "oui", "non", "oui"],
  ["PACS", "Carestream", "", "Imagerie", "externalisé", "non", "oui", "non", "non", "non"], // line 8
  ["SIL biologie", "Inlog", "", "biology", "sur site", "oui", "oui", "oui", "non", "oui"],
  ["Pharmacie", "Computer Engineering", "", "pharmacy|care", "sur site", "oui", "oui", "oui", "oui", "oui"],
  ["GEF Magh2", "Berger-Levrault", "", "finance", "sur site", "non", "non", "non", "non", "oui"],
  ["RH Agirh", "Inetum", "", "hr", "SaaS", "non", "non", "non", "non", "non"], // line 12
  ["Messagerie", "", "", "other", "SaaS", "non", "non", "non", "non", "non"],
];

/** Spreadsheet lines of the broken rows, and how each is broken. */
export const BROKEN_LINES = [4, 8, 12] as const;

function broken(): Row[] {
  const rows = GOOD.map((r) => [...r] as Row);
  rows[2]![4] = "nuage"; // line 4: hosting not recognised
  rows[6]![6] = "peut-être"; // line 8: not a yes/no
  rows[10]![3] = "paie"; // line 12: unknown domain
  return rows;
}

function cell(value: string, separator: string): string {
  return value.includes(separator) || value.includes('"') || value.includes("\n")
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

export function inventoryCsv(
  options: { separator?: ";" | ","; broken?: boolean; bom?: boolean; eol?: string } = {},
): string {
  const separator = options.separator ?? ";";
  const eol = options.eol ?? "\r\n";
  const rows = options.broken ? broken() : GOOD;
  const header = FIXTURE_HEADER.split(";").join(separator);
  const body = rows.map((r) => r.map((v) => cell(v, separator)).join(separator));
  return `${options.bom ? "\uFEFF" : ""}${[header, ...body].join(eol)}${eol}`;
}

export const FIXTURE_EXPECTED = {
  identity_repo: { numerator: 5, denominator: 6 },
  movement_repo: { numerator: 4, denominator: 6 },
  personal_auth: { numerator: 7, denominator: 9 },
} as const;
