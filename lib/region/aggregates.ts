import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/core/db";
import type { RequirementStatus } from "@/lib/scoring/types";
import type { DetailRows } from "./member-views";

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

/** Named sets of result ids, as a relation ("set", id) for the statements below. */
export function resultSets(sets: Readonly<Record<string, readonly string[]>>): Prisma.Sql {
  const names = Object.entries(sets).flatMap(([name, ids]) => ids.map(() => name));
  const ids = Object.values(sets).flat();
  return Prisma.sql`SELECT * FROM unnest(${names}::text[], ${ids}::text[]) AS s("set", id)`;
}

type Three = [number, number, number];
/** code null: the row that counts the set's results. */
type QuantileRow = { set: string; code: string | null; n: number; values: Three };

/**
 * Per set, per domain (and "*" for the overall score): n and the given quantiles of the scores, and
 * the set's size, in one statement (percentile_cont over an array sorts each group once). `sets` is a relation of
 * ("set", id) rows: resultSets(…) or a query that selects the results itself.
 */
async function scoreQuantiles(db: Db, sets: Prisma.Sql, fractions: Readonly<Three>) {
  const rows = await db.$queryRaw<QuantileRow[]>(Prisma.sql`
    WITH s AS (${sets})
    SELECT s."set", d."domainCode" AS code, count(*)::int AS n,
      percentile_cont(${[...fractions]}::float8[]) WITHIN GROUP (ORDER BY d.score)::float8[] AS values
    FROM s JOIN "SubmittedDomainScore" d ON d."assessmentId" = s.id WHERE d.score IS NOT NULL GROUP BY 1, 2
    UNION ALL
    SELECT s."set", '*', count(*)::int,
      percentile_cont(${[...fractions]}::float8[]) WITHIN GROUP (ORDER BY r."overallScore")::float8[]
    FROM s JOIN "SubmittedResult" r ON r."assessmentId" = s.id WHERE r."overallScore" IS NOT NULL GROUP BY 1
    UNION ALL
    SELECT s."set", NULL, count(DISTINCT s.id)::int, NULL FROM s GROUP BY 1`);
  const bySet = new Map<string, Map<string, { code: string; n: number; values: Three }>>();
  const sizes = new Map<string, number>();
  for (const r of rows) {
    if (r.code === null) sizes.set(r.set, r.n);
    if (r.code === null || r.n === 0) continue;
    if (!bySet.has(r.set)) bySet.set(r.set, new Map());
    bySet.get(r.set)!.set(r.code, { code: r.code, n: r.n, values: r.values.map(Number) as Three });
  }
  return { bySet, sizes };
}

export type Quartiles = { code: string; n: number; q1: number; median: number; q3: number };

/** Per set of results, per domain (and "*" for the overall score): n, quartiles and median of the scores. */
export async function scoreQuartiles<S extends string>(
  db: Db,
  sets: Readonly<Record<S, readonly string[]>>,
): Promise<Record<S, Map<string, Quartiles>>> {
  const found = Object.values<readonly string[]>(sets).some((ids) => ids.length > 0)
    ? (await scoreQuantiles(db, resultSets(sets), [0.25, 0.5, 0.75])).bySet
    : new Map<string, never>();
  const out = {} as Record<S, Map<string, Quartiles>>;
  for (const name of Object.keys(sets) as S[]) {
    const rows = [...(found.get(name)?.values() ?? [])];
    out[name] = new Map(rows.map(({ code, n, values: [q1, median, q3] }) => [code, { code, n, q1, median, q3 }]));
  }
  return out;
}

export type Cutpoints = { code: string; n: number; p20: number; p50: number; p80: number };

/**
 * P20, P50, P80 of the overall score ("*") and each domain's score over the results `query` selects
 * (one "id" column), and how many results it selects.
 */
export async function scoreCutpoints(db: Db, query: Prisma.Sql): Promise<{ n: number; cut: Map<string, Cutpoints> }> {
  const { bySet, sizes } = await scoreQuantiles(
    db,
    Prisma.sql`SELECT '' AS "set", q.id FROM (${query}) q`,
    [0.2, 0.5, 0.8],
  );
  const rows = [...(bySet.get("")?.values() ?? [])];
  return {
    n: sizes.get("") ?? 0,
    cut: new Map(rows.map(({ code, n, values: [p20, p50, p80] }) => [code, { code, n, p20, p50, p80 }])),
  };
}

