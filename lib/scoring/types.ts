import type { TConfidenceMarks, TProvisional, TReferentialFile } from "@/lib/referentials/schemas";

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
  /** HOP'EN usage: the verdict of the prerequisites referential that gates every usage domain. */
  prerequisites?: PrerequisiteGate;
};

/**
 * The prerequisites behind a `per_usage_domain` rule: the verdict of the same establishment's
 * assessment of the named referential in a campaign of the same year, or `found: false`.
 */
export type PrerequisiteGate = {
  referentialId: string;
  found: boolean;
  /** Where the verdict comes from, for the reader ("HOP'EN — prérequis 2021, révision 1"). */
  source: string | null;
  status: VerdictStatus | null;
  missing: string[];
  provisional: string[];
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
  /** How sure Socle is of the wording, the code and the target (H/M/L each). */
  marks: TConfidenceMarks;
  /** Reasons for what is Socle's proposal rather than a source's: target, proofs, blocking flag. */
  provisional: TProvisional | null;
  /**
   * True when no target the answer type allows could change the status (a share of 100 % against
   * "≥ x %"): a provisional target then decides nothing and is not named in the verdict.
   */
  targetIndependent: boolean;
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

/** `reserved` ("sous réserve"): the verdict turns on a provisional target or blocking flag. */
export type VerdictStatus = "eligible" | "reserved" | "not_eligible";

/** A provisional item that would change the verdict: its outcome rests on what no source states. */
export type ProvisionalItem = {
  code: string;
  label: string;
  status: RequirementStatus;
  what: ("target" | "blocking")[];
  target: string | null;
  reason: string;
};

/** One HOP'EN usage domain's own verdict (the money is paid per domain). */
export type DomainVerdict = {
  code: string;
  title: string;
  status: VerdictStatus;
  headline: string;
  blockingMissing: RequirementResult[];
  provisional: ProvisionalItem[];
  reasons: string[];
};

export type Verdict = {
  status: VerdictStatus;
  /** `status === "eligible"`: kept for the callers that only need yes or no. */
  eligible: boolean;
  headline: string;
  /** Firm blocking requirements not met or to investigate (provisional items are in `provisional`). */
  blockingMissing: RequirementResult[];
  provisional: ProvisionalItem[];
  reasons: string[];
  /** Per usage domain, for a `per_usage_domain` rule; empty otherwise. */
  domains: DomainVerdict[];
};

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
