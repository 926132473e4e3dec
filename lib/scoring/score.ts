import { applyCoverage, applyWindows, coverageRule, dateWindows, evaluateCoverage } from "./coverage";
import { countStatuses, domainScores, weightedScore } from "./domains";
import { judgeEligibility } from "./eligibility";
import { listGaps } from "./gaps";
import { evaluateRequirements } from "./requirements";
import type { AssessmentScore, ScoreInput } from "./types";

export type {
  AssessmentScore,
  CoverageMember,
  DomainScore,
  Gap,
  RequirementResult,
  RequirementStatus,
  ScoreAnswer,
  ScoreInput,
  Verdict,
} from "./types";

/**
 * Scores one assessment against its referential: a status per visible requirement, weighted scores
 * per domain and overall, the gaps in priority order, and the eligibility verdict. Pure: the same
 * input always gives the same result, so the page, the history and the PDF dossier agree.
 */
export function scoreAssessment(input: ScoreInput): AssessmentScore {
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
    verdict: judgeEligibility(referential, requirements, options, coverage),
  };
}
