import type { TRequirement } from "@/lib/referentials/schemas";
import { compare, type Expectation } from "./targets";
import type { RequirementStatus, ScoreAnswer } from "./types";

// One requirement's status from its answer. Anything that is not a firm, valid answer ("je ne sais
// pas", no answer, a carried-forward answer still to confirm, a malformed value) is "unknown": it
// is a gap to investigate, never silently "not met".

/** A percentage is a bare number, or the inventory's computed fraction ({ percent, … }). */
export function numericValue(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (value && typeof value === "object" && "percent" in value) {
    const percent = (value as { percent: unknown }).percent;
    return typeof percent === "number" && Number.isFinite(percent) ? percent : null;
  }
  return null;
}

const YES_NO: Record<string, RequirementStatus> = { yes: "met", no: "not_met" };
const YES_PARTIAL_NO: Record<string, RequirementStatus> = { yes: "met", partial: "partial", no: "not_met" };

function valueStatus(requirement: TRequirement, value: unknown, expectation: Expectation): RequirementStatus {
  const spec = requirement.answer;
  switch (spec.type) {
    case "yes_no":
      return (typeof value === "string" && YES_NO[value]) || "unknown";
    case "yes_partial_no":
      return (typeof value === "string" && YES_PARTIAL_NO[value]) || "unknown";
    case "percentage":
    case "number": {
      const n = numericValue(value);
      if (n === null) return "unknown";
      if (!expectation.threshold) return "met"; // a number without a target is informative
      return compare(n, expectation.threshold.comparator, expectation.threshold.target) ? "met" : "not_met";
    }
    case "choice":
      if (typeof value !== "string" || !spec.options.some((o) => o.value === value)) return "unknown";
      if (!expectation.metValues) return "met"; // informative choice: answered is enough
      return expectation.metValues.includes(value) ? "met" : "not_met";
    case "date":
    case "text":
      return typeof value === "string" && value.trim() !== "" ? "met" : "unknown";
  }
}

export function requirementStatus(
  requirement: TRequirement,
  answer: ScoreAnswer | undefined,
  expectation: Expectation,
): RequirementStatus {
  if (!answer || answer.kind === "unknown" || answer.needsConfirmation) return "unknown";
  // N/A where the data does not allow it proves nothing: the requirement stays to be met.
  if (answer.kind === "not_applicable") return requirement.naAllowed ? "not_applicable" : "not_met";
  return valueStatus(requirement, answer.value, expectation);
}
