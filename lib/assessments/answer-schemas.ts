import { z } from "zod";
import type { TAnswerSpec, TRequirement } from "@/lib/referentials/schemas";

// Client-safe: the questionnaire's controls and the save route share these schemas.

export const ANSWER_KINDS = ["value", "unknown", "not_applicable"] as const;
export type TAnswerKind = (typeof ANSWER_KINDS)[number];

const MAX_TEXT = 4000;

const ZFraction = z
  .object({
    percent: z.number().min(0).max(100),
    numerator: z.number().int().min(0),
    denominator: z.number().int().min(0),
  })
  .strict();

/**
 * A computed percentage keeps its fraction so the formula can be shown ("7 / 9 applications"); while
 * the indicator's scope is uncertain, `broad` keeps the figure under the broad reading too.
 */
export const ZComputedPercentage = ZFraction.extend({ broad: ZFraction.optional() }).strict();

/** The value stored for each answer type. */
export function answerValueSchema(spec: TAnswerSpec): z.ZodType {
  switch (spec.type) {
    case "yes_no":
      return z.enum(["yes", "no"], { error: "Répondez par oui ou par non." });
    case "yes_partial_no":
      return z.enum(["yes", "partial", "no"], { error: "Répondez par oui, partiellement ou non." });
    case "percentage":
      return z
        .number({ error: "Saisissez un pourcentage." })
        .min(0, "Un pourcentage est compris entre 0 et 100.")
        .max(100, "Un pourcentage est compris entre 0 et 100.");
    case "number":
      return z.number({ error: "Saisissez un nombre." }).finite().min(-1e12).max(1e12);
    case "date":
      return z.iso.date("Saisissez une date au format JJ/MM/AAAA.");
    case "text":
      return z
        .string()
        .trim()
        .min(1, "La réponse est vide.")
        .max(MAX_TEXT, `La réponse dépasse ${MAX_TEXT} caractères.`);
    case "choice":
      return z.enum(spec.options.map((o) => o.value) as [string, ...string[]], {
        error: "Choisissez une des options proposées.",
      });
  }
}

/** The body of PUT /api/assessments/[assessmentId]/answers. */
export const ZSaveAnswer = z
  .object({
    requirementCode: z.string().min(1).max(64),
    kind: z.enum(ANSWER_KINDS, { error: "Type de réponse inconnu." }),
    value: z.unknown().optional(),
    justification: z.string().trim().max(2000, "La justification dépasse 2 000 caractères.").optional().nullable(),
    comment: z.string().trim().max(MAX_TEXT, `Le commentaire dépasse ${MAX_TEXT} caractères.`).optional().nullable(),
    /** The version the user edited; 0 when the answer did not exist yet. */
    expectedVersion: z.number({ error: "Version attendue manquante." }).int().min(0),
  })
  .strict();
export type TSaveAnswer = z.infer<typeof ZSaveAnswer>;

export type StoredAnswer = {
  requirementCode: string;
  kind: TAnswerKind;
  value: unknown;
  justification: string | null;
  comment: string | null;
  needsConfirmation: boolean;
  carriedFrom: string | null;
  version: number;
  answeredBy: string | null;
  updatedAt: string;
};

/** Checks the value against the requirement; returns the French problem, or null. */
export function checkAnswer(
  requirement: TRequirement,
  input: Pick<TSaveAnswer, "kind" | "value" | "justification">,
): string | null {
  if (input.kind === "not_applicable") {
    if (!requirement.naAllowed) return "« Non applicable » n'est pas admis pour cette exigence.";
    if (!input.justification) return "Justifiez pourquoi cette exigence ne s'applique pas.";
    return null;
  }
  if (input.kind === "unknown") return null;
  if (requirement.answer.type === "percentage" && requirement.answer.computedFrom) {
    // A computed indicator: the value is the inventory's fraction, or an override with its reason.
    const computed = ZComputedPercentage.safeParse(input.value);
    if (computed.success) return null;
    const override = answerValueSchema(requirement.answer).safeParse(input.value);
    if (!override.success) return override.error.issues[0]?.message ?? "Valeur invalide.";
    return input.justification ? null : "Justifiez la valeur saisie à la place du calcul issu de l'inventaire.";
  }
  const result = answerValueSchema(requirement.answer).safeParse(input.value);
  return result.success ? null : (result.error.issues[0]?.message ?? "Valeur invalide.");
}

/** Display conditions: a hidden requirement is neither asked nor counted. */
export function isVisible(
  requirement: TRequirement,
  answers: ReadonlyMap<string, { kind: TAnswerKind; value: unknown }>,
  options: Record<string, unknown>,
): boolean {
  const cond = requirement.showIf;
  if (!cond) return true;
  if ("option" in cond) {
    const chosen = options[cond.option];
    return Array.isArray(chosen) ? chosen.includes(cond.includes) : chosen === cond.includes;
  }
  const answer = answers.get(cond.code);
  return answer?.kind === "value" && answer.value === cond.equals;
}
