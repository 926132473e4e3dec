import type { ContributorFunction, EstablishmentCategory, Role } from "@/generated/prisma/enums";
import demoAccounts from "./demo-accounts.json";

// Demo data: the Breton establishments named in the press articles (docs/roles.md, "Demo data"), plus Pays de la Loire so
// that the regional boundary is visible. FINESS numbers are fictitious: "<dept>0999<nn>" + a valid
// key, so any of them is recognisable as demo at a glance.

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

export const DEMO_GHTS = [
  { key: "armor", name: "GHT d'Armor", region: "53", support: "saint-brieuc" },
  { key: "uhc", name: "GHT Union Hospitalière de Cornouaille", region: "53", support: "quimper" },
  { key: "broceliande", name: "GHT Brocéliande Atlantique", region: "53", support: "vannes" },
  { key: "rance", name: "GHT Rance Émeraude", region: "53", support: "saint-malo" },
] as const;

export const DEMO_ESTABLISHMENTS: DemoEstablishment[] = [
  { key: "rennes", name: "CHU de Rennes", category: "CHU", departement: "35", serial: "01", activity: 245_000 },
  { key: "brest", name: "CHU de Brest", category: "CHU", departement: "29", serial: "01", activity: 210_000 },
  {
    key: "ghbs",
    name: "Groupe hospitalier Bretagne Sud (GHBS)",
    category: "CH",
    departement: "56",
    serial: "01",
    activity: 98_000,
    siret: "26560999900015",
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
    key: "saint-yvi",
    name: "Unité de réadaptation de Saint-Yvi",
    category: "SSR",
    departement: "29",
    serial: "06",
    activity: 2_000,
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
  { key: "nantes", name: "CHU de Nantes", category: "CHU", departement: "44", serial: "01", activity: 260_000 },
  { key: "le-mans", name: "CH du Mans", category: "CH", departement: "72", serial: "01", activity: 95_000 },
];

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
};

// The accounts live in JSON so that scripts/start.mjs (plain Node) can print them too.
export const DEMO_ACCOUNTS = demoAccounts.accounts as DemoAccount[];
