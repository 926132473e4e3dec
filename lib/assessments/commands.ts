import "server-only";
import type { RegionSharing } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { grantsWhere } from "@/lib/auth/permissions";
import { establishmentScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import { AppError, notFound } from "@/lib/core/errors";
import { freezeResult } from "@/lib/region/results";
import { assertDraft, getAssessmentOrThrow } from "./access";
import { loadAnswers } from "./answers";
import { carryForward, type SourceAnswer } from "./carry-forward";
import { computeProgress } from "./progress";
import { readSiteCoverage } from "@/lib/scoring/site-coverage";
import { ATTESTATION_STATEMENT, type TSubmitAssessment } from "./schemas";
import { referentialOf } from "@/lib/referentials/referential-of";

type Ctx = { db: Db; actor: Actor; requestId: string };

/** The director opens the establishment's assessment for a campaign, pre-filled from the last submitted one. */
export async function startAssessment(
  { db, actor, requestId }: Ctx,
  input: { campaignId: string; establishmentId: string; carryForward: boolean },
) {
  return db.$transaction(async (tx) => {
    const link = await tx.campaignEstablishment.findFirst({
      where: {
        campaignId: input.campaignId,
        establishmentId: input.establishmentId,
        establishment: establishmentScope(actor, "assessment.manage"),
      },
      select: { campaign: { select: { referentialVersion: { select: { referentialId: true, content: true } } } } },
    });
    if (!link) throw notFound("Cette campagne");
    const existing = await tx.assessment.findFirst({
      where: { campaignId: input.campaignId, establishmentId: input.establishmentId },
      orderBy: { revision: "desc" },
      select: { id: true },
    });
    if (existing) return { id: existing.id, carried: 0 };

    const target = referentialOf(link.campaign.referentialVersion);
    const source = input.carryForward
      ? await tx.assessment.findFirst({
          // The same programme only (same referential, any version): another programme's answers are
          // offered for review through the mappings (reuse.ts), never carried as if they were this one's.
          where: {
            establishmentId: input.establishmentId,
            submittedAt: { not: null },
            campaign: { referentialVersion: { referentialId: link.campaign.referentialVersion.referentialId } },
          },
          orderBy: { submittedAt: "desc" },
          select: {
            id: true,
            answers: true,
            campaign: { select: { referentialVersion: { select: { content: true } } } },
          },
        })
      : null;
    const carried = source
      ? carryForward(referentialOf(source.campaign.referentialVersion), source.answers as SourceAnswer[], target)
      : [];
    const assessment = await tx.assessment.create({
      data: {
        campaignId: input.campaignId,
        establishmentId: input.establishmentId,
        carriedFromId: source?.id ?? null,
        answers: {
          create: carried.map((a) => ({
            requirementCode: a.requirementCode,
            kind: a.kind,
            value: a.value === null ? undefined : (a.value as object),
            justification: a.justification,
            comment: a.comment,
            needsConfirmation: true,
            carriedFrom: a.carriedFrom,
            answeredById: actor.id,
          })),
        },
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "assessment.start",
      entity: "Assessment",
      entityId: assessment.id,
      establishmentId: input.establishmentId,
      after: { campaignId: input.campaignId, carriedFromId: source?.id ?? null, carried: carried.length },
      requestId,
    });
    return { id: assessment.id, carried: carried.length };
  });
}

/** Replaces who is assigned one section; only contributors of the establishment can be. */
export async function assignSection(
  { db, actor, requestId }: Ctx,
  assessmentId: string,
  input: { domainCode: string; userIds: string[] },
) {
  return db.$transaction(async (tx) => {
    const assessment = await getAssessmentOrThrow(tx, actor, assessmentId, "assessment.manage");
    assertDraft(assessment);
    if (!assessment.referential.domains.some((d) => d.code === input.domainCode)) {
      throw new AppError("BAD_INPUT", "Cette section n'existe pas dans le référentiel.");
    }
    const userIds = [...new Set(input.userIds)];
    const contributors = await tx.membership.count({
      where: {
        userId: { in: userIds },
        ...grantsWhere("section.assignee"),
        establishmentId: assessment.establishmentId,
        user: { disabled: false },
      },
    });
    if (contributors !== userIds.length)
      throw new AppError("BAD_INPUT", "Seuls les contributeurs de l'établissement peuvent recevoir une section.");
    const before = await tx.sectionAssignment.findMany({
      where: { assessmentId, domainCode: input.domainCode },
      select: { userId: true },
    });
    await tx.sectionAssignment.deleteMany({ where: { assessmentId, domainCode: input.domainCode } });
    await tx.sectionAssignment.createMany({
      data: userIds.map((userId) => ({ assessmentId, domainCode: input.domainCode, userId, assignedById: actor.id })),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "assessment.assign",
      entity: "Assessment",
      entityId: assessmentId,
      establishmentId: assessment.establishmentId,
      before: { domainCode: input.domainCode, userIds: before.map((b) => b.userId) },
      after: { domainCode: input.domainCode, userIds },
      requestId,
    });
    return { domainCode: input.domainCode, userIds };
  });
}

/** Attest and submit: the whole questionnaire is checked on the server, not only what the form sent. */
export async function submitAssessment({ db, actor, requestId }: Ctx, assessmentId: string, input: TSubmitAssessment) {
  return db.$transaction(async (tx) => {
    const assessment = await getAssessmentOrThrow(tx, actor, assessmentId, "assessment.manage");
    assertDraft(assessment);
    if (assessment.version !== input.expectedVersion) {
      throw new AppError(
        "STALE_VERSION",
        "L'évaluation a changé depuis l'ouverture de cette page : rechargez-la avant de soumettre.",
      );
    }
    const answers = await loadAnswers(tx, assessmentId);
    const progress = computeProgress(assessment.referential, answers, assessment.options);
    const missing = progress.sections.flatMap((s) => s.missing);
    if (missing.length > 0) {
      throw new AppError(
        "BAD_INPUT",
        `${missing.length} réponse(s) manquent ou restent à confirmer : ${missing.slice(0, 8).join(", ")}${missing.length > 8 ? "…" : ""}.`,
        {
          details: { missing },
        },
      );
    }
    const inventory = await tx.application.findMany({
      where: { establishmentId: assessment.establishmentId },
      orderBy: { name: "asc" },
    });
    const attestation = {
      name: input.name,
      title: input.title,
      date: input.date,
      statement: ATTESTATION_STATEMENT,
      userId: actor.id,
    };
    const updated = await tx.assessment.update({
      where: { id: assessmentId, version: input.expectedVersion },
      data: {
        status: "submitted",
        submittedAt: new Date(),
        submittedById: actor.id,
        attestation,
        inventorySnapshot: JSON.parse(JSON.stringify(inventory)),
        version: { increment: 1 },
      },
      select: { id: true, status: true, submittedAt: true, version: true },
    });
    // What comparisons aggregate: the scored outcome of this revision, frozen with the submission.
    await freezeResult(tx, assessmentId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "assessment.submit",
      entity: "Assessment",
      entityId: assessmentId,
      establishmentId: assessment.establishmentId,
      before: { status: "draft" },
      after: { status: "submitted", attestation },
      requestId,
    });
    return updated;
  });
}

/** Reopening keeps the submitted revision intact and continues on a new draft revision. */
export async function reopenAssessment({ db, actor, requestId }: Ctx, assessmentId: string) {
  return db.$transaction(async (tx) => {
    const assessment = await getAssessmentOrThrow(tx, actor, assessmentId, "assessment.manage");
    if (assessment.status !== "submitted")
      throw new AppError("LOCKED", "Seule une évaluation soumise peut être rouverte.");
    // The new revision goes on from where the submitted one stood: its answers, who answers which
    // section, the proofs still linked and the action plan. The submitted revision keeps its own.
    const [answers, assignments, links, actions] = await Promise.all([
      tx.answer.findMany({ where: { assessmentId } }),
      tx.sectionAssignment.findMany({ where: { assessmentId } }),
      tx.evidenceLink.findMany({ where: { assessmentId, removedAt: null } }),
      tx.action.findMany({ where: { assessmentId } }),
    ]);
    await tx.assessment.update({
      where: { id: assessmentId },
      data: { status: "superseded", version: { increment: 1 } },
    });
    const next = await tx.assessment.create({
      data: {
        establishmentId: assessment.establishmentId,
        campaignId: assessment.campaignId,
        revision: assessment.revision + 1,
        options: assessment.options as object,
        sharing: assessment.sharing,
        previousRevisionId: assessmentId,
        answers: {
          create: answers.map(({ requirementCode, kind, value, justification, comment, answeredById }) => ({
            requirementCode,
            kind,
            value: value ?? undefined,
            justification,
            comment,
            answeredById,
          })),
        },
        assignments: {
          create: assignments.map(({ domainCode, userId, assignedById }) => ({ domainCode, userId, assignedById })),
        },
        evidenceLinks: {
          create: links.map(({ evidenceId, requirementCode, linkedById, linkedAt }) => ({
            evidenceId,
            requirementCode,
            linkedById,
            linkedAt,
          })),
        },
        actions: {
          create: actions.map(
            ({ requirementCode, title, ownerId, dueOn, status, estimatedCost, notes, createdById, createdAt }) => ({
              requirementCode,
              title,
              ownerId,
              dueOn,
              status,
              estimatedCost,
              notes,
              createdById,
              createdAt,
            }),
          ),
        },
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "assessment.reopen",
      entity: "Assessment",
      entityId: next.id,
      establishmentId: assessment.establishmentId,
      before: { id: assessmentId, revision: assessment.revision, status: "submitted" },
      after: {
        id: next.id,
        revision: next.revision,
        status: "draft",
        answers: answers.length,
        evidenceLinks: links.length,
        actions: actions.length,
      },
      requestId,
    });
    return { id: next.id, revision: next.revision };
  });
}

/**
 * The director chooses what the region's delegate and the GHT coordinator see: participation only
 * (always), or also the detail of the submitted revision. The choice is the establishment's for
 * the campaign, so every revision of it follows (a reopened draft keeps the submitted one visible
 * at the level chosen last).
 */
export async function shareAssessment({ db, actor, requestId }: Ctx, assessmentId: string, sharing: RegionSharing) {
  return db.$transaction(async (tx) => {
    const assessment = await getAssessmentOrThrow(tx, actor, assessmentId, "assessment.manage");
    await tx.assessment.updateMany({
      where: { establishmentId: assessment.establishmentId, campaignId: assessment.campaignId },
      data: { sharing },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "assessment.share",
      entity: "Assessment",
      entityId: assessmentId,
      establishmentId: assessment.establishmentId,
      before: { sharing: assessment.sharing },
      after: { sharing },
      requestId,
    });
    return { sharing };
  });
}

/** Options chosen for the whole assessment (HOP'EN usage domains, HospiConnect target year). */
export async function setAssessmentOptions(
  { db, actor, requestId }: Ctx,
  assessmentId: string,
  options: Record<string, string | string[]>,
) {
  return db.$transaction(async (tx) => {
    const assessment = await getAssessmentOrThrow(tx, actor, assessmentId, "assessment.manage");
    assertDraft(assessment);
    for (const [key, value] of Object.entries(options)) {
      const option = assessment.referential.options.find((o) => o.key === key);
      const values = Array.isArray(value) ? value : [value];
      if (!option || values.some((v) => !option.choices.some((c) => c.value === v))) {
        throw new AppError("BAD_INPUT", `Option inconnue pour ce référentiel : ${key.slice(0, 64)}.`);
      }
    }
    const next = { ...assessment.options, ...options } as Record<string, string | string[]>;
    await tx.assessment.update({ where: { id: assessmentId }, data: { options: next, version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "assessment.options",
      entity: "Assessment",
      entityId: assessmentId,
      establishmentId: assessment.establishmentId,
      before: assessment.options,
      after: next,
      requestId,
    });
    return { options: next };
  });
}

/**
 * CaRE's coverage rule for an applicant with several sites: which objectives one site reaches. The
 * site must be one of the establishment's, the code one the referential's rule names.
 */
export async function setSiteCoverage(
  { db, actor, requestId }: Ctx,
  assessmentId: string,
  input: { siteId: string; code: string; reached: boolean },
) {
  return db.$transaction(async (tx) => {
    const assessment = await getAssessmentOrThrow(tx, actor, assessmentId, "assessment.manage");
    assertDraft(assessment);
    const rule = assessment.referential.eligibility;
    const codes = rule.kind === "prerequisites_then_objectives" ? (rule.coverage?.appliesTo ?? []) : [];
    if (!codes.includes(input.code))
      throw new AppError("BAD_INPUT", "Cet objectif n'est pas concerné par la règle de couverture de ce référentiel.");
    const site = await tx.site.findFirst({
      where: { id: input.siteId, establishmentId: assessment.establishmentId },
      select: { id: true },
    });
    if (!site) throw notFound("Ce site");
    const before = readSiteCoverage(assessment.siteCoverage, codes);
    const current = before.get(site.id) ?? [];
    const next = input.reached ? [...new Set([...current, input.code])] : current.filter((c) => c !== input.code);
    const after = { ...Object.fromEntries(before), [site.id]: codes.filter((c) => next.includes(c)) };
    await tx.assessment.update({
      where: { id: assessmentId },
      data: { siteCoverage: after, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "assessment.site_coverage",
      entity: "Assessment",
      entityId: assessmentId,
      establishmentId: assessment.establishmentId,
      before: { siteId: site.id, codes: current },
      after: { siteId: site.id, codes: after[site.id] },
      requestId,
    });
    return { siteId: site.id, codes: after[site.id] };
  });
}
