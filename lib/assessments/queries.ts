import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assessmentScope, establishmentScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";

/** Campaigns open to an establishment, with the actor-visible assessment of each (if started). */
export async function listEstablishmentCampaigns(db: Db, actor: Actor, establishmentId: string) {
  const rows = await db.campaignEstablishment.findMany({
    where: { establishmentId, establishment: establishmentScope(actor, "establishment.read") },
    select: {
      campaign: {
        select: {
          id: true,
          name: true,
          year: true,
          opensOn: true,
          closesOn: true,
          referentialVersion: { select: { version: true, title: true } },
          assessments: {
            where: { AND: [{ establishmentId }, assessmentScope(actor, "assessment.read")] },
            select: { id: true, status: true, revision: true, submittedAt: true, updatedAt: true, _count: { select: { answers: true } } },
            orderBy: { revision: "desc" },
            take: 1,
          },
        },
      },
    },
    orderBy: { campaign: { year: "desc" } },
  });
  return rows.map((row) => ({ ...row.campaign, assessment: row.campaign.assessments[0] ?? null }));
}

/** Sections assigned to this user, across the assessments they may answer. */
export async function listMyAssignments(db: Db, actor: Actor) {
  return db.sectionAssignment.findMany({
    where: { userId: actor.id, assessment: assessmentScope(actor, "assessment.answer") },
    select: {
      domainCode: true,
      assessment: {
        select: {
          id: true,
          status: true,
          establishment: { select: { id: true, name: true } },
          campaign: { select: { name: true, year: true } },
        },
      },
    },
    orderBy: { assignedAt: "desc" },
  });
}
