import { z } from "zod";
import { ZAnswerSpec } from "./answer-schema";
import { ZCode, ZKey, ZSlug, ZText } from "./field-schemas";

/** H: stated by a source; M: several sources agree; L: reconstructed, a delegate must confirm. */
export const ZMark = z.enum(["H", "M", "L"]);

/**
 * How sure Socle is of a requirement, split into what a single mark used to mix: the wording (the
 * requirement says what the source says), the code (P1.3 is the official code) and the target (what
 * counts as met). Files before 2019.3/2026.2/2025.2 carry one mark for all three: it is still read
 * (a string), and `confidenceMarks` spreads it over the three, which is what it meant.
 */
export const ZConfidenceMarks = z.object({ wording: ZMark, code: ZMark, target: ZMark }).strict();
export const ZConfidence = z.union([ZMark, ZConfidenceMarks], {
  error: "Confiance invalide : H, M ou L, ou { wording, code, target } avec H, M ou L chacun.",
});

/**
 * What Socle proposes rather than what a source states, each with its reason. A provisional target
 * or blocking flag never decides a verdict on its own (lib/scoring/eligibility.ts); a provisional
 * proof list is Socle's suggestion of what to attach. Optional, with no default, so that the stored
 * content (and the hash) of a file written before this field existed is unchanged.
 */
export const ZProvisional = z
  .object({ target: ZText.optional(), proofs: ZText.optional(), blocking: ZText.optional() })
  .strict()
  .refine((p) => p.target !== undefined || p.proofs !== undefined || p.blocking !== undefined, {
    message: "« provisional » doit nommer au moins un élément provisoire : target, proofs ou blocking.",
  });
export const ZEffort = z.enum(["low", "medium", "high"]);

/**
 * Display condition. Either on another requirement's answer (`code` + `equals`) or on an option the
 * establishment chose for the whole assessment (`option` + `includes`, e.g. the HOP'EN usage domains).
 * A hidden requirement is neither asked nor scored.
 */
const ZShowIfAnswer = z.object({ code: ZCode, equals: z.union([z.string(), z.number(), z.boolean()]) }).strict();
const ZShowIfOption = z.object({ option: ZKey, includes: ZKey }).strict();
export const ZShowIf = z.union([ZShowIfAnswer, ZShowIfOption], {
  error: "Condition d'affichage invalide : attendu { code, equals } ou { option, includes }.",
});

/**
 * How close two mapped requirements are. `equivalent`: the same requirement, an answer may pre-fill
 * the other; `partial`: an overlap, the other answer is shown "à revoir", never applied; `related`: on
 * the same theme, only named.
 */
export const ZMappingKind = z.enum(["equivalent", "partial", "related"]);

/**
 * Points to the matching requirement of another referential, so evidence and answers can be reused.
 * `kind` is optional so that content stored before it existed still loads unchanged (same hash); read
 * it through `mappingKind`.
 */
export const ZMapping = z.object({ referential: ZSlug, code: ZCode, kind: ZMappingKind.optional() }).strict();

/**
 * A mapping written without a kind asserted no equivalence: it is read as `related` (named, never
 * pre-filled), so that an old file's loose links (e.g. HOP'EN P2.1 ↔ CaRE D2.O4) fill nothing wrongly.
 */
export function mappingKind(mapping: { kind?: TMappingKind }): TMappingKind {
  return mapping.kind ?? "related";
}

const KIND_ORDER: readonly TMappingKind[] = ["related", "partial", "equivalent"];

/** The more cautious of two kinds (when the two sides of a link disagree, the weaker one holds). */
export function weakerKind(a: TMappingKind, b: TMappingKind): TMappingKind {
  return KIND_ORDER.indexOf(a) <= KIND_ORDER.indexOf(b) ? a : b;
}

/**
 * A target for one year (HospiConnect raises them each year). `label` is what users read; `target`
 * (percentage/number) or `metValues` (choice) is what scoring reads.
 */
export const ZYearTarget = z
  .object({
    label: ZText,
    target: z.number().optional(),
    metValues: z.array(ZKey).min(1).optional(),
  })
  .strict();

const ZYear = z.string().regex(/^\d{4}$/, "Année invalide : quatre chiffres attendus (ex. 2027).");

export const ZRequirement = z
  .object({
    code: ZCode,
    domain: ZCode,
    label: ZText,
    help: ZText,
    answer: ZAnswerSpec,
    targetsByYear: z.record(ZYear, ZYearTarget).optional(),
    blocking: z.boolean(),
    naAllowed: z.boolean().default(false),
    proofs: z.array(ZText),
    weight: z.number().positive("Le poids doit être un nombre strictement positif.").default(1),
    effort: ZEffort.optional(),
    recommendedAction: ZText,
    confidence: ZConfidence,
    confidenceNote: ZText.optional(),
    provisional: ZProvisional.optional(),
    showIf: ZShowIf.optional(),
    mappings: z.array(ZMapping).default([]),
  })
  .strict();

export type TMark = z.output<typeof ZMark>;
export type TConfidence = z.output<typeof ZConfidence>;
export type TConfidenceMarks = z.output<typeof ZConfidenceMarks>;
export type TProvisional = z.output<typeof ZProvisional>;
export type TEffort = z.output<typeof ZEffort>;
export type TShowIf = z.output<typeof ZShowIf>;
export type TMapping = z.output<typeof ZMapping>;
export type TMappingKind = z.output<typeof ZMappingKind>;
export type TYearTarget = z.output<typeof ZYearTarget>;
export type TRequirement = z.output<typeof ZRequirement>;

/** The three marks of a requirement, whichever form its file used (one legacy mark counts for all three). */
export function confidenceMarks(requirement: Pick<TRequirement, "confidence">): TConfidenceMarks {
  const c = requirement.confidence;
  return typeof c === "string" ? { wording: c, code: c, target: c } : c;
}
