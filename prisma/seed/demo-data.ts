import type { ContributorFunction, EstablishmentCategory, Role } from "@/generated/prisma/enums";
import demoAccounts from "./demo-accounts.json";

// Demo data: the Breton establishments the press articles name, plus Pays de la Loire so that the
// regional boundary is visible. Everything else is fictitious and says so: FINESS numbers are
// "<dept>0999<nn>" + a valid key (recognisable as demo at a glance), people's names are invented,
// software vendors are invented ("éditeur fictif"), and every page shows "Démonstration".
// GHT membership follows the law since 2016 (loi du 26 janvier 2016): every public establishment
// belongs to a GHT; CHU de Rennes, CHU de Brest and the GHBS are the support establishments of
// theirs. A geographical site (EG) is not a legal entity: Saint-Yvi's rehabilitation unit (SMR) is a
// site of the CH de Cornouaille, not an establishment.

export const DEMO_PASSWORD = demoAccounts.password;

export type DemoEstablishment = {
  key: string;
  name: string;
  category: EstablishmentCategory;
  departement: string;
  serial: string; // two digits, unique per département
  activity: number; // yearly stays (demo figure)
  ght?: string; // GHT key
  /** Fictitious (SIREN 265609999, "0999" as in the demo FINESS), Luhn-valid: what a ProConnect sign-in is matched on. */
  siret?: string;
};

/**
 * GHT names: the four the press articles name (d'Armor, Union Hospitalière de Cornouaille,
 * Brocéliande Atlantique, Rance Émeraude) are written as the sources give them. The others' public
 * names were not checked against a source: they carry a visible demo label, named after the support
 * establishment's territory, rather than a name that could pass for the official one.
 */
export const DEMO_GHT_LABEL = "(nom de démonstration)";

export const DEMO_GHTS = [
  { key: "armor", name: "GHT d'Armor", region: "53", support: "saint-brieuc" },
  { key: "uhc", name: "GHT Union Hospitalière de Cornouaille", region: "53", support: "quimper" },
  { key: "broceliande", name: "GHT Brocéliande Atlantique", region: "53", support: "vannes" },
  { key: "rance", name: "GHT Rance Émeraude", region: "53", support: "saint-malo" },
  { key: "haute-bretagne", name: `GHT territoire de Rennes ${DEMO_GHT_LABEL}`, region: "53", support: "rennes" },
  { key: "bretagne-occidentale", name: `GHT territoire de Brest ${DEMO_GHT_LABEL}`, region: "53", support: "brest" },
  { key: "sud-bretagne", name: `GHT territoire de Lorient ${DEMO_GHT_LABEL}`, region: "53", support: "ghbs" },
  { key: "loire-atlantique", name: `GHT de Loire-Atlantique ${DEMO_GHT_LABEL}`, region: "52", support: "nantes" },
  { key: "sarthe", name: `GHT de la Sarthe ${DEMO_GHT_LABEL}`, region: "52", support: "le-mans" },
] as const;

/** Names an earlier demo gave these GHTs (unsourced): renamed when the seed finds them. */
export const LEGACY_DEMO_GHT_NAMES = [
  "GHT Haute-Bretagne",
  "GHT Bretagne Occidentale",
  "GHT Sud Bretagne",
  "GHT 44",
  "GHT de la Sarthe",
] as const;

