import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/core/db";
import type { RequirementStatus } from "@/lib/scoring/types";

// The figures of a group, computed by the database over the frozen results (lib/region/results.ts):
// GROUP BY and percentile_cont, never a loop over answer rows. Callers pass the ids of the results
// they may aggregate (members in scope, detail shared) and apply the small-group rules to the output.

export type StatusCount = { code: string; status: RequirementStatus; withEvidence: boolean; n: number };

/** Requirement × status × evidence counts over the given submitted results. */
export async function requirementCounts(db: Db, resultIds: readonly string[]): Promise<StatusCount[]> {
  if (resultIds.length === 0) return [];
  return db.$queryRaw<StatusCount[]>(Prisma.sql`
    SELECT "requirementCode" AS code, status::text AS status, "withEvidence", count(*)::int AS n
    FROM "SubmittedRequirement" WHERE "assessmentId" = ANY(${[...resultIds]}::text[])
    GROUP BY 1, 2, 3`);
}

export type Quartiles = { code: string; n: number; q1: number; median: number; q3: number };

/** Per domain (and "*" for the overall score): n, quartiles and median of the scores. */
export async function scoreQuartiles(db: Db, resultIds: readonly string[]): Promise<Map<string, Quartiles>> {
  if (resultIds.length === 0) return new Map();
  const ids = [...resultIds];
  const rows = await db.$queryRaw<Quartiles[]>(Prisma.sql`
    SELECT "domainCode" AS code, count(*)::int AS n,
      percentile_cont(0.25) WITHIN GROUP (ORDER BY score)::float8 AS q1,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY score)::float8 AS median,
      percentile_cont(0.75) WITHIN GROUP (ORDER BY score)::float8 AS q3
    FROM "SubmittedDomainScore" WHERE "assessmentId" = ANY(${ids}::text[]) AND score IS NOT NULL GROUP BY 1
    UNION ALL
    SELECT '*', count(*)::int,
      percentile_cont(0.25) WITHIN GROUP (ORDER BY "overallScore")::float8,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY "overallScore")::float8,
      percentile_cont(0.75) WITHIN GROUP (ORDER BY "overallScore")::float8
    FROM "SubmittedResult" WHERE "assessmentId" = ANY(${ids}::text[]) AND "overallScore" IS NOT NULL`);
  return new Map(rows.filter((r) => r.n > 0).map((r) => [r.code, r]));
}

export type Cutpoints = { code: string; n: number; p20: number; p50: number; p80: number };

/** P20, P50, P80 of the overall score ("*") and each domain's score, for a director's peer bands. */
export async function scoreCutpoints(db: Db, resultIds: readonly string[]): Promise<Map<string, Cutpoints>> {
  if (resultIds.length === 0) return new Map();
  const ids = [...resultIds];
  const rows = await db.$queryRaw<Cutpoints[]>(Prisma.sql`
    SELECT "domainCode" AS code, count(*)::int AS n,
      percentile_cont(0.2) WITHIN GROUP (ORDER BY score)::float8 AS p20,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY score)::float8 AS p50,
      percentile_cont(0.8) WITHIN GROUP (ORDER BY score)::float8 AS p80
    FROM "SubmittedDomainScore" WHERE "assessmentId" = ANY(${ids}::text[]) AND score IS NOT NULL GROUP BY 1
    UNION ALL
    SELECT '*', count(*)::int,
      percentile_cont(0.2) WITHIN GROUP (ORDER BY "overallScore")::float8,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY "overallScore")::float8,
      percentile_cont(0.8) WITHIN GROUP (ORDER BY "overallScore")::float8
    FROM "SubmittedResult" WHERE "assessmentId" = ANY(${ids}::text[]) AND "overallScore" IS NOT NULL`);
  return new Map(rows.filter((r) => r.n > 0).map((r) => [r.code, r]));
}

export type ParticipationCount = {
  category: string;
  participation: "not_started" | "in_progress" | "submitted";
  eligible: boolean | null;
  n: number;
};

/**
 * Members by category × participation × verdict, counted by the database over the campaign's
 * assessments of the given establishments (the same reading as lib/region/members.ts).
 */
export async function participationCounts(
  db: Db,
  campaignId: string,
  establishmentIds: readonly string[],
): Promise<ParticipationCount[]> {
  if (establishmentIds.length === 0) return [];
  return db.$queryRaw<ParticipationCount[]>(Prisma.sql`
    SELECT es.category::text AS category,
      CASE WHEN sr."assessmentId" IS NOT NULL THEN 'submitted'
           WHEN la.answered > 0 THEN 'in_progress' ELSE 'not_started' END AS participation,
      sr."eligible", count(*)::int AS n
    FROM "Establishment" es
    LEFT JOIN LATERAL (
      SELECT (SELECT count(*) FROM "Answer" an WHERE an."assessmentId" = a.id) AS answered
      FROM "Assessment" a WHERE a."campaignId" = ${campaignId} AND a."establishmentId" = es.id
      ORDER BY a.revision DESC LIMIT 1) la ON true
    LEFT JOIN LATERAL (
      SELECT a.id FROM "Assessment" a
      WHERE a."campaignId" = ${campaignId} AND a."establishmentId" = es.id AND a.status IN ('submitted', 'superseded')
      ORDER BY a.revision DESC LIMIT 1) sa ON true
    LEFT JOIN "SubmittedResult" sr ON sr."assessmentId" = sa.id
    WHERE es.id = ANY(${[...establishmentIds]}::text[])
    GROUP BY 1, 2, 3`);
}

export type MetShare = { code: string; n: number; met: number };

/** Per requirement: how many results answered it (not N/A) and how many met it. */
export async function metShares(db: Db, resultIds: readonly string[]): Promise<Map<string, MetShare>> {
  if (resultIds.length === 0) return new Map();
  const rows = await db.$queryRaw<MetShare[]>(Prisma.sql`
    SELECT "requirementCode" AS code, count(*)::int AS n, count(*) FILTER (WHERE status = 'met')::int AS met
    FROM "SubmittedRequirement"
    WHERE "assessmentId" = ANY(${[...resultIds]}::text[]) AND status <> 'not_applicable'
    GROUP BY 1`);
  return new Map(rows.map((r) => [r.code, r]));
}
