import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shareAssessment, startAssessment } from "@/lib/assessments/commands";
import { saveAnswer } from "@/lib/assessments/save-answer";
import type { TReferentialFile } from "@/lib/referentials/schemas";
import { createCampaign, demoWorld, insertVersion, loadShipped } from "@/test/fixtures/assessment";
import { createTestDb, type TestDb } from "@/test/db";
import { getAssessmentResults } from "./queries";

// HOP'EN usage on a real database: each domain's verdict waits on the same establishment's socle
// assessment of the same year, read with the reader's own scope.

let t: TestDb;
let w: Awaited<ReturnType<typeof demoWorld>>;
let socle: TReferentialFile;
let usage: TReferentialFile;
let socleId = "";
let usageId = "";
const rid = "test-request";
const versions = new Map<string, number>();

async function answer(assessmentId: string, requirementCode: string, value: unknown) {
  const key = `${assessmentId}:${requirementCode}`;
  const expectedVersion = versions.get(key) ?? 0;
  await saveAnswer(t.db, w.director, assessmentId, { requirementCode, kind: "value", value, expectedVersion }, rid);
  versions.set(key, expectedVersion + 1);
}

beforeAll(async () => {
  t = await createTestDb();
  w = await demoWorld(t.db);
  socle = await loadShipped("hopen-socle", "2019.3");
  usage = await loadShipped("hopen-usage", "2019.3");
  const socleCampaign = await createCampaign(t.db, (await insertVersion(t.db, socle)).id, [w.ghbs], 2021);
  const usageCampaign = await createCampaign(t.db, (await insertVersion(t.db, usage)).id, [w.ghbs], 2021);
  const start = async (campaignId: string) =>
    (
      await startAssessment(
        { db: t.db, actor: w.director, requestId: rid },
        { campaignId, establishmentId: w.ghbs, carryForward: false },
      )
    ).id;
  socleId = await start(socleCampaign.id);
  usageId = await start(usageCampaign.id);
  await t.db.assessment.update({ where: { id: usageId }, data: { options: { domains: ["D2"] } } });
  for (const r of socle.requirements) {
    const value =
      r.code === "P2.1"
        ? "no"
        : r.answer.type === "percentage"
          ? { percent: 95, numerator: 19, denominator: 20 }
          : "yes";
    await answer(socleId, r.code, value);
  }
  await answer(usageId, "D2.2", 99);
  await answer(usageId, "D2.5", 85);
});
afterAll(() => t.close());

describe("[FIDELITY] HOP'EN usage gated by the socle of the same establishment and year", () => {
  it("D2 meets its sourced targets but is not eligible while the socle misses P2.1, and says so", async () => {
    const { score } = await getAssessmentResults(t.db, w.director, w.ghbs, usageId);
    const d2 = score.verdict.domains.find((d) => d.code === "D2")!;
    expect(d2.status).toBe("not_eligible");
    expect(d2.blockingMissing).toEqual([]);
    expect(d2.reasons[0]).toContain("Prérequis du socle manquants");
    expect(d2.reasons[0]).toContain("P2.1");
  });

  it("once P2.1 is met, D2 follows the socle: 'sous réserve' of its provisional targets", async () => {
    await answer(socleId, "P2.1", "yes");
    const { score } = await getAssessmentResults(t.db, w.director, w.ghbs, usageId);
    const d2 = score.verdict.domains.find((d) => d.code === "D2")!;
    expect(d2.status).toBe("reserved");
    expect(d2.reasons[0]).toContain("P1.3");
  });

  it("a reader who may not read the socle assessment does not get its verdict: no domain is eligible", async () => {
    // The delegate reads only a submitted revision whose detail is shared; the socle draft stays unreadable.
    await t.db.assessment.update({ where: { id: usageId }, data: { status: "submitted", submittedAt: new Date() } });
    await shareAssessment({ db: t.db, actor: w.director, requestId: rid }, usageId, "detail");
    const { score } = await getAssessmentResults(t.db, w.delegate, w.ghbs, usageId);
    expect(score.verdict.domains[0]!.status).toBe("not_eligible");
    expect(score.verdict.domains[0]!.reasons[0]).toContain("Prérequis du socle non évalués");
  });
});
