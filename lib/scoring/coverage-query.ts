import "server-only";
import type { Db, Tx } from "@/lib/core/db";
import type { TReferentialFile } from "@/lib/referentials/schemas";
import { coverageRule, reachesCoveredRequirements } from "./coverage";
import type { CoverageMember, ScoreAnswer } from "./types";

// The members behind CaRE's coverage rule, kept simple on purpose:
// - only a GHT is modelled (an applicant's several sites are not), so an establishment outside a
//   GHT, or alone in it, gets no coverage and is judged on its own answers;
// - the members are the GHT's enabled establishments, weighed by their `annualActivity` (missing = 0);
// - a member is covered when its latest assessment (highest revision) in the same campaign has every
//   requirement of the rule's `appliesTo` met. For the establishment being scored, that is its own
//   answers; another member counts only if it shared that assessment with the region and the GHT
//   (otherwise its answers are its own business and it counts as not covered).

export type CoverageSubject = {
  campaignId: string;
  establishmentId: string;
  ghtId: string | null;
  referential: TReferentialFile;
  options: Record<string, unknown>;
  answers: ReadonlyMap<string, ScoreAnswer>;
};

type AnswerRow = { requirementCode: string; kind: ScoreAnswer["kind"]; value: unknown; needsConfirmation: boolean };

export function toScoreAnswers(rows: readonly AnswerRow[]): Map<string, ScoreAnswer> {
  return new Map(
    rows.map((a) => [a.requirementCode, { kind: a.kind, value: a.value, needsConfirmation: a.needsConfirmation }]),
  );
}

export async function loadCoverage(
  db: Db | Tx,
  subject: CoverageSubject,
): Promise<{ members: CoverageMember[] } | undefined> {
  if (!coverageRule(subject.referential) || !subject.ghtId) return undefined;
  const establishments = await db.establishment.findMany({
    where: { ghtId: subject.ghtId, disabled: false },
    select: { id: true, name: true, annualActivity: true },
    orderBy: { name: "asc" },
  });
  if (establishments.length < 2) return undefined;
  const others = await db.assessment.findMany({
    where: {
      campaignId: subject.campaignId,
      establishmentId: { in: establishments.map((e) => e.id).filter((id) => id !== subject.establishmentId) },
    },
    select: {
      establishmentId: true,
      revision: true,
      sharing: true,
      options: true,
      answers: { select: { requirementCode: true, kind: true, value: true, needsConfirmation: true } },
    },
    orderBy: { revision: "desc" },
  });
  const latest = new Map<string, (typeof others)[number]>();
  for (const a of others) if (!latest.has(a.establishmentId)) latest.set(a.establishmentId, a);

  const members = establishments.map((e) => {
    let covered: boolean;
    if (e.id === subject.establishmentId) {
      covered = reachesCoveredRequirements(subject.referential, subject.answers, subject.options);
    } else {
      const own = latest.get(e.id);
      covered =
        own?.sharing === "detail" &&
        reachesCoveredRequirements(
          subject.referential,
          toScoreAnswers(own!.answers),
          (own!.options ?? {}) as Record<string, unknown>,
        );
    }
    return { id: e.id, name: e.name, activity: e.annualActivity ?? 0, covered };
  });
  return { members };
}
