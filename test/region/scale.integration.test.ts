import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NATIONAL_SQL, REGION_SQL } from "@/bench/region";
import { loadActor } from "@/lib/auth/actor";
import { getCampaignComparison } from "@/lib/region/campaign-view";
import { getPeerPosition } from "@/lib/region/peers";
import { parseViewQuery } from "@/lib/region/view-query";
import { seedScale } from "@/prisma/seed/scale";
import { createTestDb, type TestDb } from "@/test/db";

// The synthetic nation of `npm run seed:scale` and `npm run bench -- region`, small: it loads on the
// current schema, and the bench's hand-written SQL baselines read the same rows and figures as the
// server's view and peer bands (a baseline over other rows would make the bench's ratio meaningless).

let t: TestDb;
let seeded: Awaited<ReturnType<typeof seedScale>>;
beforeAll(async () => {
  t = await createTestDb();
  seeded = await seedScale(t.db, (sql, params = []) => t.db.$executeRawUnsafe(sql, ...params), {
    establishments: 240,
    answers: 20,
  });
}, 120_000);
afterAll(() => t.close());

async function actor(email: string, membership: Record<string, string>) {
  const user = await t.db.user.create({
    data: { email, name: email, passwordHash: "-", memberships: { create: membership as never } },
  });
  return (await loadActor(t.db, user.id))!;
}

type Quartile = { set: string; domainCode: string; count: number; percentile_cont: number[] };

describe("[REGION] the synthetic nation", () => {
  it("loads establishments in every region, GHTs, a campaign and a mix of participation and sharing", async () => {
    expect(seeded).toMatchObject({ establishments: 240, answers: seeded.assessments * 20 });
    const regions = await t.db.establishment.groupBy({ by: ["regionId"], _count: true });
    expect(regions.length).toBe(18);
    const mix = await t.db.assessment.groupBy({ by: ["status", "sharing"], _count: true });
    expect(mix.map((m) => `${m.status}/${m.sharing}`).sort()).toEqual(
      ["draft/detail", "draft/participation", "submitted/detail", "submitted/participation"].sort(),
    );
    expect(await t.db.submittedResult.count()).toBe(seeded.submitted);
    expect(await t.db.ght.count()).toBe(seeded.ghts);
  });

  it("the region baseline reads the view's members, counts and quartiles", async () => {
    const [largest] = await t.db.$queryRawUnsafe<{ regionId: string }[]>(
      `SELECT "regionId" FROM "Establishment" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const delegate = await actor("delegue.scale@test.invalid", {
      role: "regional_delegate",
      regionId: largest!.regionId,
    });
    const view = await getCampaignComparison(
      t.db,
      delegate,
      { kind: "region", id: largest!.regionId },
      seeded.campaignId,
      parseViewQuery({}),
    );
    const [sql] = await t.db.$queryRawUnsafe<
      {
        members: { id: string }[];
        counts: { count: number }[];
        quartiles: Quartile[];
        detail: { rid: string }[];
      }[]
    >(REGION_SQL, seeded.campaignId, largest!.regionId);
    expect(sql!.members.map((m) => m.id).sort()).toEqual(view.rows.map((r) => r.id).sort());
    expect(sql!.counts.reduce((s, c) => s + Number(c.count), 0)).toBe(view.coverage.members);
    expect(sql!.detail.length).toBe(view.heatmap.filter((h) => !h.missing).length);
    const overall = sql!.quartiles.find((q) => q.set === "view" && q.domainCode === "*")!;
    const cell = view.distribution[0]!.cell;
    expect(cell.n).toBe(Number(overall.count));
    if (cell.shown) expect([cell.q1, cell.median, cell.q3]).toEqual(overall.percentile_cont.map(Number));
  });

  it("the national baseline reads the peers of a director's national bands", async () => {
    const own = await t.db.assessment.findFirstOrThrow({
      where: { campaignId: seeded.campaignId, status: "submitted", sharing: "detail" },
      select: { id: true, establishmentId: true },
    });
    const director = await actor("direction.scale@test.invalid", {
      role: "director",
      establishmentId: own.establishmentId,
    });
    const position = await getPeerPosition(t.db, director, own.establishmentId, own.id, "national");
    const rows = await t.db.$queryRawUnsafe<{ domainCode: string | null; count: number }[]>(
      NATIONAL_SQL,
      seeded.campaignId,
    );
    expect(position.n).toBe(Number(rows.find((r) => r.domainCode === null)!.count));
    expect(position.shown).toBe(true);
  });
});
