import type { TReferentialFile } from "@/lib/referentials/schemas";
import { emptyCounts, type DomainScore, type RequirementResult, type RequirementStatus } from "./types";

// Weighted scores: met counts 1, partial 0.5, not met and unknown 0. N/A leaves the denominator.
// A score is a whole percentage, null when nothing in it is applicable.

const CREDIT: Record<RequirementStatus, number | null> = {
  met: 1,
  partial: 0.5,
  not_met: 0,
  unknown: 0,
  not_applicable: null,
};

export function weightedScore(requirements: readonly RequirementResult[]): number | null {
  let earned = 0;
  let applicable = 0;
  for (const r of requirements) {
    const credit = CREDIT[r.status];
    if (credit === null) continue;
    earned += credit * r.weight;
    applicable += r.weight;
  }
  if (applicable <= 0) return null;
  return Math.min(100, Math.max(0, Math.round((100 * earned) / applicable)));
}

export function countStatuses(requirements: readonly RequirementResult[]): Record<RequirementStatus, number> {
  const counts = emptyCounts();
  for (const r of requirements) counts[r.status]++;
  return counts;
}

/** One score per domain that has at least one visible requirement, in the referential's order. */
export function domainScores(referential: TReferentialFile, requirements: readonly RequirementResult[]): DomainScore[] {
  return referential.domains.flatMap((domain) => {
    const inDomain = requirements.filter((r) => r.domain === domain.code);
    if (inDomain.length === 0) return [];
    return [
      { code: domain.code, title: domain.title, score: weightedScore(inDomain), counts: countStatuses(inDomain) },
    ];
  });
}
