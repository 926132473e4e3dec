import { z } from "zod";
import { ZChoice, ZKey, ZText } from "./field-schemas";

// How a requirement is answered. A discriminated union on `type` so that the questionnaire, the
// scoring module and the answer validation can each switch on it exhaustively.

export const ZComparator = z.enum([">=", ">", "<=", "<"]);

/**
 * Indicators computed from the application inventory rather than typed in (Hôpital numérique counted
 * applications, not functional domains): the share of applications connected to the single identity
 * repository, to the single movement repository, requiring personal authentication, and whose
 * vendor is committed to "Qualité Hôpital Numérique" (HOP'EN's QHN condition, from 2019.4).
 */
export const ZComputedFrom = z.enum(["identity_repo", "movement_repo", "personal_auth", "qhn_committed"]);

/** One reading of which applications an indicator counts: domains covered (any of), health data; `{}`: all. */
const ZScopeReading = z
  .object({
    /** Counted when the application covers at least one of these functional domains. */
    domains: z.array(ZKey).min(1).optional(),
    /** Counted only when the application holds personal health data. */
    healthDataOnly: z.boolean().optional(),
  })
  .strict();

/**
 * Which applications an inventory-computed indicator counts, as data: a correction is a new version.
 * `broad` is the other reading while the scope is uncertain (confidence below H): both figures and
 * the verdict under each are then shown. Optional: content stored before it existed reads the
 * documented default of lib/inventory/indicators.ts (DEFAULT_SCOPES).
 */
export const ZIndicatorScope = z
  .object({
    strict: ZScopeReading,
    broad: ZScopeReading.optional(),
    confidence: z.enum(["H", "M", "L"]),
    note: ZText.optional(),
  })
  .strict();

const percentTarget = z
  .number()
  .min(0, "La cible d'un pourcentage doit être comprise entre 0 et 100.")
  .max(100, "La cible d'un pourcentage doit être comprise entre 0 et 100.");

const ZYesNo = z.object({ type: z.literal("yes_no") }).strict();
const ZYesPartialNo = z.object({ type: z.literal("yes_partial_no") }).strict();

const ZPercentage = z
  .object({
    type: z.literal("percentage"),
    /** Default target; a year-specific target (targetsByYear) replaces it when a year is chosen. */
    target: percentTarget,
    comparator: ZComparator,
    computedFrom: ZComputedFrom.optional(),
    scope: ZIndicatorScope.optional(),
  })
  .strict();

const ZNumber = z
  .object({
    type: z.literal("number"),
    target: z.number().optional(),
    comparator: ZComparator.optional(),
    unit: ZText.optional(),
  })
  .strict()
  .refine((a) => (a.target === undefined) === (a.comparator === undefined), {
    message: "« target » et « comparator » vont ensemble : indiquez les deux ou aucun.",
  });

const ZDate = z.object({ type: z.literal("date") }).strict();
const ZFreeText = z.object({ type: z.literal("text") }).strict();

const ZChoiceAnswer = z
  .object({
    type: z.literal("choice"),
    options: z.array(ZChoice).min(2, "Un choix demande au moins deux options."),
    /** Values that count as "met"; without it the answer is informative only. */
    metValues: z.array(ZKey).min(1).optional(),
  })
  .strict();

export const ZAnswerSpec = z.discriminatedUnion("type", [
  ZYesNo,
  ZYesPartialNo,
  ZPercentage,
  ZNumber,
  ZDate,
  ZFreeText,
  ZChoiceAnswer,
]);

export type TComparator = z.output<typeof ZComparator>;
export type TComputedFrom = z.output<typeof ZComputedFrom>;
export type TIndicatorScope = z.output<typeof ZIndicatorScope>;
export type TScopeReading = TIndicatorScope["strict"];
export type TAnswerSpec = z.output<typeof ZAnswerSpec>;
export type TAnswerType = TAnswerSpec["type"];
