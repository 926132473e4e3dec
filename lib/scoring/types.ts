import type { TReferentialFile } from "@/lib/referentials/schemas";

// The scoring module's public types. Pure data: the results page, the history and the PDF dossier
// all read these shapes, never the referential rules directly.

export type RequirementStatus = "met" | "partial" | "not_met" | "unknown" | "not_applicable";

export const REQUIREMENT_STATUSES: readonly RequirementStatus[] = [
  "met",
  "partial",
  "not_met",
  "unknown",
  "not_applicable",
];

export type ScoreAnswer = { kind: "value" | "unknown" | "not_applicable"; value: unknown; needsConfirmation?: boolean };

/**
 * A legal entity of the GHT (`entity`) or a geographical site of a non-GHT applicant (`site`) behind
 * CaRE's coverage rule. `activity` null: not recorded (unknown, not zero). `reaches`: the rule's codes
 * this member meets on its own.
 */
export type CoverageMember = {
  id: string;
  name: string;
  kind: "entity" | "site";
  activity: number | null;
  reaches: string[];
};

export type ScoreInput = {
  referential: TReferentialFile;
  answers: ReadonlyMap<string, ScoreAnswer>;
  options: Record<string, unknown>;
  /** CaRE coverage rule: activity share of the legal entities/sites covered. Omitted when not applicable. */
  coverage?: { members: CoverageMember[] };
};

export type RequirementResult = {
  code: string;
  domain: string;
  label: string;
  status: RequirementStatus;
  /** True when the requirement blocks eligibility: `blocking` in the data, or named by `alsoRequire`. */
  blocking: boolean;
  weight: number;
  effort: "low" | "medium" | "high" | null;
  confidence: "H" | "M" | "L";
  /** What is expected, in words ("≥ 90 %", the year's target label), or null when the answer says it all. */
  target: string | null;
  answerText: string;
  proofs: string[];
  recommendedAction: string;
};

export type DomainScore = {
  code: string;
  title: string;
  score: number | null;
  counts: Record<RequirementStatus, number>;
};

/** `to_investigate`: the answer is unknown ("à instruire"), not known to be missing. */
export type Gap = RequirementResult & { kind: "missing" | "to_investigate" };

export type Verdict = { eligible: boolean; headline: string; blockingMissing: RequirementResult[]; reasons: string[] };

export type AssessmentScore = {
  requirements: RequirementResult[];
  domains: DomainScore[];
  overall: number | null;
  counts: Record<RequirementStatus, number>;
  gaps: Gap[];
  verdict: Verdict;
  /**
   * While an inventory indicator's scope is uncertain, the verdict under its broad reading (the
   * statuses above follow the strict one); `changed`: the requirements whose status differs.
   */
  broadReading: { verdict: Verdict; changed: string[] } | null;
};

export function emptyCounts(): Record<RequirementStatus, number> {
  return { met: 0, partial: 0, not_met: 0, unknown: 0, not_applicable: 0 };
}
