import type { TComparator, TReferentialFile, TRequirement } from "@/lib/referentials/schemas";

// What a requirement expects, once the year-specific target (HospiConnect's `targetsByYear`) has
// replaced the default one carried by the answer type.

export type Expectation = {
  /** Numeric target and comparator (percentage, number with a target). */
  threshold: { target: number; comparator: TComparator } | null;
  /** Choice values that count as met; null when the choice is informative only. */
  metValues: string[] | null;
  /** The year's target label, when one applies. */
  yearLabel: string | null;
};

/** The year chosen for a `targets_of_year` rule, or null (other rules, or not chosen yet). */
export function targetYear(referential: TReferentialFile, options: Record<string, unknown>): string | null {
  const rule = referential.eligibility;
  if (rule.kind !== "targets_of_year") return null;
  const chosen = options[rule.option];
  return typeof chosen === "string" && chosen !== "" ? chosen : null;
}

export function expectationOf(requirement: TRequirement, year: string | null): Expectation {
  const ofYear = year ? requirement.targetsByYear?.[year] : undefined;
  const spec = requirement.answer;
  let threshold: Expectation["threshold"] = null;
  if (spec.type === "percentage") {
    threshold = { target: ofYear?.target ?? spec.target, comparator: spec.comparator };
  } else if (spec.type === "number") {
    const target = ofYear?.target ?? spec.target;
    if (target !== undefined) threshold = { target, comparator: spec.comparator ?? ">=" };
  }
  const metValues = spec.type === "choice" ? (ofYear?.metValues ?? spec.metValues ?? null) : null;
  return { threshold, metValues, yearLabel: ofYear?.label ?? null };
}

export function compare(value: number, comparator: TComparator, target: number): boolean {
  switch (comparator) {
    case ">=":
      return value >= target;
    case ">":
      return value > target;
    case "<=":
      return value <= target;
    case "<":
      return value < target;
  }
}

/**
 * Whether a requirement is judged in the chosen year. Without year targets, always; with them, only
 * in a year they name: a 2026 campaign judges the 2026 objectives, the 2027 ones are a trajectory.
 */
export function isDueIn(requirement: TRequirement, year: string | null): boolean {
  if (!year || !requirement.targetsByYear) return true;
  return year in requirement.targetsByYear;
}
