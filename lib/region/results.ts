import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "@/lib/core/db";
import { loadAnswers } from "@/lib/assessments/answers";
import { getVersionContent } from "@/lib/referentials/queries";
import { coverageRule, reachedCoveredRequirements } from "@/lib/scoring/coverage";
import { loadCoverage } from "@/lib/scoring/coverage-query";
import { scoreAssessment } from "@/lib/scoring/score";

// A submitted revision's results, frozen as rows when it is submitted, so that comparisons count
// and group them in the database (SQL GROUP BY, percentile_cont) instead of re-scoring every
// member's answers on every page. The scoring is lib/scoring's, run once, exactly as the
// establishment's own results page runs it at that moment.

/** Whether this member alone meets every code its coverage rule names (null: no such rule). */
function objectiveMet(...[referential, answers, options]: Parameters<typeof reachedCoveredRequirements>) {
  const rule = coverageRule(referential);
  if (!rule) return null;
  const reached = reachedCoveredRequirements(referential, answers, options);
  return rule.appliesTo.every((code) => reached.includes(code));
}

const SUBMITTED = ["submitted", "superseded"] as const;

/** Scores the assessment and writes its result rows (replacing any). Call inside the submit's transaction. */
export async function freezeResult(tx: Db | Tx, assessmentId: string): Promise<void> {
  const assessment = await tx.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: {
      id: true,
      campaignId: true,
      establishmentId: true,
      options: true,
      establishment: { select: { ghtId: true } },
      campaign: { select: { referentialVersionId: true } },
      evidenceLinks: { where: { removedAt: null }, select: { requirementCode: true } },
    },
  });
  const referential = await getVersionContent(tx, assessment.campaign.referentialVersionId);
  const answers = await loadAnswers(tx, assessmentId);
  const options = (assessment.options ?? {}) as Record<string, unknown>;
  const coverage = await loadCoverage(tx, {
    campaignId: assessment.campaignId,
    establishmentId: assessment.establishmentId,
    ghtId: assessment.establishment.ghtId,
    referential,
    options,
    answers,
  });
  const score = scoreAssessment({ referential, answers, options, coverage });
  const proved = new Set(assessment.evidenceLinks.map((l) => l.requirementCode));
  await tx.submittedResult.deleteMany({ where: { assessmentId } });
  await tx.submittedResult.create({
    data: {
      assessmentId,
      overallScore: score.overall,
      eligible: score.verdict.eligible,
      coverageObjectiveMet: objectiveMet(referential, answers, options),
      domains: { create: score.domains.map((d) => ({ domainCode: d.code, score: d.score })) },
      requirements: {
        create: score.requirements.map((r) => ({
          requirementCode: r.code,
          domainCode: r.domain,
          status: r.status,
          withEvidence: proved.has(r.code),
        })),
      },
    },
  });
}

/**
 * Submitted revisions that have no frozen result yet (submitted before this table existed, or
 * written by the demo seed) get one. Runs once per revision: afterwards the query finds nothing.
 */
export async function freezeMissingResults(db: Db, campaignIds: readonly string[]): Promise<number> {
  // Asked on every comparison page: one plain statement (an anti-join on the result's key).
  const missing = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT a.id FROM "Assessment" a
    WHERE a."campaignId" = ANY(${[...campaignIds]}::text[]) AND a.status::text = ANY(${[...SUBMITTED]}::text[])
      AND NOT EXISTS (SELECT 1 FROM "SubmittedResult" r WHERE r."assessmentId" = a.id)`);
  for (const { id } of missing) {
    await db.$transaction(async (tx) => {
      if (await tx.submittedResult.findUnique({ where: { assessmentId: id }, select: { assessmentId: true } })) return;
      await freezeResult(tx, id);
    });
  }
  return missing.length;
}