/**
 * The campaign's facts of each establishment of `establishmentIds`: its category, département and
 * GHT names, its latest revision (sharing, whether anything was answered) and the frozen result of
 * its latest submitted revision. One
 * relation for the members' table (lib/region/members.ts) and the counts below, so both read
 * participation the same way.
 */
export function participationFacts(campaignId: string, establishmentIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT e.id, es.category::text AS category, dep.name AS "departementName", g.name AS "ghtName",
      la.sharing::text AS "latestSharing", (la.id IS NOT NULL) AS "hasDraft", coalesce(la.answered, false) AS answered,
      sr."assessmentId" AS "resultId", sr."overallScore", sr."eligible", sr."coverageObjectiveMet"
    FROM unnest(${[...establishmentIds]}::text[]) AS e(id)
    JOIN "Establishment" es ON es.id = e.id
    JOIN "Departement" dep ON dep.code = es."departementCode"
    LEFT JOIN "Ght" g ON g.id = es."ghtId"
    LEFT JOIN LATERAL (
      SELECT a.id, a.sharing, EXISTS (SELECT 1 FROM "Answer" an WHERE an."assessmentId" = a.id) AS answered
      FROM "Assessment" a WHERE a."campaignId" = ${campaignId} AND a."establishmentId" = e.id
      ORDER BY a.revision DESC LIMIT 1) la ON true
    LEFT JOIN LATERAL (
      SELECT a.id FROM "Assessment" a
      WHERE a."campaignId" = ${campaignId} AND a."establishmentId" = e.id AND a.status IN ('submitted', 'superseded')
      ORDER BY a.revision DESC LIMIT 1) sa ON true
    LEFT JOIN "SubmittedResult" sr ON sr."assessmentId" = sa.id`;
}

export type ParticipationCount = {
  category: string;
  participation: "not_started" | "in_progress" | "submitted";
  eligible: boolean | null;
  n: number;
};

/** Members by category × participation × verdict, counted by the database over participationFacts. */
export async function participationCounts(
  db: Db,
  campaignId: string,
  establishmentIds: readonly string[],
): Promise<ParticipationCount[]> {
  if (establishmentIds.length === 0) return [];
  return db.$queryRaw<ParticipationCount[]>(Prisma.sql`
    SELECT f.category,
      CASE WHEN f."resultId" IS NOT NULL THEN 'submitted' WHEN f.answered THEN 'in_progress' ELSE 'not_started' END
        AS participation,
      f."eligible", count(*)::int AS n
    FROM (${participationFacts(campaignId, establishmentIds)}) f
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

/**
 * The individual rows of results whose detail is visible (heatmap, member table): one row per
 * result, its domain scores and requirement statuses gathered by the database (json_object_agg),
 * not thousands of rows through the client.
 */
export async function detailRows(db: Db, resultIds: readonly string[]): Promise<DetailRows> {
  const domainScores: DetailRows["domainScores"] = new Map();
  const statuses: DetailRows["statuses"] = new Map();
  if (resultIds.length === 0) return { domainScores, statuses };
  const rows = await db.$queryRaw<
    {
      id: string;
      domains: Record<string, number | null> | null;
      requirements: Record<string, [string, boolean]> | null;
    }[]
  >(Prisma.sql`
    SELECT r."assessmentId" AS id,
      (SELECT json_object_agg(d."domainCode", d.score) FROM "SubmittedDomainScore" d
        WHERE d."assessmentId" = r."assessmentId") AS domains,
      (SELECT json_object_agg(q."requirementCode", json_build_array(q.status, q."withEvidence"))
        FROM "SubmittedRequirement" q WHERE q."assessmentId" = r."assessmentId") AS requirements
    FROM "SubmittedResult" r WHERE r."assessmentId" = ANY(${[...resultIds]}::text[])`);
  for (const r of rows) {
    domainScores.set(r.id, new Map(Object.entries(r.domains ?? {})));
    statuses.set(
      r.id,
      new Map(
        Object.entries(r.requirements ?? {}).map(([code, [status, withEvidence]]) => [
          code,
          { status: status as RequirementStatus, withEvidence },
        ]),
      ),
    );
  }
  return { domainScores, statuses };
}
