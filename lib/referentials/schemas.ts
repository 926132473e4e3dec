import { z } from "zod";
import { checkReferentialConsistency } from "./cross-checks";
import { ZAssessmentOption } from "./option-schema";
import { ZEligibilityRule } from "./eligibility-schema";
import { ZRequirement } from "./requirement-schema";
import { ZCode, ZIsoDate, ZSlug, ZText, ZVersion } from "./field-schemas";

// The shape of a referential file (data/referentials/<id>/<version>.yaml). Client-safe: zod only,
// so the admin UI can show the same checks as the loader. Content is data, never code: a corrected
// label, code or target ships as a new version of the file.

export const ZProgramme = z.enum(["HOPEN", "HOSPICONNECT", "CARE"]);

/** `condition`: eligibility conditions that are not indicators (e.g. HOP'EN's QHN vendor commitment). */
export const ZDomainKind = z.enum(["prerequisite", "objective", "usage", "condition"]);

export const ZDomain = z
  .object({
    code: ZCode,
    title: ZText,
    description: ZText,
    kind: ZDomainKind.optional(),
  })
  .strict();

export const ZSource = z
  .object({
    title: ZText,
    url: z.url({ protocol: /^https?$/, error: "Adresse invalide : une URL http(s) est attendue." }).optional(),
    date: ZIsoDate.optional(),
  })
  .strict();

export const ZReferentialFile = z
  .object({
    id: ZSlug,
    version: ZVersion,
    title: ZText,
    programme: ZProgramme,
    publisher: ZText,
    /** Shown on the referential's page: scope, caveats, what is reconstructed. */
    description: ZText.optional(),
    sources: z.array(ZSource).min(1, "Indiquez au moins une source."),
    publishedOn: ZIsoDate,
    options: z.array(ZAssessmentOption).default([]),
    eligibility: ZEligibilityRule,
    domains: z.array(ZDomain).min(1, "Le référentiel doit contenir au moins un domaine."),
    requirements: z.array(ZRequirement).min(1, "Le référentiel doit contenir au moins une exigence."),
  })
  .strict()
  .superRefine(checkReferentialConsistency);

export type TProgramme = z.output<typeof ZProgramme>;
export type TDomainKind = z.output<typeof ZDomainKind>;
export type TDomain = z.output<typeof ZDomain>;
export type TSource = z.output<typeof ZSource>;
/** A validated referential, defaults applied: what is stored in ReferentialVersion.content. */
export type TReferentialFile = z.output<typeof ZReferentialFile>;
/** What an author writes (defaults not yet applied). */
export type TReferentialFileInput = z.input<typeof ZReferentialFile>;

export { ZAnswerSpec, ZComparator, ZComputedFrom } from "./answer-schema";
export type { TAnswerSpec, TAnswerType, TComparator, TComputedFrom } from "./answer-schema";
export {
  confidenceMarks,
  mappingKind,
  weakerKind,
  ZConfidence,
  ZConfidenceMarks,
  ZEffort,
  ZMapping,
  ZMappingKind,
  ZMark,
  ZProvisional,
  ZRequirement,
  ZShowIf,
  ZYearTarget,
} from "./requirement-schema";
export type {
  TConfidence,
  TConfidenceMarks,
  TEffort,
  TMapping,
  TMappingKind,
  TMark,
  TProvisional,
  TRequirement,
  TShowIf,
  TYearTarget,
} from "./requirement-schema";
export { ZAssessmentOption } from "./option-schema";
export type { TAssessmentOption } from "./option-schema";
export { ZCoverageRule, ZDateWindow, ZEligibilityRule } from "./eligibility-schema";
export type { TCoverageRule, TDateWindow, TEligibilityRule } from "./eligibility-schema";
