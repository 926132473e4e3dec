import "server-only";
import { getAssessmentOrThrow } from "@/lib/assessments/access";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/core/db";
import { AppError, notFound } from "@/lib/core/errors";
import { assertCanUpdate, assertDirector, assertOwnerIsMember, assertRequirement } from "./access";
import type { ActionInput, ActionUpdate } from "./schemas";
import { type ActionView, dayToDate, toActionView } from "./views";

// Action plan commands. Each runs in one transaction with its audit row. The plan is living: it
// stays editable after the assessment is submitted, and its actions belong to that assessment.
// A stale `expectedVersion` is STALE_VERSION (409) carrying the current row.

const staleVersion = (current: ActionView | null) =>
  new AppError(
    "STALE_VERSION",
    "Cette action a été modifiée entre-temps : vérifiez la version actuelle avant de recommencer.",
    {
      details: { current },
    },
  );

/** The director adds an action, from a gap (requirementCode) or free. */
export async function createAction(
  db: Db,
  actor: Actor,
  assessmentId: string,
  input: ActionInput,
  requestId: string,
): Promise<ActionView> {
  return db.$transaction(async (tx) => {
    const assessment = await getAssessmentOrThrow(tx, actor, assessmentId, "assessment.read");
    assertDirector(actor, assessment.establishmentId);
    if (input.requirementCode) assertRequirement(assessment, input.requirementCode);
    if (input.ownerId) await assertOwnerIsMember(tx, assessment.establishmentId, input.ownerId);
    const row = await tx.action.create({
      data: {
        assessmentId,
        title: input.title,
        requirementCode: input.requirementCode ?? null,
        ownerId: input.ownerId ?? null,
        dueOn: dayToDate(input.dueOn ?? null),
        status: input.status,
        estimatedCost: input.estimatedCost ?? null,
        notes: input.notes || null,
        createdById: actor.id,
      },
    });
    const after = toActionView(row);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "action.create",
      entity: "Action",
      entityId: row.id,
      establishmentId: assessment.establishmentId,
      after,
      requestId,
    });
    return after;
  });
}

/** The director edits anything; a contributor only the status and notes of an action they own. */
export async function updateAction(
  db: Db,
  actor: Actor,
  assessmentId: string,
  actionId: string,
  input: ActionUpdate,
  requestId: string,
): Promise<ActionView> {
  try {
    return await db.$transaction(async (tx) => {
      const assessment = await getAssessmentOrThrow(tx, actor, assessmentId, "assessment.read");
      const before = await tx.action.findFirst({ where: { id: actionId, assessmentId } });
      if (!before) throw notFound("Cette action");
      const { expectedVersion, ...changes } = input;
      assertCanUpdate(actor, assessment.establishmentId, before, Object.keys(changes));
      if (before.version !== expectedVersion) throw staleVersion(toActionView(before));
      if (changes.requirementCode) assertRequirement(assessment, changes.requirementCode);
      if (changes.ownerId) await assertOwnerIsMember(tx, assessment.establishmentId, changes.ownerId);
      const row = await tx.action.update({
        where: { id: before.id, version: expectedVersion },
        data: {
          ...changes,
          notes: changes.notes === undefined ? undefined : changes.notes || null,
          dueOn: dayToDate(changes.dueOn),
          version: { increment: 1 },
        },
      });
      const after = toActionView(row);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "action.update",
        entity: "Action",
        entityId: row.id,
        establishmentId: assessment.establishmentId,
        before: toActionView(before),
        after,
        requestId,
      });
      return after;
    });
  } catch (error) {
    // Two edits raced past the version check: the loser's update matched no row.
    if ((error as { code?: string }).code !== "P2025") throw error;
    const current = await db.action.findFirst({ where: { id: actionId, assessmentId } });
    throw current ? staleVersion(toActionView(current)) : notFound("Cette action");
  }
}

/** The director removes an action; with `expectedVersion`, only if nobody changed it meanwhile. */
export async function deleteAction(
  db: Db,
  actor: Actor,
  assessmentId: string,
  actionId: string,
  input: { expectedVersion?: number },
  requestId: string,
) {
  return db.$transaction(async (tx) => {
    const assessment = await getAssessmentOrThrow(tx, actor, assessmentId, "assessment.read");
    const before = await tx.action.findFirst({ where: { id: actionId, assessmentId } });
    if (!before) throw notFound("Cette action");
    assertDirector(actor, assessment.establishmentId);
    if (input.expectedVersion !== undefined && before.version !== input.expectedVersion)
      throw staleVersion(toActionView(before));
    await tx.action.delete({ where: { id: before.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "action.delete",
      entity: "Action",
      entityId: before.id,
      establishmentId: assessment.establishmentId,
      before: toActionView(before),
      requestId,
    });
    return { id: before.id, deleted: true };
  });
}
