import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeCommand } from "@/lib/core/command";
import { demoWorld, startHopenDraft } from "@/test/fixtures/assessment";
import { createTestDb, type TestDb } from "@/test/db";
import { ZSaveAnswer } from "./answer-schemas";
import { saveAnswer } from "./save-answer";

// A thousand malformed bodies through the same pipeline the route runs (schema → command →
// error mapping): every one must get a 4xx and none may write an answer or an audit row.

let t: TestDb;
let w: Awaited<ReturnType<typeof demoWorld>>;
let assessmentId: string;

beforeAll(async () => {
  t = await createTestDb();
  w = await demoWorld(t.db);
  assessmentId = await startHopenDraft(t.db, w, "fuzz");
  await saveAnswer(
    t.db,
    w.director,
    assessmentId,
    { requirementCode: "P1.1", kind: "value", value: "yes", expectedVersion: 0 },
    "fuzz",
  );
});
afterAll(() => t.close());

const valid = { requirementCode: "P1.2", kind: "value", value: "yes", expectedVersion: 0 };
const junk = fc.oneof(
  fc.anything(),
  fc.string({ maxLength: 5000 }),
  fc.double(),
  fc.integer(),
  fc.constant(null),
  fc.array(fc.anything()),
);

// Each arbitrary breaks the body in one way that must be refused.
const malformed = fc.oneof(
  fc.anything().filter((v) => typeof v !== "object" || v === null || Array.isArray(v)),
  fc.dictionary(fc.string(), fc.anything()).filter((o) => !("requirementCode" in o)),
  junk
    .map((v) => ({ ...valid, requirementCode: v }))
    .filter((b) => typeof b.requirementCode !== "string" || !/^P\d\.\d$/.test(b.requirementCode)),
  fc
    .string({ minLength: 1, maxLength: 80 })
    .filter((s) => !/^(P\d\.\d|QHN)$/.test(s))
    .map((code) => ({ ...valid, requirementCode: code })),
  junk.filter((v) => !["value", "unknown", "not_applicable"].includes(v as string)).map((v) => ({ ...valid, kind: v })),
  junk.filter((v) => !["yes", "no"].includes(v as string)).map((v) => ({ ...valid, value: v })),
  junk.filter((v) => !(Number.isInteger(v) && (v as number) >= 0)).map((v) => ({ ...valid, expectedVersion: v })),
  fc.integer({ min: 1, max: 1_000_000 }).map((v) => ({ ...valid, expectedVersion: v })), // stale: 409
  fc
    .integer({ min: 0, max: 1_000_000 })
    .filter((v) => v !== 1)
    .map((v) => ({ ...valid, requirementCode: "P1.1", value: "no", expectedVersion: v })),
  // Too long once trimmed, as the schema trims: a 4,001-character string ending in spaces is valid.
  fc
    .string({ minLength: 4001, maxLength: 6000 })
    .filter((comment) => comment.trim().length > 4000)
    .map((comment) => ({ ...valid, comment })),
  fc
    .string({ minLength: 2001, maxLength: 3000 })
    .filter((justification) => justification.trim().length > 2000)
    .map((justification) => ({ ...valid, kind: "not_applicable", justification })),
  fc
    .string({ minLength: 1, maxLength: 20 })
    .filter((k) => !["requirementCode", "kind", "value", "justification", "comment", "expectedVersion"].includes(k))
    .map((k) => ({ ...valid, [k]: 1 })),
  fc.constant({ ...valid, kind: "not_applicable" }), // N/A without justification
  fc.tuple(fc.string(), fc.string()).map(([a, b]) => ({ ...valid, comment: `${a}\u0000${b}` })), // PostgreSQL refuses U+0000
);

describe("[ASSESSMENTS] fuzzing the answer save", () => {
  it("answers 1,000 malformed payloads with a 4xx and writes nothing", async () => {
    const answersBefore = await t.db.answer.findMany({ orderBy: { id: "asc" } });
    const auditBefore = await t.db.auditEvent.count();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        malformed,
        fc.constantFrom(w.director, w.rssi, w.otherDirector, w.delegate),
        async (body, actor) => {
          const { status } = await executeCommand(
            ZSaveAnswer,
            ({ actor: a, input, requestId }) => saveAnswer(t.db, a, assessmentId, input, requestId),
            {
              actor,
              body,
              params: { assessmentId },
              requestId: "fuzz",
            },
          );
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          return status >= 400 && status < 500;
        },
      ),
      { numRuns: 1000 },
    );
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(1000);
    expect([...statuses.keys()].every((s) => s >= 400 && s < 500)).toBe(true);
    expect(await t.db.answer.findMany({ orderBy: { id: "asc" } })).toEqual(answersBefore);
    expect(await t.db.auditEvent.count()).toBe(auditBefore);
  });
});
