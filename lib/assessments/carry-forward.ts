import type { TReferentialFile } from "@/lib/referentials/schemas";
import { checkAnswer, type TAnswerKind } from "./answer-schemas";

export type SourceAnswer = {
  requirementCode: string;
  kind: TAnswerKind;
  value: unknown;
  justification: string | null;
  comment: string | null;
};
export type CarriedAnswer = SourceAnswer & { carriedFrom: string };

/**
 * Pre-fills a new assessment from a submitted one of the same programme (same referential id, any
 * version): same code. Another programme's answers are never carried (a mapping is at best an
 * offer to review, see reuse.ts). A value the new version would refuse (its answer type changed) is
 * not carried: the question stays open rather than wrong.
 */
export function carryForward(
  source: TReferentialFile,
  answers: SourceAnswer[],
  target: TReferentialFile,
): CarriedAnswer[] {
  if (source.id !== target.id) return [];
  const byCode = new Map(answers.map((a) => [a.requirementCode, a]));
  const carried: CarriedAnswer[] = [];
  for (const requirement of target.requirements) {
    const match = byCode.get(requirement.code);
    if (!match) continue;
    if (checkAnswer(requirement, match) !== null) continue;
    carried.push({
      ...match,
      requirementCode: requirement.code,
      carriedFrom: `${source.id}@${source.version}:${match.requirementCode}`,
    });
  }
  return carried;
}
