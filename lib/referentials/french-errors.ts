import type { z } from "zod";
import { fr } from "zod/locales";
import type { ErrorCode } from "yaml";

// French wording for the two kinds of errors a referential author meets: YAML syntax and schema
// issues. Passed per parse (not through z.config) so the rest of the app keeps its own settings.

const frenchLocale = fr().localeError;

const EXPECTED: Record<string, string> = {
  string: "un texte",
  number: "un nombre",
  boolean: "vrai ou faux (true/false)",
  object: "un bloc de champs",
  array: "une liste",
};

function describe(input: unknown): string {
  if (input === null) return "une valeur vide";
  if (Array.isArray(input)) return "une liste";
  return EXPECTED[typeof input] ?? typeof input;
}

function quoteAll(values: readonly unknown[]): string {
  return values.map((v) => `« ${String(v)} »`).join(", ");
}

export function frenchErrorMap(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case "invalid_type": {
      if (iss.input === undefined) return "Champ obligatoire manquant.";
      // YAML turns unquoted 2019.2 or 1.0 into numbers: the fix is almost always to quote.
      const hint =
        iss.expected === "string" && typeof iss.input === "number" ? " Mettez la valeur entre guillemets." : "";
      return `Attendu : ${EXPECTED[iss.expected] ?? iss.expected} ; reçu : ${describe(iss.input)}.${hint}`;
    }
    case "unrecognized_keys":
      return `Champ inconnu : ${quoteAll(iss.keys)} (faute de frappe ou champ non prévu par le format).`;
    case "invalid_value":
      return `Valeur non admise : attendu ${quoteAll(iss.values)}.`;
    case "invalid_union": {
      if (!("discriminator" in iss) || typeof iss.discriminator !== "string") return "Valeur invalide.";
      const options = "options" in iss && Array.isArray(iss.options) ? quoteAll(iss.options) : "";
      return `« ${iss.discriminator} » absent ou inconnu : attendu ${options}.`;
    }
  }
  return frenchLocale(iss)?.toString();
}

const YAML_MESSAGES: Partial<Record<ErrorCode, string>> = {
  DUPLICATE_KEY: "Clé en double dans le même bloc.",
  BAD_INDENT: "Indentation incorrecte.",
  TAB_AS_INDENT: "Tabulation utilisée pour indenter : utilisez des espaces.",
  MISSING_CHAR: "Caractère manquant : guillemet, crochet ou accolade non fermé ?",
  UNEXPECTED_TOKEN: "Élément inattendu à cet endroit.",
  MULTIPLE_DOCS: "Un seul document YAML par fichier.",
  BAD_SCALAR_START: "Valeur mal formée : mettez-la entre guillemets.",
  BLOCK_AS_IMPLICIT_KEY: "Clé mal formée : un « : » manque ou est en trop.",
  MULTILINE_IMPLICIT_KEY: "Clé sur plusieurs lignes : un « : » dans une valeur non mise entre guillemets ?",
  BAD_ALIAS: "Alias YAML inconnu.",
};

export function frenchYamlMessage(code: ErrorCode): string {
  return `${YAML_MESSAGES[code] ?? "Erreur de syntaxe."} (${code})`;
}
