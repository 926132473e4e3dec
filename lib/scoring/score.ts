import { applyCoverage, applyWindows, coverageRule, dateWindows, evaluateCoverage } from "./coverage";
import { countStatuses, domainScores, weightedScore } from "./domains";
import { judgeEligibility } from "./eligibility";
import { listGaps } from "./gaps";
import { evaluateRequirements } from "./requirements";
import { STATUS_LABELS } from "./labels";
import type { AssessmentScore, ScoreAnswer, ScoreInput } from "./types";

export type {
  AssessmentScore,
  CoverageMember,
  DomainScore,
  DomainVerdict,
  Gap,
  PrerequisiteGate,
  ProvisionalItem,
  RequirementResult,
  RequirementStatus,
  ScoreAnswer,
  ScoreInput,
  Verdict,
  VerdictStatus,
} from "./types";

/**
 * Scores one assessment against its referential: a status per visible requirement, weighted scores
 * per domain and overall, the gaps in priority order, and the eligibility verdict. Pure: the same
 * input always gives the same result, so the page, the history and the PDF dossier agree.
 */
export function scoreAssessment(input: ScoreInput): AssessmentScore {
  const strict = scoreOneReading(input);
  const broad = broadAnswers(input);
  if (!broad) return strict;
  const other = scoreOneReading({ ...input, answers: broad });
  const statusOf = new Map(other.requirements.map((r) => [r.code, r]));
  const changed = strict.requirements.filter((r) => statusOf.get(r.code)?.status !== r.status);
  const reasons = changed.map((r) => {
    const b = statusOf.get(r.code)!;
    return `Périmètre des applications incertain (${r.code}) : ${r.answerText} — statut ${STATUS_LABELS[r.status].toLowerCase()} en lecture stricte, ${STATUS_LABELS[b.status].toLowerCase()} en lecture large.`;
  });
  if (other.verdict.headline !== strict.verdict.headline)
    reasons.push(`Verdict en lecture large du périmètre : ${other.verdict.headline}.`);
  return {
    ...strict,
    verdict: { ...strict.verdict, reasons: [...strict.verdict.reasons, ...reasons] },
    broadReading: { verdict: other.verdict, changed: changed.map((r) => r.code) },
  };
}

/**
 * The answers under the broad reading of each uncertain inventory indicator (its computed value's
 * `broad` figure in place of the strict one), or null when no answer carries one.
 */
function broadAnswers({ referential, answers }: ScoreInput): Map<string, ScoreAnswer> | null {
  let out: Map<string, ScoreAnswer> | null = null;
  for (const r of referential.requirements) {
    if (r.answer.type !== "percentage" || !r.answer.computedFrom) continue;
    const answer = answers.get(r.code);
    const value = answer?.value as { broad?: unknown } | null | undefined;
    if (answer?.kind !== "value" || !value || typeof value !== "object" || !value.broad) continue;
    out ??= new Map(answers);
    out.set(r.code, { ...answer, value: value.broad });
  }
  return out;
}

function scoreOneReading(input: ScoreInput): AssessmentScore {
  const { referential, answers, options } = input;
  const rule = coverageRule(referential);
  const coverage = rule && input.coverage ? evaluateCoverage(rule, input.coverage.members) : null;
  const evaluated = applyWindows(
    evaluateRequirements(referential, answers, options),
    dateWindows(referential),
    answers,
  );
  const requirements = coverage ? applyCoverage(evaluated, coverage) : evaluated;
  return {
    requirements,
    domains: domainScores(referential, requirements),
    overall: weightedScore(requirements),
    counts: countStatuses(requirements),
    gaps: listGaps(requirements),
    verdict: judgeEligibility(referential, requirements, options, coverage, input.prerequisites),
    broadReading: null,
  };
}
