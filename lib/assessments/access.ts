import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { assessmentScope, can } from "@/lib/auth/scope";
import type { Db, Tx } from "@/lib/core/db";
import { AppError, notFound } from "@/lib/core/errors";
import { getVersionContent } from "@/lib/referentials/queries";

/** What a revision's state is made of: the page header and the scoring of every revision read it. */
export const assessmentStateSelect = {
  revision: true,
  status: true,
  options: true,
  siteCoverage: true,
  sharing: true,
  submittedAt: true,
} as const;

const assessmentSelect = {
  id: true,
  establishmentId: true,
  campaignId: true,
  ...assessmentStateSelect,
  attestation: true,
  version: true,
  previousRevisionId: true,
  carriedFromId: true,
  establishment: { select: { id: true, name: true, finess: true, regionId: true, ghtId: true } },
  campaign: {
    select: {
      id: true,
      name: true,
      year: true,
      closesOn: true,
      referentialVersion: { select: { id: true, referentialId: true, version: true, title: true } },
    },
  },
} as const;

/**
 * An assessment reachable by the actor for `permission`, else NOT_FOUND. When the URL also names
 * the establishment, both must match (an id from one tenant under another's path is a miss).
 */
export async function getAssessmentOrThrow(
  db: Db | Tx,
  actor: Actor,
  assessmentId: string,
  permission: Permission = "assessment.read",
  establishmentId?: string,
) {
  const assessment = await db.assessment.findFirst({
    where: {
      AND: [{ id: assessmentId }, establishmentId ? { establishmentId } : {}, assessmentScope(actor, permission)],
    },
    select: assessmentSelect,
  });
  if (!assessment) throw notFound("Cette évaluation");
  const version = assessment.campaign.referentialVersion;
  return {
    ...assessment,
    options: (assessment.options ?? {}) as Record<string, unknown>,
    referentialVersion: version,
    // Versions are immutable: their content is parsed once per process, not on every save.
    referential: await getVersionContent(db, version.id),
  };
}

export type LoadedAssessment = Awaited<ReturnType<typeof getAssessmentOrThrow>>;

export function assertDraft(assessment: { status: string }): void {
  if (assessment.status !== "draft") {
    throw new AppError(
      "LOCKED",
      "Cette évaluation est soumise : elle est en lecture seule. La direction peut la rouvrir en nouvelle révision.",
    );
  }
}

/** Sections the actor may edit: all for the director, the assigned ones for a contributor. */
export async function editableSections(db: Db | Tx, actor: Actor, assessment: LoadedAssessment): Promise<Set<string>> {
  if (can(actor, "assessment.manage", { establishmentId: assessment.establishmentId }))
    return new Set(assessment.referential.domains.map((d) => d.code));
  const rows = await db.sectionAssignment.findMany({
    where: { assessmentId: assessment.id, userId: actor.id },
    select: { domainCode: true },
  });
  return new Set(rows.map((r) => r.domainCode));
}

export const sectionNotAssigned = () =>
  new AppError("FORBIDDEN", "Cette section ne vous est pas confiée : seule la direction peut vous l'attribuer.");

export async function assertCanEditSection(
  db: Db | Tx,
  actor: Actor,
  assessment: LoadedAssessment,
  domainCode: string,
): Promise<void> {
  const sections = await editableSections(db, actor, assessment);
  if (!sections.has(domainCode)) throw sectionNotAssigned();
}
