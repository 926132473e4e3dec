import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/core/command";
import { type ErrorCode, isAppError } from "@/lib/core/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { createCampaign, demoWorld, insertVersion, loadShipped } from "@/test/fixtures/assessment";
import { createAction, deleteAction, updateAction } from "./commands";
import { getActionPlan } from "./queries";
import { ZActionInput } from "./schemas";

// The action plan commands on a real database with the demo world: who may create, edit and
// delete, optimistic concurrency, and the tenant boundary.

let t: TestDb;
let w: Awaited<ReturnType<typeof demoWorld>>;
let pdlDelegate: Actor;
let ghbsAssessment: string;
let quimperAssessment: string;

async function rejects(run: Promise<unknown>, code: ErrorCode) {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error) ? error.code : error).toBe(code);
  return error as { message: string; fieldErrors?: Record<string, string[]>; details?: unknown };
}
const audits = (action: string) => t.db.auditEvent.count({ where: { action } });

beforeAll(async () => {
  t = await createTestDb();
  w = await demoWorld(t.db);
  pdlDelegate = (await loadActor(
    t.db,
    (await t.db.user.findUniqueOrThrow({ where: { email: "delegue.pdl@demo.socle.fr" } })).id,
  ))!;
  const version = await insertVersion(t.db, await loadShipped("hopen-socle", "2019.2"));
  const campaign = await createCampaign(t.db, version.id, [w.ghbs, w.quimper]);
  ghbsAssessment = (await t.db.assessment.create({ data: { establishmentId: w.ghbs, campaignId: campaign.id } })).id;
  quimperAssessment = (await t.db.assessment.create({ data: { establishmentId: w.quimper, campaignId: campaign.id } }))
    .id;
});
afterAll(() => t.close());

const fromGap = {
  title: "Tester le plan de reprise d'activité",
  requirementCode: "P2.1",
  notes: "Organiser un exercice de restauration.",
  status: "todo" as const,
};

describe("[ACTION-PLAN] creating actions", () => {
  it("lets the director create an action from a gap with an owner, audited", async () => {
    const action = await createAction(
      t.db,
      w.director,
      ghbsAssessment,
      { ...fromGap, ownerId: w.rssi.id, dueOn: "2026-03-31", estimatedCost: 15_000 },
      "r1",
    );
    expect(action).toMatchObject({
      requirementCode: "P2.1",
      ownerId: w.rssi.id,
      dueOn: "2026-03-31",
      estimatedCost: 15_000,
      status: "todo",
      version: 1,
    });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "action.create", entityId: action.id } });
    expect(audit).toMatchObject({ actorId: w.director.id, establishmentId: w.ghbs, requestId: "r1" });
  });

  it("refuses an owner who is not a member of the establishment, and an unknown requirement", async () => {
    const before = await t.db.action.count();
    const owner = await rejects(
      createAction(t.db, w.director, ghbsAssessment, { ...fromGap, ownerId: w.otherDirector.id }, "r"),
      "BAD_INPUT",
    );
    expect(owner.fieldErrors?.ownerId?.[0]).toMatch(/direction ou un contributeur/);
    await rejects(
      createAction(t.db, w.director, ghbsAssessment, { ...fromGap, ownerId: w.delegate.id }, "r"),
      "BAD_INPUT",
    );
    await rejects(
      createAction(t.db, w.director, ghbsAssessment, { ...fromGap, requirementCode: "Z9.9" }, "r"),
      "BAD_INPUT",
    );
    expect(await t.db.action.count()).toBe(before);
  });

  it("refuses contributors (403) and other tenants (404)", async () => {
    await rejects(createAction(t.db, w.rssi, ghbsAssessment, fromGap, "r"), "FORBIDDEN");
    await rejects(createAction(t.db, w.otherDirector, ghbsAssessment, fromGap, "r"), "NOT_FOUND");
    await rejects(createAction(t.db, pdlDelegate, ghbsAssessment, fromGap, "r"), "NOT_FOUND");
    await rejects(createAction(t.db, w.delegate, ghbsAssessment, fromGap, "r"), "NOT_FOUND"); // not shared
  });

  it("answers bad input with a 400 and a French message, writing nothing", async () => {
    const before = await t.db.action.count();
    const run = (body: unknown) =>
      executeCommand(
        ZActionInput,
        ({ actor, input, requestId }) => createAction(t.db, actor, ghbsAssessment, input, requestId),
        { actor: w.director, body, params: {}, requestId: "bad" },
      );
    for (const body of [
      { title: "ab" },
      { ...fromGap, estimatedCost: -1 },
      { ...fromGap, estimatedCost: 100_000_001 },
      { ...fromGap, dueOn: "31/03/2026" },
      { ...fromGap, extra: 1 },
      { ...fromGap, notes: "x".repeat(4001) },
    ]) {
      const { status, body: answer } = await run(body);
      expect(status).toBe(400);
      expect((answer as { error: { message: string } }).error.message).toMatch(/invalides|Champ non prévu/);
    }
    const { body: short } = await run({ title: "ab" });
    expect(JSON.stringify(short)).toContain("L'intitulé compte au moins 3 caractères.");
    expect(await t.db.action.count()).toBe(before);
  });
});

