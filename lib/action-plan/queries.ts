import "server-only";
import { getAssessmentOrThrow, type LoadedAssessment } from "@/lib/assessments/access";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import { canEditStatus, listOwnerOptions } from "./access";
import { calendarDay, isOverdue } from "./overdue";
import type { ActionStatus } from "./schemas";
import { type ActionOwnerOption, type ActionRow, toActionView } from "./views";

// Reading an action plan. Scoped by "assessment.read" through the assessment: the establishment's
// people always, the regional delegate and the GHT coordinator only when the director shared it.

export type ActionPlanTotals = {
  count: number;
  overdue: number;
  /** Estimated cost of the actions not abandoned, in euros. */
  estimatedCost: number;
  /** Estimated cost of the actions still to do or in progress. */
  remainingCost: number;
  byStatus: Record<ActionStatus, number>;
};

export type ActionPlan = {
  assessment: LoadedAssessment;
  actions: ActionRow[];
  totals: ActionPlanTotals;
  owners: ActionOwnerOption[];
  isDirector: boolean;
  today: string;
};

/** The plan of one assessment, with owner names and the overdue flag computed for `now`. */
export async function getActionPlan(
  db: Db,
  actor: Actor,
  assessmentId: string,
  establishmentId?: string,
  now: Date = new Date(),
): Promise<ActionPlan> {
  const assessment = await getAssessmentOrThrow(db, actor, assessmentId, "assessment.read", establishmentId);
  const rows = await db.action.findMany({
    where: { assessmentId: assessment.id },
    orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
  });
  const ownerIds = [...new Set(rows.map((r) => r.ownerId).filter((id): id is string => Boolean(id)))];
  const [users, owners] = await Promise.all([
    ownerIds.length
      ? db.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true } })
      : Promise.resolve([]),
    listOwnerOptions(db, assessment.establishmentId),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const requirements = new Map(assessment.referential.requirements.map((r) => [r.code, r]));
  const today = calendarDay(now);
  const actions: ActionRow[] = rows.map((row) => ({
    ...toActionView(row),
    ownerName: row.ownerId ? (names.get(row.ownerId) ?? "Compte supprimé") : null,
    requirementLabel: (row.requirementCode && requirements.get(row.requirementCode)?.label) || null,
    requirementDomain: (row.requirementCode && requirements.get(row.requirementCode)?.domain) || null,
    overdue: isOverdue(row, today),
    canEditStatus: canEditStatus(actor, assessment.establishmentId, row),
  }));
  return {
    assessment,
    actions,
    totals: planTotals(actions),
    owners,
    isDirector: can(actor, "assessment.manage", { establishmentId: assessment.establishmentId }),
    today,
  };
}

export function planTotals(
  actions: readonly Pick<ActionRow, "status" | "estimatedCost" | "overdue">[],
): ActionPlanTotals {
  const byStatus: Record<ActionStatus, number> = { todo: 0, in_progress: 0, done: 0, abandoned: 0 };
  let estimatedCost = 0;
  let remainingCost = 0;
  for (const a of actions) {
    byStatus[a.status] += 1;
    if (a.status !== "abandoned") estimatedCost += a.estimatedCost ?? 0;
    if (a.status === "todo" || a.status === "in_progress") remainingCost += a.estimatedCost ?? 0;
  }
  return {
    count: actions.length,
    overdue: actions.filter((a) => a.overdue).length,
    estimatedCost,
    remainingCost,
    byStatus,
  };
}

/**
 * What the results page needs beside each gap, after its own scoped load: whether the actor may
 * create actions, the possible owners, and how many actions already target each requirement.
 */
export async function getActionPlanContext(
  db: Db,
  actor: Actor,
  assessment: Pick<LoadedAssessment, "id" | "establishmentId">,
) {
  const canCreate = can(actor, "assessment.manage", { establishmentId: assessment.establishmentId });
  const [owners, linked] = await Promise.all([
    canCreate ? listOwnerOptions(db, assessment.establishmentId) : Promise.resolve([]),
    db.action.groupBy({
      by: ["requirementCode"],
      where: { assessmentId: assessment.id, requirementCode: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const actionsByRequirement: Record<string, number> = {};
  for (const l of linked) if (l.requirementCode) actionsByRequirement[l.requirementCode] = l._count._all;
  return { canCreate, owners, actionsByRequirement };
}
