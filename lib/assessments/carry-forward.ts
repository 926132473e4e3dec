import type { TReferentialFile, TRequirement } from "@/lib/referentials/schemas";
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
 * Pre-fills a new assessment from a submitted one: same code within the same referential, else a
 * mapping between the two referentials (either direction). A value the new version would refuse
 * (its answer type changed) is not carried: the question stays open rather than wrong.
 */
export function carryForward(
  source: TReferentialFile,
  answers: SourceAnswer[],
  target: TReferentialFile,
): CarriedAnswer[] {
  const byCode = new Map(answers.map((a) => [a.requirementCode, a]));
  const carried: CarriedAnswer[] = [];
  for (const requirement of target.requirements) {
    const match = findSource(source, requirement, target.id, byCode);
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

function findSource(
  source: TReferentialFile,
  requirement: TRequirement,
  targetId: string,
  byCode: Map<string, SourceAnswer>,
) {
  if (source.id === targetId) return byCode.get(requirement.code);
  const forward = requirement.mappings.find((m) => m.referential === source.id && byCode.has(m.code));
  if (forward) return byCode.get(forward.code);
  const backward = source.requirements.find(
    (r) => r.mappings.some((m) => m.referential === targetId && m.code === requirement.code) && byCode.has(r.code),
  );
  return backward ? byCode.get(backward.code) : undefined;
}
