import type { TCoverageRule, TReferentialFile } from "@/lib/referentials/schemas";
import { formatPercent } from "./answer-text";
import { evaluateRequirements } from "./requirements";
import type { CoverageMember, RequirementResult, ScoreAnswer } from "./types";

// CaRE's coverage rule: for a GHT with several legal entities (or an applicant with several sites),
// some objectives count only if the entities that reached them total at least `minShare` of the
// combined activity. Below it, those objectives are not met, whatever the applicant answered.

export type CoverageOutcome = { rule: TCoverageRule; share: number | null; sufficient: boolean; reason: string | null };

export function coverageRule(referential: TReferentialFile): TCoverageRule | null {
  const rule = referential.eligibility;
  return rule.kind === "prerequisites_then_objectives" ? (rule.coverage ?? null) : null;
}

/** Covered activity / total activity, or null when no member has any activity recorded. */
export function coveredShare(members: readonly CoverageMember[]): number | null {
  const total = members.reduce((sum, m) => sum + Math.max(0, m.activity), 0);
  if (total <= 0) return null;
  const covered = members.filter((m) => m.covered).reduce((sum, m) => sum + Math.max(0, m.activity), 0);
  return covered / total;
}

export function evaluateCoverage(rule: TCoverageRule, members: readonly CoverageMember[]): CoverageOutcome {
  const share = coveredShare(members);
  const min = formatPercent(rule.minShare * 100);
  if (share === null) {
    return {
      rule,
      share,
      sufficient: false,
      reason: `Couverture non calculable : l'activité annuelle des membres n'est pas renseignée (${min} requis).`,
    };
  }
  // A tiny tolerance so that 0.66 written in the data is reached by exactly 66 of 100.
  const sufficient = share + 1e-9 >= rule.minShare;
  if (sufficient) return { rule, share, sufficient, reason: null };
  const names = members.filter((m) => m.covered).map((m) => m.name);
  const who = names.length ? `membres couverts : ${names.join(", ")}` : "aucun membre couvert";
  return {
    rule,
    share,
    sufficient,
    reason: `Couverture ${formatPercent(share * 100)} < ${min} de l'activité combinée (${who}) : ${rule.appliesTo.join(", ")} ne peuvent être atteints.`,
  };
}

/**
 * Below the share, a requirement the rule applies to is not met, whatever was answered (N/A is no
 * way around the rule either); an unknown answer stays "to investigate".
 */
export function applyCoverage(requirements: RequirementResult[], outcome: CoverageOutcome): RequirementResult[] {
  if (outcome.sufficient) return requirements;
  const shareText = outcome.share === null ? "non calculable" : formatPercent(outcome.share * 100);
  const note = `couverture ${shareText} < ${formatPercent(outcome.rule.minShare * 100)}`;
  return requirements.map((r) =>
    outcome.rule.appliesTo.includes(r.code) && r.status !== "unknown" && r.status !== "not_met"
      ? { ...r, status: "not_met", answerText: `${r.answerText} — ${note}` }
      : r,
  );
}

/**
 * Whether one member's own assessment reaches every requirement the rule applies to (all "met",
 * before any coverage is applied). The server uses it to mark the GHT members that count as covered.
 */
export function reachesCoveredRequirements(
  referential: TReferentialFile,
  answers: ReadonlyMap<string, ScoreAnswer>,
  options: Record<string, unknown>,
): boolean {
  const rule = coverageRule(referential);
  if (!rule) return false;
  const statuses = new Map(evaluateRequirements(referential, answers, options).map((r) => [r.code, r.status]));
  return rule.appliesTo.every((code) => statuses.get(code) === "met");
}
