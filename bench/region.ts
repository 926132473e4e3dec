// `npm run bench region`: the regional comparison at national scale (prisma/seed/scale.ts). For the
// largest region's delegate view (getCampaignComparison, what the page and every export run) and
// for a national summary (a director's national peer position, getPeerPosition), the server time
// is printed next to one hand-written SQL aggregate over the same rows, timed in the same run, and
// their ratio. Goal: ≤ 3× the SQL and ≤ 300 ms. Scale: BENCH_REGION_ESTABLISHMENTS (default 3000).
import { loadavg } from "node:os";
import type { PrismaClient } from "@/generated/prisma/client";
import { loadActor } from "@/lib/auth/actor";
import { getCampaignComparison } from "@/lib/region/campaign-view";
import { getPeerPosition } from "@/lib/region/peers";
import { parseViewQuery } from "@/lib/region/view-query";
import { seedScale } from "@/prisma/seed/scale";
import type { TestDb } from "@/test/db";

const RUNS = 9;

/**
 * The first call (cold: plans, the frozen-result check, the small-group decisions of this
 * population) and the median of the next RUNS calls (a delegate moving between filters and outputs).
 */
async function timed(op: () => Promise<unknown>): Promise<{ first: number; p50: number }> {
  let t0 = performance.now();
  await op();
  const first = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t0 = performance.now();
    await op();
    times.push(performance.now() - t0);
  }
  return { first, p50: times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]! };
}

async function actorWith(db: PrismaClient, email: string, membership: Record<string, string>) {
  const user = await db.user.create({
    data: { email, name: email, passwordHash: "-", memberships: { create: membership as never } },
  });
  return (await loadActor(db, user.id))!;
}

// The baselines: what a hand-written query would run for the same page, over the same rows, in one
// statement each (no access check, no small-group rule: those are the server's extra work).
//
// Region: the members in the region and the campaign (latest revision, latest submitted result),
// everything the page prints about them: the member rows, counts by category × participation ×
// verdict, quartiles of the overall and domain scores over the shared results (and over the two
// GHTs the page compares), requirement × status × evidence counts, and the heatmap's cells and the
// domain scores of each shared result.
export const REGION_SQL = `
WITH m AS (
  SELECT e.id, e.name, e.category, e."departementCode", d.name AS "departementName", e."ghtId", g.name AS "ghtName",
    e."annualActivity", la.sharing, (la.id IS NOT NULL AND la.answered) AS answered,
    sr."assessmentId" AS rid, sr."overallScore", sr.eligible, sr."coverageObjectiveMet"
  FROM "Establishment" e
  JOIN "CampaignEstablishment" ce ON ce."establishmentId" = e.id AND ce."campaignId" = $1
  JOIN "Departement" d ON d.code = e."departementCode"
  LEFT JOIN "Ght" g ON g.id = e."ghtId"
  LEFT JOIN LATERAL (
    SELECT a.id, a.sharing, EXISTS (SELECT 1 FROM "Answer" an WHERE an."assessmentId" = a.id) AS answered
    FROM "Assessment" a WHERE a."campaignId" = $1 AND a."establishmentId" = e.id ORDER BY a.revision DESC LIMIT 1) la ON true
  LEFT JOIN LATERAL (
    SELECT a.id FROM "Assessment" a
    WHERE a."campaignId" = $1 AND a."establishmentId" = e.id AND a.status IN ('submitted', 'superseded')
    ORDER BY a.revision DESC LIMIT 1) sa ON true
  LEFT JOIN "SubmittedResult" sr ON sr."assessmentId" = sa.id
  WHERE e."regionId" = $2 AND e.disabled = false),
shared AS (SELECT rid, "ghtId" FROM m WHERE rid IS NOT NULL AND sharing = 'detail'),
compared AS (SELECT DISTINCT "ghtId", "ghtName" FROM m WHERE "ghtId" IS NOT NULL ORDER BY "ghtName" LIMIT 2),
sets AS (SELECT 'view' AS "set", rid FROM shared
  UNION ALL SELECT s."ghtId", s.rid FROM shared s JOIN compared c ON c."ghtId" = s."ghtId")
SELECT
  (SELECT json_agg(m ORDER BY m.name) FROM m) AS members,
  (SELECT json_agg(x) FROM (
    SELECT category, CASE WHEN rid IS NOT NULL THEN 'submitted' WHEN answered THEN 'in_progress' ELSE 'not_started' END,
      eligible, count(*) FROM m GROUP BY 1, 2, 3) x) AS counts,
  (SELECT json_agg(x) FROM (
    SELECT s."set", d."domainCode", count(*), percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY d.score)
    FROM sets s JOIN "SubmittedDomainScore" d ON d."assessmentId" = s.rid WHERE d.score IS NOT NULL GROUP BY 1, 2
    UNION ALL
    SELECT s."set", '*', count(*), percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY r."overallScore")
    FROM sets s JOIN "SubmittedResult" r ON r."assessmentId" = s.rid WHERE r."overallScore" IS NOT NULL GROUP BY 1) x)
    AS quartiles,
  (SELECT json_agg(x) FROM (
    SELECT q."requirementCode", q.status, q."withEvidence", count(*)
    FROM "SubmittedRequirement" q JOIN shared s ON s.rid = q."assessmentId" GROUP BY 1, 2, 3) x) AS requirements,
  (SELECT json_agg(x) FROM (
    SELECT s.rid,
      (SELECT json_object_agg(d."domainCode", d.score) FROM "SubmittedDomainScore" d WHERE d."assessmentId" = s.rid),
      (SELECT json_object_agg(q."requirementCode", json_build_array(q.status, q."withEvidence"))
        FROM "SubmittedRequirement" q WHERE q."assessmentId" = s.rid)
    FROM shared s) x) AS detail`;

