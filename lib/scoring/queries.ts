import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assessmentScope, establishmentScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";
import { assessmentStateSelect, getAssessmentOrThrow } from "@/lib/assessments/access";
import { loadAnswers } from "@/lib/assessments/answers";
import { computeProgress } from "@/lib/assessments/progress";
import { loadCoverage, toScoreAnswers } from "./coverage-query";
import { loadPrerequisiteGate } from "./prerequisites-query";
import { scoreAssessment } from "./score";
import { referentialOf } from "@/lib/referentials/referential-of";

/**
 * One assessment's results, loaded through the scoped assessment (a delegate or a GHT coordinator
 * reads only what was shared; anyone else out of scope gets NOT_FOUND).
 */
export async function getAssessmentResults(db: Db, actor: Actor, establishmentId: string, assessmentId: string) {
  const assessment = await getAssessmentOrThrow(db, actor, assessmentId, "assessment.read", establishmentId);
  const answers = await loadAnswers(db, assessment.id);
  const coverage = await loadCoverage(db, {
    campaignId: assessment.campaignId,
    establishmentId: assessment.establishmentId,
    ghtId: assessment.establishment.ghtId,
    referential: assessment.referential,
    options: assessment.options,
    answers,
    siteCoverage: assessment.siteCoverage,
  });
  const prerequisites = await loadPrerequisiteGate(db, actor, {
    establishmentId: assessment.establishmentId,
    year: assessment.campaign.year,
    referential: assessment.referential,
  });
  const score = scoreAssessment({
    referential: assessment.referential,
    answers,
    options: assessment.options,
    coverage,
    prerequisites,
  });
  const progress = computeProgress(assessment.referential, answers, assessment.options);
  return { assessment, score, progress, coverage: coverage ?? null };
}

export type AssessmentResults = Awaited<ReturnType<typeof getAssessmentResults>>;

/**
 * Every assessment of the establishment the actor may read, scored, oldest campaign first (then
 * revision). NOT_FOUND when the establishment itself is out of the actor's scope.
 */
export async function getEstablishmentHistory(db: Db, actor: Actor, establishmentId: string) {
  const establishment = await db.establishment.findFirst({
    where: { AND: [{ id: establishmentId }, establishmentScope(actor, "establishment.read")] },
    select: { id: true, name: true, ghtId: true },
  });
  if (!establishment) throw notFound("Cet établissement");
  const rows = await db.assessment.findMany({
    where: { AND: [{ establishmentId }, assessmentScope(actor, "assessment.read")] },
    select: {
      id: true,
      ...assessmentStateSelect,
      campaignId: true,
      campaign: {
        select: {
          id: true,
          name: true,
          year: true,
          referentialVersion: { select: { referentialId: true, version: true, title: true, content: true } },
        },
      },
      answers: { select: { requirementCode: true, kind: true, value: true, needsConfirmation: true } },
    },
    orderBy: [{ campaign: { year: "asc" } }, { campaign: { createdAt: "asc" } }, { revision: "asc" }],
  });
  const assessments = [];
  for (const row of rows) {
    const { content, ...referential } = row.campaign.referentialVersion;
    const input = {
      referential: referentialOf({ content }),
      answers: toScoreAnswers(row.answers),
      options: (row.options ?? {}) as Record<string, unknown>,
    };
    const coverage = await loadCoverage(db, {
      ...input,
      campaignId: row.campaignId,
      establishmentId,
      ghtId: establishment.ghtId,
      siteCoverage: row.siteCoverage,
    });
    const prerequisites = await loadPrerequisiteGate(db, actor, {
      establishmentId,
      year: row.campaign.year,
      referential: input.referential,
    });
    const score = scoreAssessment({ ...input, coverage, prerequisites });
    assessments.push({
      id: row.id,
      revision: row.revision,
      status: row.status,
      sharing: row.sharing,
      submittedAt: row.submittedAt,
      campaign: { id: row.campaign.id, name: row.campaign.name, year: row.campaign.year },
      referential: { id: referential.referentialId, version: referential.version, title: referential.title },
      verdict: score.verdict,
      domains: score.domains,
      overall: score.overall,
      counts: score.counts,
      requirements: score.requirements,
    });
  }
  return { establishment: { id: establishment.id, name: establishment.name }, assessments };
}

export type EstablishmentHistory = Awaited<ReturnType<typeof getEstablishmentHistory>>;
export type HistoryEntry = EstablishmentHistory["assessments"][number];
