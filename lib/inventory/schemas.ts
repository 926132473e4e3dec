import { z } from "zod";
import { Hosting } from "@/generated/prisma/enums";

// The application inventory's inputs, shared by the add/edit form (zodResolver), the CSV import
// (each row is checked with the same schema) and the route handlers (command()).
// Client-safe: zod and enums only. Every message is French; objects are strict.

export const APPLICATION_LIMITS = { name: 120, vendor: 120, version: 120 } as const;

/** Largest CSV accepted by the import (checked by the panel before sending, enforced by the route). */
export const MAX_IMPORT_BYTES = 1024 * 1024;
/** A CHU runs a few hundred applications; far above that, the file is probably not an inventory. */
export const MAX_IMPORT_ROWS = 5000;
/** At most this many located errors travel back to the browser for a refused file. */
export const MAX_REPORTED_ERRORS = 1000;

/** Functional domains an application may cover. The order is the display order. */
export const DOMAIN_CODES = [
  "care",
  "patient_admin",
  "pmsi",
  "imaging",
  "biology",
  "pharmacy",
  "scheduling",
  "finance",
  "hr",
  "other",
] as const;
export type TDomain = (typeof DOMAIN_CODES)[number];

export const DOMAIN_LABELS: Record<TDomain, string> = {
  care: "Soins / dossier patient",
  patient_admin: "Gestion administrative du patient",
  pmsi: "PMSI",
  imaging: "Imagerie",
  biology: "Biologie",
  pharmacy: "Pharmacie / circuit du médicament",
  scheduling: "Planification / rendez-vous",
  finance: "Gestion économique et financière",
  hr: "Ressources humaines",
  other: "Autre",
};

export const HOSTING_VALUES = [Hosting.on_site, Hosting.outsourced, Hosting.saas] as const;
export type THosting = (typeof HOSTING_VALUES)[number];

export const HOSTING_LABELS: Record<THosting, string> = {
  on_site: "Sur site",
  outsourced: "Externalisé",
  saas: "SaaS",
};

/** The five yes/no facts kept per application, in display order. */
export const FLAG_FIELDS = [
  "qhnCommitted",
  "holdsHealthData",
  "identityRepoConnected",
  "movementRepoConnected",
  "personalAuth",
] as const;
export type TFlag = (typeof FLAG_FIELDS)[number];

export const FLAG_LABELS: Record<TFlag, { label: string; short: string; hint: string }> = {
  qhnCommitted: {
    label: "Éditeur engagé dans la démarche QHN",
    short: "Engagement QHN",
    hint: "l'éditeur s'est engagé dans la certification « Qualité Hôpital Numérique »",
  },
  holdsHealthData: {
    label: "Contient des données de santé à caractère personnel",
    short: "Données de santé",
    hint: "décide si l'application compte dans l'indicateur d'authentification personnelle",
  },
  identityRepoConnected: {
    label: "Reliée au référentiel unique d'identités (INS)",
    short: "Réf. identités",
    hint: "l'application reçoit les identités patient du référentiel unique qui porte l'INS",
  },
  movementRepoConnected: {
    label: "Reliée au référentiel unique des séjours et mouvements",
    short: "Réf. mouvements",
    hint: "l'application reçoit les venues, séjours et mouvements du référentiel unique",
  },
  personalAuth: {
    label: "Exige une authentification personnelle",
    short: "Auth. personnelle",
    hint: "chaque utilisateur se connecte avec son propre compte, jamais un compte partagé",
  },
};

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} doit être un texte.` })
    .trim()
    .max(max, { error: `${label} ne doit pas dépasser ${max} caractères.` })
    .optional();

const flag = (label: string) => z.boolean({ error: `${label} : indiquez oui ou non.` });

export const ZApplicationInput = z.strictObject(
  {
    name: z
      .string({ error: "Saisissez le nom de l'application." })
      .trim()
      .min(1, { error: "Saisissez le nom de l'application." })
      .max(APPLICATION_LIMITS.name, { error: `Le nom ne doit pas dépasser ${APPLICATION_LIMITS.name} caractères.` }),
    vendor: optionalText("L'éditeur", APPLICATION_LIMITS.vendor),
    version: optionalText("La version", APPLICATION_LIMITS.version),
    domains: z
      .array(z.enum(DOMAIN_CODES, { error: "Domaine fonctionnel inconnu." }), {
        error: "Choisissez au moins un domaine fonctionnel.",
      })
      .min(1, { error: "Choisissez au moins un domaine fonctionnel." })
      .max(DOMAIN_CODES.length, { error: "Un domaine fonctionnel est cité plusieurs fois." })
      .refine((domains) => new Set(domains).size === domains.length, {
        error: "Un domaine fonctionnel est cité plusieurs fois.",
      }),
    hosting: z.enum(HOSTING_VALUES, { error: "Choisissez l'hébergement : sur site, externalisé ou SaaS." }),
    qhnCommitted: flag("Engagement QHN de l'éditeur"),
    holdsHealthData: flag("Données de santé à caractère personnel"),
    identityRepoConnected: flag("Référentiel d'identités"),
    movementRepoConnected: flag("Référentiel des mouvements"),
    personalAuth: flag("Authentification personnelle"),
  },
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `Champ non prévu : ${iss.keys.join(", ")}.`
        : "Le contenu envoyé doit être un objet JSON.",
  },
);
export type TApplicationInput = z.output<typeof ZApplicationInput>;

/** The body of DELETE …/inventory/[applicationId]: nothing. */
export const ZEmpty = z.strictObject(
  {},
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `Champ non prévu : ${iss.keys.join(", ")}.`
        : "Le contenu envoyé doit être un objet JSON.",
  },
);

export const IMPORT_MODES = ["replace", "merge"] as const;
export type TImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_MODE_LABELS: Record<TImportMode, { label: string; hint: string }> = {
  merge: {
    label: "Compléter l'inventaire",
    hint: "les applications du fichier sont ajoutées, ou mises à jour si leur nom existe déjà ; les autres sont conservées",
  },
  replace: {
    label: "Remplacer l'inventaire",
    hint: "l'inventaire actuel est effacé puis remplacé par le contenu du fichier",
  },
};

/** The body of POST …/inventory/import. The byte limit is enforced by the route on the UTF-8 size. */
export const ZImportInput = z.strictObject(
  {
    text: z.string({ error: "Le contenu du fichier est manquant." }),
    mode: z.enum(IMPORT_MODES, { error: "Choisissez le mode d'import : compléter ou remplacer." }),
  },
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `Champ non prévu : ${iss.keys.join(", ")}.`
        : "Le contenu envoyé doit être un objet JSON.",
  },
);
export type TImportInput = z.output<typeof ZImportInput>;

/** One located problem of a refused CSV file; `line` is the row number a spreadsheet shows. */
export type TCsvError = { line: number; column?: string; message: string };

export type TImportSummary = { mode: TImportMode; total: number; created: number; updated: number; deleted: number };

/** An application as the page and the export see it. */
export type TApplication = Omit<TApplicationInput, "vendor" | "version"> & {
  id: string;
  vendor: string | null;
  version: string | null;
};
