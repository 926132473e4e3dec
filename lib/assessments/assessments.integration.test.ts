import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { codeOf, createCampaign, demoWorld, insertVersion, loadShipped } from "@/test/fixtures/assessment";
import { createTestDb, type TestDb } from "@/test/db";
import { assignSection, reopenAssessment, startAssessment, submitAssessment } from "./commands";
import type { TSaveAnswer } from "./answer-schemas";
import { writeAnswerIfAllowed } from "./answer-write";
import { saveAnswer } from "./save-answer";

let t: TestDb;
let w: Awaited<ReturnType<typeof demoWorld>>;
let assessmentId: string;
let codes: { code: string; domain: string; type: string; naAllowed: boolean }[];
const rid = "test-request";

const yes = (code: string, expectedVersion = 0): TSaveAnswer => ({
  requirementCode: code,
  kind: "value",
  value: "yes",
  expectedVersion,
});

beforeAll(async () => {
  t = await createTestDb();
  w = await demoWorld(t.db);
  const referential = await loadShipped("hopen-socle", "2019.2");
  codes = referential.requirements.map((r) => ({
    code: r.code,
    domain: r.domain,
    type: r.answer.type,
    naAllowed: r.naAllowed,
  }));
  const version = await insertVersion(t.db, referential);
  const campaign = await createCampaign(t.db, version.id, [w.ghbs, w.quimper]);
  assessmentId = (
    await startAssessment(
      { db: t.db, actor: w.director, requestId: rid },
      { campaignId: campaign.id, establishmentId: w.ghbs, carryForward: true },
    )
  ).id;
});
afterAll(() => t.close());

