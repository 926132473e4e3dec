import { z } from "zod";

// FINESS: 9 characters. The first two give the département (01–95, 2A/2B for Corsica, 97x/98x
// overseas as "97"/"98"); the last is a Luhn check key over the first 8 (referentials.md §8, M).
// Corsica's letters are counted as 0 in the key: an assumption, the FINESS guide was not seen.
const DEPARTEMENT_PREFIX = /^(0[1-9]|1[0-9]|2[1-9]|2A|2B|[3-8][0-9]|9[0-5]|97|98)/;

export function luhnKey(first8: string): number {
  let sum = 0;
  for (let i = 0; i < first8.length; i++) {
    let digit = Number(/\d/.test(first8[i]!) ? first8[i] : 0);
    // Double every second digit from the right of the 8 (positions 8, 6, 4, 2 counted from 1).
    if ((first8.length - i) % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export type FinessProblem = "length" | "characters" | "departement" | "key";

export function checkFiness(raw: string): FinessProblem | null {
  const value = raw.trim().toUpperCase();
  if (value.length !== 9) return "length";
  if (!/^(\d{2}|2A|2B)\d{7}$/.test(value)) return "characters";
  if (!DEPARTEMENT_PREFIX.test(value)) return "departement";
  if (luhnKey(value.slice(0, 8)) !== Number(value[8])) return "key";
  return null;
}

const MESSAGES: Record<FinessProblem, string> = {
  length: "Le numéro FINESS compte exactement 9 caractères.",
  characters: "Le numéro FINESS ne contient que des chiffres (2A ou 2B pour la Corse).",
  departement: "Les deux premiers caractères du FINESS ne sont pas un département.",
  key: "La clé de contrôle du FINESS est fausse : vérifiez le numéro.",
};

/** Shared by forms and actions: trims, upper-cases, then checks length, département and key. */
export const ZFiness = z
  .string({ error: "Le numéro FINESS est obligatoire." })
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = checkFiness(value);
    if (problem) ctx.addIssue({ code: "custom", message: MESSAGES[problem] });
  });

/** Builds a valid FINESS from its first 8 characters (demo data, tests). */
export function withFinessKey(first8: string): string {
  return `${first8}${luhnKey(first8)}`;
}
