import { z } from "zod";

// Building blocks shared by the referential schemas. Client-safe: zod only.
// Messages are French because delegates and admins read them when a file is refused.

/** Free text shown to users: never empty, so a forgotten value is caught at load time. */
export const ZText = z.string().trim().min(1, "Ne doit pas être vide.");

/** Slug of a referential (`hopen-socle`): it names folders and is stored in assessments. */
export const ZSlug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Identifiant invalide : minuscules, chiffres et tirets (ex. hopen-socle).");

/**
 * Requirement or domain code (`P2.1`, `D2.O1.A`, `2026.cadrage`). Answers are keyed by code, so it
 * must be stable across versions; no spaces, to stay usable in URLs and exports.
 */
export const ZCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Code invalide : lettres, chiffres, points, tirets (ex. P2.1).");

/**
 * A version is a string: YAML reads an unquoted 2024.0 as the number 2024 and would lose the ".0",
 * so numbers are refused (the French error map suggests quoting).
 */
export const ZVersion = z
  .string()
  .regex(/^\d+(?:\.[0-9A-Za-z-]+)*$/, 'Version invalide : chiffres séparés par des points (ex. "2019.2").');

export const ZIsoDate = z.iso.date("Date invalide : format attendu AAAA-MM-JJ.");

/** Option keys and choice values are machine identifiers read by scoring and showIf. */
export const ZKey = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "Identifiant invalide : lettres, chiffres, _ . - (sans espace).");

export const ZChoice = z.object({ value: ZKey, label: ZText }).strict();

/** Values that appear twice in a list, in order of first repetition. */
export function findDuplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) duplicates.add(value);
    seen.add(value);
  }
  return [...duplicates];
}
