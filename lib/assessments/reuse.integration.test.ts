import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TReferentialFile } from "@/lib/referentials/schemas";
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
let shippedCare: TReferentialFile;
let typedCare: TReferentialFile;

/** CaRE D2 as a republished version would state its links: each mapping with its kind. */
function withKinds(care: TReferentialFile): TReferentialFile {
  const kinds: Record<string, Record<string, "equivalent" | "partial" | "related">> = {
    "D2.P1": { "P2.3": "partial" },
    "D2.O1.B": { "P2.5": "equivalent" },
    "D2.O4": { "P2.1": "related" },
  };
  return {
    ...care,
    version: "2025.9",
    requirements: care.requirements.map((r) => ({
      ...r,
      mappings: [
        ...r.mappings.filter((m) => m.referential !== "hopen-socle").map((m) => ({ ...m, kind: "related" as const })),
        ...Object.entries(kinds[r.code] ?? {}).map(([code, kind]) => ({ referential: "hopen-socle", code, kind })),
      ],
    })),
  };
}

const save = (assessmentId: string, requirementCode: string, value: string) =>
  saveAnswer(t.db, w.director, assessmentId, { requirementCode, kind: "value", value, expectedVersion: 0 }, "t");

beforeAll(async () => {
  t = await createTestDb();
  w = await demoWorld(t.db);
  const ctx = { db: t.db, actor: w.director, requestId: "t" };
  shippedCare = await loadShipped("care-d2", "2025.1");
  typedCare = withKinds(shippedCare);
  const hopen = await createCampaign(t.db, (await insertVersion(t.db, await loadShipped("hopen-socle", "2019.2"))).id, [
    w.ghbs,
  ]);
  const care = await createCampaign(t.db, (await insertVersion(t.db, typedCare)).id, [w.ghbs]);
  const hopenId = (await startAssessment(ctx, { campaignId: hopen.id, establishmentId: w.ghbs, carryForward: false }))
    .id;
  careId = (await startAssessment(ctx, { campaignId: care.id, establishmentId: w.ghbs, carryForward: false })).id;
  await save(hopenId, "P2.1", "yes");
  await save(hopenId, "P2.3", "no");
  await save(hopenId, "P2.5", "yes");
});
afterAll(() => t.close());

describe("[ASSESSMENTS] answers offered across mapped referentials, by the mapping's kind", () => {
  it("pre-fills only from an equivalent requirement; a partial one is « à revoir », a related one only named", async () => {
    const care = await getAssessmentOrThrow(t.db, w.director, careId);
    const offers = await findReusableAnswers(t.db, care, await loadAnswers(t.db, careId));
    expect(offers.get("D2.O1.B")).toEqual([
      expect.objectContaining({ mapping: "equivalent", value: "yes", source: expect.stringContaining("P2.5") }),
    ]);
    expect(offers.get("D2.P1")).toEqual([
      expect.objectContaining({ mapping: "partial", value: "no", source: expect.stringContaining("P2.3") }),
    ]);
    // A PRA test of 2019–2021 is no evidence for a restore test after July 2025.
    expect(offers.get("D2.O4")).toEqual([expect.objectContaining({ mapping: "related" })]);
    // The HOP'EN file (older content, no kind) still names P2.1 for D2.O1.C: named only.
    expect(offers.get("D2.O1.C")?.map((o) => o.mapping)).toEqual(["related"]);
    expect(offers.has("D2.O3.C")).toBe(false);
  });

  it("reads a mapping stored without a kind (older content) as related: it pre-fills nothing", async () => {
    const care = { ...(await getAssessmentOrThrow(t.db, w.director, careId)), referential: shippedCare };
    const offers = await findReusableAnswers(t.db, care, await loadAnswers(t.db, careId));
    for (const code of ["D2.O1.C", "D2.O1.D", "D2.O4", "D2.P1"])
      expect(offers.get(code)?.map((o) => o.mapping)).toEqual(["related"]);
    expect([...offers.values()].flat().some((o) => o.mapping === "equivalent")).toBe(false);
  });

  it("stops offering once the requirement is answered", async () => {
    await save(careId, "D2.O1.B", "no");
    const care = await getAssessmentOrThrow(t.db, w.director, careId);
    const offers = await findReusableAnswers(t.db, care, await loadAnswers(t.db, careId));
    expect(offers.has("D2.O1.B")).toBe(false);
  });
});
