import type { TReferentialFile } from "@/lib/referentials/schemas";
import { isVisible, type TAnswerKind } from "./answer-schemas";

export type AnswerFacts = { kind: TAnswerKind; value: unknown; needsConfirmation: boolean };

export type SectionProgress = {
  domainCode: string;
  title: string;
  total: number;
  answered: number;
  unknown: number;
  toConfirm: number;
  missing: string[];
};

// An answer counts as given when it is a value or a justified N/A. "Je ne sais pas" is recorded but
// leaves the question open; a carried-forward answer counts once confirmed.
function isComplete(answer: AnswerFacts | undefined): boolean {
  return Boolean(answer && answer.kind !== "unknown" && !answer.needsConfirmation);
}

export function computeProgress(
  referential: TReferentialFile,
  answers: ReadonlyMap<string, AnswerFacts>,
  options: Record<string, unknown>,
) {
  const sections: SectionProgress[] = referential.domains.map((d) => ({
    domainCode: d.code,
    title: d.title,
    total: 0,
    answered: 0,
    unknown: 0,
    toConfirm: 0,
    missing: [],
  }));
  const byCode = new Map(sections.map((s) => [s.domainCode, s]));
  for (const requirement of referential.requirements) {
    if (!isVisible(requirement, answers, options)) continue;
    const section = byCode.get(requirement.domain)!;
    const answer = answers.get(requirement.code);
    section.total++;
    if (isComplete(answer)) section.answered++;
    else section.missing.push(requirement.code);
    if (answer?.kind === "unknown") section.unknown++;
    if (answer?.needsConfirmation) section.toConfirm++;
  }
  const total = sections.reduce((n, s) => n + s.total, 0);
  const answered = sections.reduce((n, s) => n + s.answered, 0);
  return {
    sections: sections.filter((s) => s.total > 0),
    total,
    answered,
    percent: total ? Math.round((answered / total) * 100) : 0,
  };
}