describe("[ACTION-PLAN] updating and deleting", () => {
  it("lets a contributor change the status of their own action, but nothing else and no one else's", async () => {
    const mine = await createAction(
      t.db,
      w.director,
      ghbsAssessment,
      { ...fromGap, title: "Audit d'exposition", ownerId: w.rssi.id },
      "r",
    );
    const updated = await updateAction(
      t.db,
      w.rssi,
      ghbsAssessment,
      mine.id,
      { status: "in_progress", notes: "Prestataire choisi.", expectedVersion: 1 },
      "r2",
    );
    expect(updated).toMatchObject({ status: "in_progress", notes: "Prestataire choisi.", version: 2 });
    await rejects(
      updateAction(t.db, w.rssi, ghbsAssessment, mine.id, { title: "Autre intitulé", expectedVersion: 2 }, "r"),
      "FORBIDDEN",
    );
    await rejects(
      updateAction(t.db, w.dsi, ghbsAssessment, mine.id, { status: "done", expectedVersion: 2 }, "r"),
      "FORBIDDEN",
    );
    await rejects(deleteAction(t.db, w.rssi, ghbsAssessment, mine.id, {}, "r"), "FORBIDDEN");
    expect(await t.db.action.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({
      status: "in_progress",
      title: "Audit d'exposition",
      version: 2,
    });
  });

  it("answers a stale version with STALE_VERSION and the current row, changing nothing", async () => {
    const action = await createAction(t.db, w.director, ghbsAssessment, { ...fromGap, title: "Nommer un RSSI" }, "r");
    await updateAction(
      t.db,
      w.director,
      ghbsAssessment,
      action.id,
      { title: "Nommer un RSSI mutualisé", expectedVersion: 1 },
      "r",
    );
    const auditsBefore = await audits("action.update");
    const error = await rejects(
      updateAction(t.db, w.director, ghbsAssessment, action.id, { status: "done", expectedVersion: 1 }, "r"),
      "STALE_VERSION",
    );
    expect((error.details as { current: { title: string; version: number } }).current).toMatchObject({
      title: "Nommer un RSSI mutualisé",
      version: 2,
    });
    expect(await t.db.action.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({
      status: "todo",
      version: 2,
    });
    expect(await audits("action.update")).toBe(auditsBefore);
    await rejects(
      deleteAction(t.db, w.director, ghbsAssessment, action.id, { expectedVersion: 1 }, "r"),
      "STALE_VERSION",
    );
  });

  it("hides the action from other tenants (404), also under another assessment's id", async () => {
    const action = await createAction(
      t.db,
      w.director,
      ghbsAssessment,
      { ...fromGap, title: "Cartographier les flux" },
      "r",
    );
    await rejects(
      updateAction(t.db, w.otherDirector, ghbsAssessment, action.id, { status: "done", expectedVersion: 1 }, "r"),
      "NOT_FOUND",
    );
    await rejects(
      updateAction(t.db, w.otherDirector, quimperAssessment, action.id, { status: "done", expectedVersion: 1 }, "r"),
      "NOT_FOUND",
    );
    await rejects(deleteAction(t.db, pdlDelegate, ghbsAssessment, action.id, {}, "r"), "NOT_FOUND");
    await rejects(getActionPlan(t.db, w.otherDirector, ghbsAssessment), "NOT_FOUND");
    await rejects(getActionPlan(t.db, pdlDelegate, ghbsAssessment), "NOT_FOUND");
    await rejects(getActionPlan(t.db, w.delegate, ghbsAssessment), "NOT_FOUND");
    expect(await t.db.action.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({
      status: "todo",
      version: 1,
    });
  });

  it("keeps the plan editable after submission, and lets the director delete, audited", async () => {
    const action = await createAction(
      t.db,
      w.director,
      ghbsAssessment,
      { ...fromGap, title: "Former les équipes" },
      "r",
    );
    await t.db.assessment.update({
      where: { id: ghbsAssessment },
      data: { status: "submitted", submittedAt: new Date() },
    });
    expect(
      await updateAction(t.db, w.director, ghbsAssessment, action.id, { status: "done", expectedVersion: 1 }, "r"),
    ).toMatchObject({ status: "done" });
    expect(await deleteAction(t.db, w.director, ghbsAssessment, action.id, { expectedVersion: 2 }, "r3")).toEqual({
      id: action.id,
      deleted: true,
    });
    expect(await t.db.action.count({ where: { id: action.id } })).toBe(0);
    expect(
      await t.db.auditEvent.count({ where: { action: "action.delete", entityId: action.id, requestId: "r3" } }),
    ).toBe(1);
    await t.db.assessment.update({ where: { id: ghbsAssessment }, data: { status: "draft", submittedAt: null } });
  });
});

describe("[ACTION-PLAN] reading the plan", () => {
  it("lists actions with owner names, overdue flags and totals; the delegate only once shared", async () => {
    const plan = await getActionPlan(t.db, w.director, ghbsAssessment, w.ghbs, new Date("2026-11-25T10:00:00Z"));
    const first = plan.actions.find((a) => a.dueOn === "2026-03-31")!;
    expect(first).toMatchObject({
      ownerName: "Yann Essai",
      overdue: true,
      requirementLabel: expect.any(String),
      canEditStatus: true,
    });
    expect(plan.totals.overdue).toBe(1);
    expect(plan.totals.estimatedCost).toBe(15_000);
    expect(plan.owners.map((o) => o.manages)).toContain(true);
    const asRssi = await getActionPlan(t.db, w.rssi, ghbsAssessment);
    expect(asRssi.actions.filter((a) => a.canEditStatus).every((a) => a.ownerId === w.rssi.id)).toBe(true);
    await t.db.assessment.update({ where: { id: ghbsAssessment }, data: { sharing: "detail" } });
    // Detail shared, but a draft never leaves the establishment; once submitted the delegate reads it.
    await rejects(getActionPlan(t.db, w.delegate, ghbsAssessment), "NOT_FOUND");
    await t.db.assessment.update({ where: { id: ghbsAssessment }, data: { status: "submitted" } });
    const asDelegate = await getActionPlan(t.db, w.delegate, ghbsAssessment);
    expect(asDelegate.actions.length).toBe(plan.actions.length);
    expect(asDelegate.actions.some((a) => a.canEditStatus)).toBe(false);
    await rejects(
      updateAction(t.db, w.delegate, ghbsAssessment, first.id, { status: "done", expectedVersion: first.version }, "r"),
      "FORBIDDEN",
    );
  });
});