export const DEMO_ESTABLISHMENTS: DemoEstablishment[] = [
  {
    key: "rennes",
    name: "CHU de Rennes",
    category: "CHU",
    departement: "35",
    serial: "01",
    activity: 245_000,
    ght: "haute-bretagne",
  },
  {
    key: "brest",
    name: "CHU de Brest",
    category: "CHU",
    departement: "29",
    serial: "01",
    activity: 210_000,
    ght: "bretagne-occidentale",
  },
  {
    key: "ghbs",
    name: "Groupe hospitalier Bretagne Sud (GHBS)",
    category: "CH",
    departement: "56",
    serial: "01",
    activity: 98_000,
    siret: "26560999900015",
    ght: "sud-bretagne",
  },
  {
    key: "saint-brieuc",
    name: "CH de Saint-Brieuc",
    category: "CH",
    departement: "22",
    serial: "01",
    activity: 72_000,
    ght: "armor",
  },
  {
    key: "guingamp",
    name: "CH de Guingamp",
    category: "CH",
    departement: "22",
    serial: "02",
    activity: 21_000,
    ght: "armor",
  },
  {
    key: "lannion",
    name: "CH de Lannion-Trestel",
    category: "CH",
    departement: "22",
    serial: "03",
    activity: 24_000,
    ght: "armor",
  },
  {
    key: "paimpol",
    name: "CH de Paimpol",
    category: "CH",
    departement: "22",
    serial: "04",
    activity: 9_000,
    ght: "armor",
  },
  {
    key: "treguier",
    name: "CH de Tréguier",
    category: "CH",
    departement: "22",
    serial: "05",
    activity: 4_000,
    ght: "armor",
  },
  {
    key: "quimper",
    name: "CH de Cornouaille Quimper-Concarneau",
    category: "CH",
    departement: "29",
    serial: "02",
    activity: 88_000,
    ght: "uhc",
  },
  {
    key: "douarnenez",
    name: "CH de Douarnenez",
    category: "CH",
    departement: "29",
    serial: "03",
    activity: 12_000,
    ght: "uhc",
  },
  {
    key: "epsm-fs",
    name: "EPSM du Finistère Sud",
    category: "EPSM",
    departement: "29",
    serial: "04",
    activity: 7_500,
    ght: "uhc",
  },
  {
    key: "pont-labbe",
    name: "Hôtel-Dieu de Pont-l'Abbé",
    category: "CH",
    departement: "29",
    serial: "05",
    activity: 10_500,
    ght: "uhc",
  },
  {
    key: "vannes",
    name: "CH Bretagne Atlantique (Vannes)",
    category: "CH",
    departement: "56",
    serial: "02",
    activity: 80_000,
    ght: "broceliande",
  },
  {
    key: "saint-malo",
    name: "CH de Saint-Malo",
    category: "CH",
    departement: "35",
    serial: "02",
    activity: 45_000,
    ght: "rance",
  },
  {
    key: "nantes",
    name: "CHU de Nantes",
    category: "CHU",
    departement: "44",
    serial: "01",
    activity: 260_000,
    ght: "loire-atlantique",
  },
  {
    key: "le-mans",
    name: "CH du Mans",
    category: "CH",
    departement: "72",
    serial: "01",
    activity: 95_000,
    ght: "sarthe",
  },
];

/**
 * Geographical sites (EG) of a legal entity: the CH de Cornouaille's sites, Saint-Yvi's SMR among
 * them. FINESS "<dept>0999<nn>" like the establishments, serials from 61 up; activity: demo figures.
 */
export const DEMO_SITES = [
  { establishment: "quimper", name: "Site de Quimper", departement: "29", serial: "61", activity: 70_000 },
  { establishment: "quimper", name: "Site de Concarneau", departement: "29", serial: "62", activity: 16_000 },
  {
    establishment: "quimper",
    name: "Unité de soins médicaux et de réadaptation (SMR) de Saint-Yvi",
    departement: "29",
    serial: "63",
    activity: 2_000,
  },
] as const;

export type DemoAccount = {
  email: string;
  name: string;
  title?: string;
  role: Role;
  function?: ContributorFunction;
  establishment?: string;
  ght?: string;
  region?: string; // INSEE code
  description: string; // for the README and the start banner
  /** The demo admin's TOTP secret (base32), public like the password: the admin's second factor. */
  totpSecret?: string;
};

// The accounts live in JSON so that scripts/start.mjs (plain Node) can print them too.
export const DEMO_ACCOUNTS = demoAccounts.accounts as DemoAccount[];