// National: each establishment's latest submitted revision whose detail is shared; P20, P50, P80 of
// the overall score and of each domain's score over them, and how many they are.
export const NATIONAL_SQL = `
WITH peers AS (
  SELECT l.id FROM (
    SELECT DISTINCT ON (a."establishmentId") a.id, a."establishmentId", a.sharing FROM "Assessment" a
    WHERE a."campaignId" = $1 AND a.status IN ('submitted', 'superseded')
    ORDER BY a."establishmentId", a.revision DESC) l
  JOIN "Establishment" e ON e.id = l."establishmentId"
  WHERE e.disabled = false AND l.sharing = 'detail')
SELECT d."domainCode", count(*), percentile_cont(ARRAY[0.2, 0.5, 0.8]) WITHIN GROUP (ORDER BY d.score)
FROM "SubmittedDomainScore" d JOIN peers p ON p.id = d."assessmentId" WHERE d.score IS NOT NULL GROUP BY 1
UNION ALL
SELECT '*', count(*), percentile_cont(ARRAY[0.2, 0.5, 0.8]) WITHIN GROUP (ORDER BY r."overallScore")
FROM "SubmittedResult" r JOIN peers p ON p.id = r."assessmentId" WHERE r."overallScore" IS NOT NULL
UNION ALL
SELECT NULL, count(*), NULL FROM peers`;

export async function benchRegion(label: string, open: () => Promise<TestDb>) {
  const establishments = Number(process.env.BENCH_REGION_ESTABLISHMENTS ?? 3000);
  const { db, close } = await open();
  try {
    const t0 = performance.now();
    const seeded = await seedScale(db, (sql, params = []) => db.$executeRawUnsafe(sql, ...params), {
      establishments,
      answers: 60,
    });
    const seedMs = performance.now() - t0;
    const [largest] = await db.$queryRawUnsafe<{ regionId: string; n: bigint }[]>(
      `SELECT "regionId", count(*) AS n FROM "Establishment" GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    const region = await db.region.findUniqueOrThrow({ where: { id: largest!.regionId } });
    const delegate = await actorWith(db, `bench.delegue.${region.code}@bench.invalid`, {
      role: "regional_delegate",
      regionId: region.id,
    });
    const own = await db.assessment.findFirstOrThrow({
      where: { campaignId: seeded.campaignId, status: "submitted", sharing: "detail" },
      select: { id: true, establishmentId: true },
    });
    const director = await actorWith(db, "bench.direction@bench.invalid", {
      role: "director",
      establishmentId: own.establishmentId,
    });
    const workload = `${seeded.establishments} establishments, ${seeded.submitted} submitted, ${seeded.answers} answers; seeded in ${(seedMs / 1000).toFixed(1)} s`;

    const view = await timed(() =>
      getCampaignComparison(db, delegate, { kind: "region", id: region.id }, seeded.campaignId, parseViewQuery({})),
    );
    const viewSql = await timed(() => db.$queryRawUnsafe(REGION_SQL, seeded.campaignId, region.id));
    const members = Number(largest!.n);
    print(`region view, ${label}, ${region.name} (${members} members)`, view, viewSql, workload);

    const national = await timed(() => getPeerPosition(db, director, own.establishmentId, own.id, "national"));
    const nationalSql = await timed(() => db.$queryRawUnsafe(NATIONAL_SQL, seeded.campaignId));
    print(`national summary (peer bands), ${label}`, national, nationalSql, workload);
  } finally {
    await close();
  }
}

function print(label: string, server: { first: number; p50: number }, sql: { p50: number }, workload: string) {
  const ratio = server.p50 / sql.p50;
  const ok = ratio <= 3 && server.p50 <= 300 ? "within goal" : "OVER GOAL";
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  console.log(
    `${label}: server p50 ${server.p50.toFixed(1)} ms (first call ${server.first.toFixed(0)} ms), SQL aggregate p50 ${sql.p50.toFixed(1)} ms, ratio ${ratio.toFixed(1)}× (goal ≤ 3×, ≤ 300 ms: ${ok})  [${workload}; load average ${load}]`,
  );
}
