import { z } from "zod";
import { ZCode, ZIsoDate, ZKey, ZSlug, ZText } from "./field-schemas";

// How an assessment turns into "eligible / not eligible", as data that the pure scoring module
// interprets. Kept to a few kinds: a new programme should reuse one before a new kind is added.

/** Every visible blocking requirement met, plus extra codes (e.g. an eligibility condition). */
const ZAllBlockingMet = z
  .object({
    kind: z.literal("all_blocking_met"),
    alsoRequire: z.array(ZCode).default([]),
  })
  .strict();

/**
 * HospiConnect: the establishment picks a target year (a single_choice option); each requirement is
 * judged against its `targetsByYear` entry for that year, blocking ones must all be met. A
 * requirement whose `targetsByYear` has no entry for the chosen year is not due that year: it is
 * shown as a trajectory and does not block (a 2026 campaign judges the 2026 objectives on their own).
 */
const ZTargetsOfYear = z
  .object({
    kind: z.literal("targets_of_year"),
    option: ZKey,
  })
  .strict();

/**
 * CaRE: requirements of domains of kind "prerequisite" first, then those of kind "objective".
 * `coverage`: for a GHT with several legal entities (or an applicant outside a GHT with several
 * geographical sites), each objective of `appliesTo` must be reached, on its own, by entities (or
 * sites) totalling at least `minShare` of the combined activity.
 */
export const ZCoverageRule = z
  .object({
    minShare: z
      .number()
      .gt(0, "La part minimale doit être supérieure à 0.")
      .max(1, "La part minimale ne peut dépasser 1."),
    appliesTo: z.array(ZCode).min(1),
    basis: z.literal("activity"),
  })
  .strict();

/**
 * A period a test or an audit must fall in (CaRE's operational phase, from the arrêté's publication
 * to the filing of the declaration): the requirements of `appliesTo` count as met only when the date
 * answered to `dateOf` (a requirement of type date) is on or after `from` (and on or before `to`, if
 * given). A "yes" with an older date, or with no date, does not reach the objective.
 */
export const ZDateWindow = z
  .object({
    appliesTo: z.array(ZCode).min(1),
    dateOf: ZCode,
    from: ZIsoDate,
    to: ZIsoDate.optional(),
    label: ZText,
  })
  .strict();

const ZPrerequisitesThenObjectives = z
  .object({
    kind: z.literal("prerequisites_then_objectives"),
    coverage: ZCoverageRule.optional(),
    windows: z.array(ZDateWindow).optional(),
  })
  .strict();

/**
 * HOP'EN usage: the money is paid per priority domain, so each domain chosen in `option` (a
 * multi_choice whose values are domain codes) gets its own verdict. `prerequisites` names the
 * referential whose verdict gates every domain: no domain is eligible while a prerequisite of the
 * same establishment's assessment of that referential, in a campaign of the same year, is missing.
 */
const ZPerUsageDomain = z
  .object({
    kind: z.literal("per_usage_domain"),
    option: ZKey,
    prerequisites: ZSlug.optional(),
  })
  .strict();

export const ZEligibilityRule = z.discriminatedUnion("kind", [
  ZAllBlockingMet,
  ZTargetsOfYear,
  ZPrerequisitesThenObjectives,
  ZPerUsageDomain,
]);

export type TCoverageRule = z.output<typeof ZCoverageRule>;
export type TDateWindow = z.output<typeof ZDateWindow>;
export type TEligibilityRule = z.output<typeof ZEligibilityRule>;
