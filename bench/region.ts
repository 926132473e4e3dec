// `npm run bench region`: the regional comparison at national scale (prisma/seed/scale.ts). For the
// largest region's delegate view (getCampaignComparison, what the page and every export run) and
// for a national summary (a director's national peer position, getPeerPosition), the server time
// is printed next to one hand-written SQL aggregate over the same rows, timed in the same run, and
// their ratio. Goal: ≤ 3× the SQL and ≤ 300 ms. Scale: BENCH_REGION_ESTABLISHMENTS (default 3000).
import type { PrismaClient } from "@/generated/prisma/client";
import { loadActor } from "@/lib/auth/actor";
import { getCampaignComparison } from "@/lib/region/campaign-view";
import { getPeerPosition } from "@/lib/region/peers";
import { parseViewQuery } from "@/lib/region/view-query";
import { seedScale } from "@/prisma/seed/scale";
import type { TestDb } from "@/test/db";

const RUNS = 7;

async function timed(op: () => Promise<unknown>): Promise<number> {
  await op(); // warm-up: caches, plans, frozen-result check
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await op();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

async function actorWith(db: PrismaClient, email: string, membership: Record<string, string>) {
  const user = await db.user.create({
    data: { email, name: email, passwordHash: "-", memberships: { create: membership as never } },
  });
  return (await loadActor(db, user.id))!;
}

// The same rows the view reads, aggregated in one statement: status and verdict counts of the
// region's members, quartiles of the shared overall and domain scores, requirement counts by status.
const REGION_SQL = `
WITH m AS (
  SELECT e.id, a.id AS aid, a.status, a.sharing FROM "Establishment" e
  JOIN "CampaignEstablishment" ce ON ce."establishmentId" = e.id AND ce."campaignId" = $1
  LEFT JOIN "Assessment" a ON a."establishmentId" = e.id AND a."campaignId" = $1
  WHERE e."regionId" = $2 AND e.disabled = false),
shared AS (SELECT aid FROM m WHERE status = 'submitted' AND sharing = 'detail')
SELECT
  (SELECT json_agg(x) FROM (SELECT m.status, r.eligible, count(*) FROM m LEFT JOIN "SubmittedResult" r ON r."assessmentId" = m.aid GROUP BY 1, 2) x) AS counts,
  (SELECT json_agg(x) FROM (SELECT d."domainCode", count(*), percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY d.score) FROM "SubmittedDomainScore" d JOIN shared s ON s.aid = d."assessmentId" GROUP BY 1) x) AS quartiles,
  (SELECT json_agg(x) FROM (SELECT q."requirementCode", q.status, q."withEvidence", count(*) FROM "SubmittedRequirement" q JOIN shared s ON s.aid = q."assessmentId" GROUP BY 1, 2, 3) x) AS requirements`;

const NATIONAL_SQL = `
SELECT d."domainCode", count(*), percentile_cont(ARRAY[0.2, 0.5, 0.8]) WITHIN GROUP (ORDER BY d.score)
FROM "SubmittedDomainScore" d JOIN "Assessment" a ON a.id = d."assessmentId"
WHERE a."campaignId" = $1 AND a.status = 'submitted' AND a.sharing = 'detail' GROUP BY 1`;

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

function print(label: string, server: number, sql: number, workload: string) {
  const ratio = server / sql;
  const ok = ratio <= 3 && server <= 300 ? "within goal" : "OVER GOAL";
  console.log(
    `${label}: server p50 ${server.toFixed(1)} ms, SQL aggregate p50 ${sql.toFixed(1)} ms, ratio ${ratio.toFixed(1)}× (goal ≤ 3×, ≤ 300 ms: ${ok})  [${workload}]`,
  );
}
