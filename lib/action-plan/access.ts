import "server-only";
import type { LoadedAssessment } from "@/lib/assessments/access";
import type { Actor } from "@/lib/auth/actor";
import { grantsWhere, membershipGrants } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/scope";
import type { Db, Tx } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { OWNER_EDITABLE } from "./schemas";

// Who may do what on an action plan. The assessment is always loaded first through
// getAssessmentOrThrow ("assessment.read"), so an actor outside its scope gets NOT_FOUND before
// any of this runs; these rules only decide between what a visible reader may and may not change.

export const NOT_DIRECTOR_MESSAGE =
  "Seule la direction de l'établissement crée, modifie ou supprime les actions du plan.";
export const NOT_OWNER_MESSAGE =
  "Cette action ne vous est pas confiée : seule la direction ou la personne responsable peut la modifier.";
export const OWNER_FIELDS_MESSAGE =
  "Vous pouvez changer le statut et les notes des actions qui vous sont confiées ; le reste relève de la direction.";

/** The director may change everything; a contributor only the status and notes of their own actions. */
export function canEditStatus(actor: Actor, establishmentId: string, action: { ownerId: string | null }): boolean {
  if (can(actor, "assessment.manage", { establishmentId })) return true;
  return action.ownerId === actor.id && can(actor, "action.own", { establishmentId });
}

/** Throws FORBIDDEN unless the actor may apply these changed fields to this action. */
export function assertCanUpdate(
  actor: Actor,
  establishmentId: string,
  action: { ownerId: string | null },
  fields: string[],
): void {
  if (can(actor, "assessment.manage", { establishmentId })) return;
  if (!canEditStatus(actor, establishmentId, action)) throw new AppError("FORBIDDEN", NOT_OWNER_MESSAGE);
  if (fields.some((f) => !(OWNER_EDITABLE as readonly string[]).includes(f)))
    throw new AppError("FORBIDDEN", OWNER_FIELDS_MESSAGE);
}

export function assertDirector(actor: Actor, establishmentId: string): void {
  if (!can(actor, "assessment.manage", { establishmentId })) throw new AppError("FORBIDDEN", NOT_DIRECTOR_MESSAGE);
}

/** The owner must be the director or a contributor of the establishment, with an enabled account. */
export async function assertOwnerIsMember(db: Db | Tx, establishmentId: string, ownerId: string): Promise<void> {
  const member = await db.membership.count({
    where: { userId: ownerId, establishmentId, ...grantsWhere("action.own"), user: { disabled: false } },
  });
  if (!member) {
    const message = "Le responsable doit être la direction ou un contributeur de l'établissement.";
    throw new AppError("BAD_INPUT", message, { fieldErrors: { ownerId: [message] } });
  }
}

/** A linked requirement must exist in the referential version the assessment was made on. */
export function assertRequirement(assessment: LoadedAssessment, code: string): void {
  if (!assessment.referential.requirements.some((r) => r.code === code)) {
    const message = `L'exigence ${code.slice(0, 64)} n'existe pas dans ce référentiel.`;
    throw new AppError("BAD_INPUT", message, { fieldErrors: { requirementCode: [message] } });
  }
}

/** The establishment's possible owners, for the form's select. */
export async function listOwnerOptions(db: Db | Tx, establishmentId: string) {
  const rows = await db.membership.findMany({
    where: { establishmentId, ...grantsWhere("action.own"), user: { disabled: false } },
    select: { role: true, function: true, user: { select: { id: true, name: true } } },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
  });
  const seen = new Set<string>();
  return rows
    .filter((r) => !seen.has(r.user.id) && seen.add(r.user.id))
    .map((r) => ({
      id: r.user.id,
      name: r.user.name,
      manages: membershipGrants(r, "assessment.manage"),
      function: r.function,
    }));
}