describe("[ASSESSMENTS] answers", () => {
  it("saves an answer, versions it and audits before/after in the same transaction", async () => {
    const saved = await saveAnswer(t.db, w.director, assessmentId, yes("P1.1"), rid);
    expect(saved).toMatchObject({
      requirementCode: "P1.1",
      kind: "value",
      value: "yes",
      version: 1,
      answeredBy: "Claire Exemple",
    });
    const again = await saveAnswer(t.db, w.director, assessmentId, { ...yes("P1.1", 1), value: "no" }, rid);
    expect(again.version).toBe(2);
    const audit = await t.db.auditEvent.findMany({
      where: { action: "answer.save", entity: "Answer" },
      orderBy: { id: "asc" },
    });
    expect(audit).toHaveLength(2);
    expect(audit[1]!.before).toMatchObject({ value: "yes", version: 1 });
    expect(audit[1]!.after).toMatchObject({ value: "no", version: 2 });
    expect(audit[1]!.actorId).toBe(w.director.id);
  });

  it("writes the usual save in one checked statement, and writes nothing for anyone the rules refuse", async () => {
    const write = (userId: string, code: string, domainCode: string, expectedVersion = 0) =>
      writeAnswerIfAllowed(t.db, {
        sessionVersion: null,
        assessmentId,
        requirementCode: code,
        domainCode,
        kind: "value",
        value: "yes",
        justification: null,
        comment: null,
        userId,
        requestId: rid,
        expectedVersion,
      });
    const p2 = codes.filter((c) => c.domain === "P2" && c.type === "yes_no").at(-1)!.code; // not the one the contributor test uses
    for (const actor of [w.otherDirector, w.delegate, w.admin, w.rssi])
      expect(await write(actor.id, p2, "P2")).toBeNull();
    const first = await write(w.director.id, p2, "P2");
    expect(first).toMatchObject({ requirementCode: p2, version: 1, answeredBy: "Claire Exemple" });
    expect(await write(w.director.id, p2, "P2", 0)).toBeNull(); // stale: it exists now
    expect(await write(w.director.id, p2, "P2", 1)).toMatchObject({ version: 2 });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: first!.id }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({
      actorId: w.director.id,
      establishmentId: w.ghbs,
      before: { value: "yes", version: 1 },
      after: { value: "yes", version: 2 },
    });
    expect(await t.db.auditEvent.count({ where: { entityId: first!.id } })).toBe(2);
  });

  it("a revoked session saves nothing, in the one-statement path and in the explained one", async () => {
    const code = codes.filter((c) => c.domain === "P3" && c.type === "yes_no").at(-1)!.code;
    const { sessionVersion } = await t.db.user.findUniqueOrThrow({ where: { id: w.director.id } });
    const stale = { id: w.director.id, sessionVersion: sessionVersion - 1 };
    const direct = await writeAnswerIfAllowed(t.db, {
      assessmentId,
      requirementCode: code,
      domainCode: "P3",
      kind: "value",
      value: "yes",
      justification: null,
      comment: null,
      userId: w.director.id,
      sessionVersion: stale.sessionVersion,
      requestId: rid,
      expectedVersion: 0,
    });
    expect(direct).toBeNull();
    await expect(saveAnswer(t.db, stale, assessmentId, yes(code), rid)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await t.db.answer.count({ where: { assessmentId, requirementCode: code } })).toBe(0);
    const current = { id: w.director.id, sessionVersion };
    expect(await saveAnswer(t.db, current, assessmentId, yes(code), rid)).toMatchObject({ version: 1 });
  });

  it("clears the stored value when the answer becomes « je ne sais pas »", async () => {
    const first = await saveAnswer(t.db, w.director, assessmentId, yes("P4.1"), rid);
    const unknown = await saveAnswer(
      t.db,
      w.director,
      assessmentId,
      { requirementCode: "P4.1", kind: "unknown", expectedVersion: first.version },
      rid,
    );
    expect(unknown).toMatchObject({ kind: "unknown", value: null, version: 2 });
    expect((await t.db.answer.findFirstOrThrow({ where: { assessmentId, requirementCode: "P4.1" } })).value).toBeNull();
  });

  it("refuses a save against a stale version and returns the other person's answer", async () => {
    const error = await saveAnswer(t.db, w.director, assessmentId, yes("P1.1", 1), rid).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("STALE_VERSION");
    expect(error.details.current).toMatchObject({ value: "no", version: 2 });
    const row = await t.db.answer.findFirstOrThrow({ where: { assessmentId, requirementCode: "P1.1" } });
    expect(row.value).toBe("no");
  });

  it("lets exactly one of two concurrent first saves win", async () => {
    const results = await Promise.all([
      codeOf(saveAnswer(t.db, w.director, assessmentId, yes("P1.5"), rid)),
      codeOf(saveAnswer(t.db, w.director, assessmentId, { ...yes("P1.5"), value: "no" }, rid)),
    ]);
    expect(results.sort()).toEqual(["OK", "STALE_VERSION"]);
    expect(await t.db.answer.count({ where: { assessmentId, requirementCode: "P1.5" } })).toBe(1);
  });

  it("lets a contributor edit only the sections assigned to them", async () => {
    const p2 = codes.find((c) => c.domain === "P2")!.code;
    expect(await codeOf(saveAnswer(t.db, w.rssi, assessmentId, yes(p2), rid))).toBe("FORBIDDEN");
    await assignSection({ db: t.db, actor: w.director, requestId: rid }, assessmentId, {
      domainCode: "P2",
      userIds: [w.rssi.id],
    });
    expect(await codeOf(saveAnswer(t.db, w.rssi, assessmentId, yes(p2), rid))).toBe("OK");
    expect(await codeOf(saveAnswer(t.db, w.rssi, assessmentId, yes("P1.2"), rid))).toBe("FORBIDDEN");
  });

  it("hides the assessment from another establishment's director and from the delegate (404)", async () => {
    for (const actor of [w.otherDirector, w.delegate, w.admin]) {
      expect(await codeOf(saveAnswer(t.db, actor, assessmentId, yes("P1.2"), rid))).toBe("NOT_FOUND");
    }
  });

  it("re-reads the user on every save: a disabled account is signed out, a disabled establishment is a miss", async () => {
    await t.db.user.update({ where: { id: w.director.id }, data: { disabled: true } });
    expect(await codeOf(saveAnswer(t.db, w.director, assessmentId, yes("P3.1"), rid))).toBe("UNAUTHENTICATED");
    await t.db.user.update({ where: { id: w.director.id }, data: { disabled: false } });
    await t.db.establishment.update({ where: { id: w.ghbs }, data: { disabled: true } });
    expect(await codeOf(saveAnswer(t.db, w.director, assessmentId, yes("P3.1"), rid))).toBe("NOT_FOUND");
    await t.db.establishment.update({ where: { id: w.ghbs }, data: { disabled: false } });
    expect(await codeOf(saveAnswer(t.db, w.director, assessmentId, yes("P3.1"), rid))).toBe("OK");
  });

  it("refuses values that do not fit the requirement, and N/A without a justification", async () => {
    expect(await codeOf(saveAnswer(t.db, w.director, assessmentId, { ...yes("P1.2"), value: "peut-être" }, rid))).toBe(
      "BAD_INPUT",
    );
    expect(await codeOf(saveAnswer(t.db, w.director, assessmentId, yes("NOPE"), rid))).toBe("BAD_INPUT");
    const pct = codes.find((c) => c.type === "percentage")!.code;
    expect(await codeOf(saveAnswer(t.db, w.director, assessmentId, { ...yes(pct), value: 140 }, rid))).toBe(
      "BAD_INPUT",
    );
    const noNa = codes.find((c) => !c.naAllowed)!.code;
    expect(
      await codeOf(
        saveAnswer(
          t.db,
          w.director,
          assessmentId,
          { requirementCode: noNa, kind: "not_applicable", justification: "x", expectedVersion: 0 },
          rid,
        ),
      ),
    ).toBe("BAD_INPUT");
  });
});

