import "server-only";
import type { Db, Tx } from "@/lib/core/db";
import type { TReferentialFile } from "@/lib/referentials/schemas";
import { coverageRule, reachedCoveredRequirements } from "./coverage";
import { readSiteCoverage } from "./site-coverage";
import type { CoverageMember, ScoreAnswer } from "./types";

// The members behind CaRE's coverage rule:
// - a GHT with several legal entities: the GHT's enabled establishments; a member is covered for a
//   code when its latest assessment (highest revision) in the same campaign meets that code. For the
//   establishment being scored, that is its own answers; another member counts only if it shared that
//   assessment with the region and the GHT (otherwise its answers are its own business);
// - otherwise, an applicant with several geographical sites (EG): its sites, each covered for the
//   codes the assessment records for it (`siteCoverage`, what the applicant declares per site);
// - each weighed by its yearly activity; a missing activity stays null (unknown, not zero).

export type CoverageSubject = {
  campaignId: string;
  establishmentId: string;
  ghtId: string | null;
  referential: TReferentialFile;
  options: Record<string, unknown>;
  answers: ReadonlyMap<string, ScoreAnswer>;
  /** { [siteId]: codes } recorded on the assessment, for an applicant with several sites. */
  siteCoverage?: unknown;
};

type AnswerRow = { requirementCode: string; kind: ScoreAnswer["kind"]; value: unknown; needsConfirmation: boolean };

export function toScoreAnswers(rows: readonly AnswerRow[]): Map<string, ScoreAnswer> {
  return new Map(
    rows.map((a) => [a.requirementCode, { kind: a.kind, value: a.value, needsConfirmation: a.needsConfirmation }]),
  );
}

async function loadSiteMembers(db: Db | Tx, subject: CoverageSubject): Promise<CoverageMember[] | undefined> {
  const rule = coverageRule(subject.referential)!;
  const sites = await db.site.findMany({
    where: { establishmentId: subject.establishmentId },
    select: { id: true, name: true, annualActivity: true },
    orderBy: { name: "asc" },
  });
  if (sites.length < 2) return undefined;
  const recorded = readSiteCoverage(subject.siteCoverage, rule.appliesTo);
  return sites.map((s) => ({
    id: s.id,
    name: s.name,
    kind: "site" as const,
    activity: s.annualActivity,
    reaches: recorded.get(s.id) ?? [],
  }));
}

export async function loadCoverage(
  db: Db | Tx,
  subject: CoverageSubject,
): Promise<{ members: CoverageMember[]; codes: string[] } | undefined> {
  const rule = coverageRule(subject.referential);
  if (!rule) return undefined;
  const establishments = subject.ghtId
    ? await db.establishment.findMany({
        where: { ghtId: subject.ghtId, disabled: false },
        select: { id: true, name: true, annualActivity: true },
        orderBy: { name: "asc" },
      })
    : [];
  if (establishments.length < 2) {
    const sites = await loadSiteMembers(db, subject);
    return sites ? { members: sites, codes: rule.appliesTo } : undefined;
  }
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

  const members = establishments.map((e): CoverageMember => {
    let reaches: string[];
    if (e.id === subject.establishmentId) {
      reaches = reachedCoveredRequirements(subject.referential, subject.answers, subject.options);
    } else {
      const own = latest.get(e.id);
      reaches =
        own?.sharing === "detail"
          ? reachedCoveredRequirements(
              subject.referential,
              toScoreAnswers(own.answers),
              (own.options ?? {}) as Record<string, unknown>,
            )
          : [];
    }
    return { id: e.id, name: e.name, kind: "entity", activity: e.annualActivity, reaches };
  });
  return { members, codes: rule.appliesTo };
}
