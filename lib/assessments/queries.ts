import "server-only";
import { campaignHeadSelect } from "@/lib/campaigns/queries";
import type { Actor } from "@/lib/auth/actor";
import { grantsWhere } from "@/lib/auth/permissions";
import { assessmentScope, can, establishmentScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import { editableSections, getAssessmentOrThrow } from "./access";
import { loadAnswers } from "./answers";
import { computeProgress } from "./progress";

/** Campaigns open to an establishment, with the actor-visible assessment of each (if started). */
export async function listEstablishmentCampaigns(db: Db, actor: Actor, establishmentId: string) {
  const rows = await db.campaignEstablishment.findMany({
    where: { establishmentId, establishment: establishmentScope(actor, "establishment.read") },
    select: {
      campaign: {
        select: {
          ...campaignHeadSelect,
          referentialVersion: { select: { version: true, title: true } },
          assessments: {
            where: { AND: [{ establishmentId }, assessmentScope(actor, "assessment.read")] },
            select: {
              id: true,
              status: true,
              revision: true,
              submittedAt: true,
              updatedAt: true,
              _count: { select: { answers: true } },
            },
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

/** Everything the questionnaire pages need, loaded through the scoped assessment. */
export async function getAssessmentView(db: Db, actor: Actor, establishmentId: string, assessmentId: string) {
  const assessment = await getAssessmentOrThrow(db, actor, assessmentId, "assessment.read", establishmentId);
  const [answers, editable, assignments, contributors, lastOwn] = await Promise.all([
    loadAnswers(db, assessmentId),
    can(actor, "assessment.answer", { establishmentId: assessment.establishmentId })
      ? editableSections(db, actor, assessment)
      : Promise.resolve(new Set<string>()),
    db.sectionAssignment.findMany({ where: { assessmentId }, select: { domainCode: true, userId: true } }),
    db.membership.findMany({
      where: {
        establishmentId: assessment.establishmentId,
        ...grantsWhere("section.assignee"),
        user: { disabled: false },
      },
      select: { function: true, user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    db.answer.findFirst({
      where: { assessmentId, answeredById: actor.id },
      orderBy: { updatedAt: "desc" },
      select: { requirementCode: true },
    }),
  ]);
  const progress = computeProgress(assessment.referential, answers, assessment.options);
  const names = new Map(contributors.map((c) => [c.user.id, c.user.name]));
  const assignedTo = new Map<string, { id: string; name: string }[]>();
  for (const a of assignments) {
    const list = assignedTo.get(a.domainCode) ?? [];
    list.push({ id: a.userId, name: names.get(a.userId) ?? "Ancien contributeur" });
    assignedTo.set(a.domainCode, list);
  }
  const resume = lastOwn
    ? assessment.referential.requirements.find((r) => r.code === lastOwn.requirementCode)
    : undefined;
  return {
    assessment,
    answers,
    progress,
    editable,
    assignedTo,
    contributors: contributors.map((c) => ({ id: c.user.id, name: c.user.name, function: c.function })),
    isDirector: can(actor, "assessment.manage", { establishmentId: assessment.establishmentId }),
    resume: resume ? { domainCode: resume.domain, code: resume.code } : null,
  };
}
