import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAssessmentOrThrow } from "@/lib/assessments/access";
import { loadAnswers } from "@/lib/assessments/answers";
import { saveAnswer } from "@/lib/assessments/save-answer";
import { demoWorld, loadShipped, startHopenDraft } from "@/test/fixtures/assessment";
import { createTestDb, type TestDb } from "@/test/db";
import { importReferentialVersion } from "./store";

// Referentials are versioned data: a new version (a label changed, a requirement removed) loads
// without a code change, and an assessment made on the old version reads exactly what it read.
let t: TestDb;
let w: Awaited<ReturnType<typeof demoWorld>>;
let assessmentId: string;

beforeAll(async () => {
  t = await createTestDb();
  w = await demoWorld(t.db);
  assessmentId = await startHopenDraft(t.db, w, "t");
  for (const code of ["P1.1", "P4.2"]) {
    await saveAnswer(
      t.db,
      w.director,
      assessmentId,
      { requirementCode: code, kind: "value", value: "yes", expectedVersion: 0 },
      "t",
    );
  }
});
afterAll(() => t.close());

describe("[REFERENTIALS] a new version leaves older assessments untouched", () => {
  it("keeps the old labels, requirements and answers", async () => {
    const before = await getAssessmentOrThrow(t.db, w.director, assessmentId);
    const answersBefore = await loadAnswers(t.db, assessmentId);

    const next = await loadShipped("hopen-socle", "2019.2");
    next.version = "2019.3";
    next.requirements = next.requirements.filter((r) => r.code !== "P4.2");
    next.requirements.find((r) => r.code === "P1.1")!.label = "Libellé corrigé par la délégation";
    const result = await importReferentialVersion(t.db, w.admin, next, "t");
    expect(result.status).toBe("created");
    expect(result.diff?.removed.map((r) => r.code)).toEqual(["P4.2"]);
    expect(result.diff?.changed.map((c) => c.code)).toEqual(["P1.1"]);

    const after = await getAssessmentOrThrow(t.db, w.director, assessmentId);
    expect(after.referential).toEqual(before.referential);
    expect(after.referential.requirements.find((r) => r.code === "P1.1")?.label).not.toBe(
      "Libellé corrigé par la délégation",
    );
    expect(after.referential.requirements.some((r) => r.code === "P4.2")).toBe(true);
    expect(await loadAnswers(t.db, assessmentId)).toEqual(answersBefore);
  });
});