describe("[ASSESSMENTS] submission and revisions", () => {
  it("refuses to submit while answers are missing, naming them", async () => {
    const error = await submitAssessment({ db: t.db, actor: w.director, requestId: rid }, assessmentId, {
      name: "Claire Exemple",
      title: "Directrice",
      date: "2026-11-25",
      accurate: true,
      expectedVersion: 1,
    }).catch((e) => e);
    expect(error.code).toBe("BAD_INPUT");
    expect(error.message).toMatch(/réponse\(s\) manquent/);
  });

  it("submits when complete, locks the answers, and reopens as a new revision", async () => {
    const existing = new Map(
      (await t.db.answer.findMany({ where: { assessmentId } })).map((a) => [a.requirementCode, a.version]),
    );
    for (const c of codes) {
      const value = c.type === "percentage" ? { percent: 95, numerator: 19, denominator: 20 } : "yes";
      await saveAnswer(
        t.db,
        w.director,
        assessmentId,
        { requirementCode: c.code, kind: "value", value, expectedVersion: existing.get(c.code) ?? 0 },
        rid,
      );
    }
    expect(
      await codeOf(
        submitAssessment({ db: t.db, actor: w.rssi, requestId: rid }, assessmentId, {
          name: "x",
          title: "y",
          date: "2026-11-25",
          accurate: true,
          expectedVersion: 1,
        }),
      ),
    ).toBe("NOT_FOUND");
    const submitted = await submitAssessment({ db: t.db, actor: w.director, requestId: rid }, assessmentId, {
      name: "Claire Exemple",
      title: "Directrice",
      date: "2026-11-25",
      accurate: true,
      expectedVersion: 1,
    });
    expect(submitted.status).toBe("submitted");
    expect(await codeOf(saveAnswer(t.db, w.director, assessmentId, yes("P1.1", 99), rid))).toBe("LOCKED");

    const before = await t.db.answer.findMany({ where: { assessmentId }, orderBy: { requirementCode: "asc" } });
    const proof = await t.db.evidence.create({
      data: {
        establishmentId: w.ghbs,
        fileName: "pra.pdf",
        mimeType: "application/pdf",
        size: 10,
        sha256: "ab".repeat(32),
        storageKey: `reopen-${assessmentId}`,
        uploadedById: w.director.id,
      },
    });
    await t.db.evidenceLink.createMany({
      data: [
        { evidenceId: proof.id, assessmentId, requirementCode: "P2.1", linkedById: w.director.id },
        {
          evidenceId: proof.id,
          assessmentId,
          requirementCode: "P2.2",
          linkedById: w.director.id,
          removedAt: new Date(),
          removedById: w.director.id,
        },
      ],
    });
    await t.db.action.create({
      data: {
        assessmentId,
        requirementCode: "P2.1",
        title: "Tester le PRA",
        status: "in_progress",
        createdById: w.director.id,
      },
    });
    const next = await reopenAssessment({ db: t.db, actor: w.director, requestId: rid }, assessmentId);
    expect(next.revision).toBe(2);
    const old = await t.db.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
    expect(old.status).toBe("superseded");
    expect(await t.db.answer.findMany({ where: { assessmentId }, orderBy: { requirementCode: "asc" } })).toEqual(
      before,
    );
    expect(await t.db.answer.count({ where: { assessmentId: next.id } })).toBe(before.length);
    // The proofs still linked and the action plan go on in the new revision; both revisions keep theirs.
    const carriedLinks = await t.db.evidenceLink.findMany({ where: { assessmentId: next.id } });
    expect(carriedLinks.map((l) => [l.evidenceId, l.requirementCode, l.removedAt])).toEqual([[proof.id, "P2.1", null]]);
    expect(await t.db.evidenceLink.count({ where: { assessmentId } })).toBe(2);
    const carriedActions = await t.db.action.findMany({ where: { assessmentId: next.id } });
    expect(carriedActions.map((a) => [a.title, a.status, a.requirementCode])).toEqual([
      ["Tester le PRA", "in_progress", "P2.1"],
    ]);
    expect(await t.db.action.count({ where: { assessmentId } })).toBe(1);
    expect(await codeOf(saveAnswer(t.db, w.director, next.id, { ...yes("P1.1", 1), value: "no" }, rid))).toBe("OK");
  });

  it("carries the last submitted answers into the next campaign, flagged to confirm", async () => {
    const version = await t.db.referentialVersion.findFirstOrThrow({ where: { referentialId: "hopen-socle" } });
    const campaign = await createCampaign(t.db, version.id, [w.ghbs], 2027);
    const started = await startAssessment(
      { db: t.db, actor: w.director, requestId: rid },
      { campaignId: campaign.id, establishmentId: w.ghbs, carryForward: true },
    );
    expect(started.carried).toBe(codes.length);
    const carried = await t.db.answer.findMany({ where: { assessmentId: started.id } });
    expect(carried.every((a) => a.needsConfirmation && a.carriedFrom?.startsWith("hopen-socle@2019.2:"))).toBe(true);
  });

  it("carries from the last submitted assessment of the same programme, not a later one of another", async () => {
    // A CaRE D2 assessment submitted after the HOP'EN one: the next HOP'EN campaign still carries HOP'EN's.
    const care = await createCampaign(t.db, (await insertVersion(t.db, await loadShipped("care-d2", "2025.1"))).id, [
      w.ghbs,
    ]);
    const careAssessment = await startAssessment(
      { db: t.db, actor: w.director, requestId: rid },
      { campaignId: care.id, establishmentId: w.ghbs, carryForward: true },
    );
    expect(careAssessment.carried).toBe(0); // nothing carried across programmes
    await t.db.answer.create({
      data: {
        assessmentId: careAssessment.id,
        requirementCode: "D2.P1",
        kind: "value",
        value: "no",
        answeredById: w.director.id,
      },
    });
    await t.db.assessment.update({
      where: { id: careAssessment.id },
      data: { status: "submitted", submittedAt: new Date(Date.now() + 86_400_000) },
    });
    const version = await t.db.referentialVersion.findFirstOrThrow({ where: { referentialId: "hopen-socle" } });
    const next = await createCampaign(t.db, version.id, [w.ghbs], 2028);
    const started = await startAssessment(
      { db: t.db, actor: w.director, requestId: rid },
      { campaignId: next.id, establishmentId: w.ghbs, carryForward: true },
    );
    expect(started.carried).toBe(codes.length);
    const carried = await t.db.answer.findMany({ where: { assessmentId: started.id } });
    expect(carried.every((a) => a.carriedFrom?.startsWith("hopen-socle@2019.2:"))).toBe(true);
    expect(carried.find((a) => a.requirementCode === "P2.3")?.carriedFrom).toBe("hopen-socle@2019.2:P2.3");
  });
});
