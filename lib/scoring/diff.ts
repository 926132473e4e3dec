import type { RequirementResult, RequirementStatus } from "./types";

// Compares two scored assessments of the same establishment (usually two campaigns), requirement by
// requirement, on the codes both contain. "Improved" means closer to eligibility: N/A counts like
// met (no longer a gap); unknown and not met are equally far (neither proves the requirement).

export type ChangeKind = "improved" | "regressed" | "unchanged";

export type RequirementChange = {
  code: string;
  label: string;
  domain: string;
  before: RequirementStatus;
  after: RequirementStatus;
  change: ChangeKind;
};

export type AssessmentDiff = { changes: RequirementChange[]; counts: Record<ChangeKind, number> };

const RANK: Record<RequirementStatus, number> = { not_met: 0, unknown: 0, partial: 1, met: 2, not_applicable: 2 };

export function changeOf(before: RequirementStatus, after: RequirementStatus): ChangeKind {
  const delta = RANK[after] - RANK[before];
  return delta > 0 ? "improved" : delta < 0 ? "regressed" : "unchanged";
}

/** `a` is the earlier assessment, `b` the later one; the order of `b` is kept. */
export function diffAssessments(
  a: { requirements: readonly RequirementResult[] },
  b: { requirements: readonly RequirementResult[] },
): AssessmentDiff {
  const earlier = new Map(a.requirements.map((r) => [r.code, r.status]));
  const changes = b.requirements.flatMap((r): RequirementChange[] => {
    const before = earlier.get(r.code);
    if (before === undefined) return [];
    return [
      { code: r.code, label: r.label, domain: r.domain, before, after: r.status, change: changeOf(before, r.status) },
    ];
  });
  const counts: Record<ChangeKind, number> = { improved: 0, regressed: 0, unchanged: 0 };
  for (const c of changes) counts[c.change]++;
  return { changes, counts };
}
