import { isVisible } from "@/lib/assessments/answer-schemas";
import { confidenceMarks, type TReferentialFile, type TRequirement } from "@/lib/referentials/schemas";
import { answerText, targetText, trajectoryText } from "./answer-text";
import { numericValue, requirementStatus } from "./status";
import { expectationOf, isDueIn, targetYear } from "./targets";
import type { RequirementResult, ScoreAnswer } from "./types";

// Every visible requirement of the referential, in the file's order, with its status and the words
// the results page shows. Hidden requirements (showIf false) are neither asked nor scored.

/** Codes that block eligibility beyond `blocking: true` (e.g. HOP'EN's QHN condition). */
export function extraBlockingCodes(referential: TReferentialFile): Set<string> {
  return new Set(referential.eligibility.kind === "all_blocking_met" ? referential.eligibility.alsoRequire : []);
}

/** A percentage at 100 % against "≥" (or 0 % against "≤") is met whatever the target between 0 and 100. */
function targetIndependent(requirement: TRequirement, answer: ScoreAnswer | undefined): boolean {
  if (requirement.answer.type !== "percentage" || answer?.kind !== "value" || answer.needsConfirmation) return false;
  const n = numericValue(answer.value);
  if (n === null) return false;
  const { comparator } = requirement.answer;
  return (comparator === ">=" && n >= 100) || (comparator === "<=" && n <= 0);
}

export function evaluateRequirements(
  referential: TReferentialFile,
  answers: ReadonlyMap<string, ScoreAnswer>,
  options: Record<string, unknown>,
): RequirementResult[] {
  const year = targetYear(referential, options);
  const alsoRequired = extraBlockingCodes(referential);
  return referential.requirements
    .filter((requirement) => isVisible(requirement, answers, options))
    .map((requirement) => {
      const answer = answers.get(requirement.code);
      const expectation = expectationOf(requirement, year);
      // A HospiConnect objective with no target for the chosen year is a trajectory that year.
      const due = isDueIn(requirement, year);
      return {
        code: requirement.code,
        domain: requirement.domain,
        label: requirement.label,
        status: requirementStatus(requirement, answer, expectation),
        blocking: due && (requirement.blocking || alsoRequired.has(requirement.code)),
        weight: requirement.weight,
        effort: requirement.effort ?? null,
        marks: confidenceMarks(requirement),
        provisional: requirement.provisional ?? null,
        target: due ? targetText(requirement, expectation) : trajectoryText(requirement, year),
        targetIndependent: targetIndependent(requirement, answer),
        answerText: answerText(requirement, answer),
        proofs: [...requirement.proofs],
        recommendedAction: requirement.recommendedAction,
      };
    });
}
