import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCampaign, demoWorld, insertVersion, loadShipped } from "@/test/fixtures/assessment";
import { createTestDb, type TestDb } from "@/test/db";
import { getAssessmentOrThrow } from "./access";
import { startAssessment } from "./commands";
import { loadAnswers } from "./answers";
import { findReusableAnswers } from "./reuse";
import { saveAnswer } from "./save-answer";

let t: TestDb;
let w: Awaited<ReturnType<typeof demoWorld>>;
let careId: string;

beforeAll(async () => {
  t = await createTestDb();
  w = await demoWorld(t.db);
  const ctx = { db: t.db, actor: w.director, requestId: "t" };
  const hopen = await createCampaign(t.db, (await insertVersion(t.db, await loadShipped("hopen-socle", "2019.2"))).id, [
    w.ghbs,
  ]);
  const care = await createCampaign(t.db, (await insertVersion(t.db, await loadShipped("care-d2", "2025.1"))).id, [
    w.ghbs,
  ]);
  const hopenId = (await startAssessment(ctx, { campaignId: hopen.id, establishmentId: w.ghbs, carryForward: false }))
    .id;
  careId = (await startAssessment(ctx, { campaignId: care.id, establishmentId: w.ghbs, carryForward: false })).id;
  await saveAnswer(
    t.db,
    w.director,
    hopenId,
    { requirementCode: "P2.1", kind: "value", value: "yes", expectedVersion: 0 },
    "t",
  );
  await saveAnswer(
    t.db,
    w.director,
    hopenId,
    { requirementCode: "P2.3", kind: "value", value: "no", expectedVersion: 0 },
    "t",
  );
});
afterAll(() => t.close());

describe("[ASSESSMENTS] answers offered across mapped referentials", () => {
  it("offers HOP'EN answers on the mapped CaRE requirements, both mapping directions, with the source", async () => {
    const care = await getAssessmentOrThrow(t.db, w.director, careId);
    const offers = await findReusableAnswers(t.db, care, await loadAnswers(t.db, careId));
    expect(offers.get("D2.O4")).toMatchObject({ value: "yes", source: expect.stringContaining("P2.1") }); // HOP'EN → CaRE
    expect(offers.get("D2.P1")).toMatchObject({ value: "no", source: expect.stringContaining("P2.3") }); // CaRE → HOP'EN
    expect(offers.has("D2.O3.C")).toBe(false);
  });

  it("stops offering once the requirement is answered", async () => {
    await saveAnswer(
      t.db,
      w.director,
      careId,
      { requirementCode: "D2.O4", kind: "value", value: "no", expectedVersion: 0 },
      "t",
    );
    const care = await getAssessmentOrThrow(t.db, w.director, careId);
    const offers = await findReusableAnswers(t.db, care, await loadAnswers(t.db, careId));
    expect(offers.has("D2.O4")).toBe(false);
  });
});
