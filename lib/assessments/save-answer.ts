import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/core/db";
import { reachesAssessment } from "@/lib/auth/scope";
import { AppError, notFound } from "@/lib/core/errors";
import { getVersionContent } from "@/lib/referentials/queries";
import { assertDraft, isDirectorOf, sectionNotAssigned } from "./access";
import { readAnswerContext } from "./answer-context";
import { checkAnswer, type StoredAnswer, type TSaveAnswer } from "./answer-schemas";
import { writeAnswer } from "./answer-write";
import { toStoredAnswer } from "./answers";

const staleVersion = (current: StoredAnswer | null) =>
  new AppError("STALE_VERSION", "Quelqu'un d'autre a modifié cette réponse entre-temps : comparez avant de choisir.", { details: { current } });

/**
 * Saves one answer with optimistic concurrency: the write succeeds only if the stored version is
 * the one the user edited, else STALE_VERSION carries the other person's answer so the UI can
 * show it and let the user choose. Two statements: one read (answer-context.ts: who, where, what
 * is there) and one write that carries its audit row (answer-write.ts). The user's memberships are
 * re-read by that read, whatever `user` the caller holds.
 */
export async function saveAnswer(db: Db, user: Pick<Actor, "id">, assessmentId: string, input: TSaveAnswer, requestId: string): Promise<StoredAnswer> {
  const context = await readAnswerContext(db, user.id, assessmentId, input.requirementCode);
  if (!context) throw new AppError("UNAUTHENTICATED", "Votre session a expiré : reconnectez-vous.");
  const { actor, assessment } = context;
  if (!assessment || !reachesAssessment(actor, "assessment.answer", assessment)) throw notFound("Cette évaluation");
  assertDraft(assessment);
  const referential = await getVersionContent(db, assessment.referentialVersionId);
  const requirement = referential.requirements.find((r) => r.code === input.requirementCode);
  if (!requirement) throw new AppError("BAD_INPUT", `L'exigence ${input.requirementCode.slice(0, 64)} n'existe pas dans ce référentiel.`);
  const editable = isDirectorOf(actor, assessment.establishmentId) || context.assignedSections.includes(requirement.domain);
  if (!editable) throw sectionNotAssigned();
  const problem = checkAnswer(requirement, input);
  if (problem) throw new AppError("BAD_INPUT", problem, { fieldErrors: { value: [problem] } });

  const key = { assessmentId_requirementCode: { assessmentId, requirementCode: requirement.code } };
  const before = context.answer;
  if ((before?.version ?? 0) !== input.expectedVersion) throw staleVersion(before ? await toStoredAnswer(db, before) : null);

  const written = await writeAnswer(
    db,
    {
      assessmentId,
      establishmentId: assessment.establishmentId,
      requirementCode: requirement.code,
      kind: input.kind,
      value: input.value,
      justification: input.justification || null,
      comment: input.comment || null,
      actorId: actor.id,
      requestId,
      before: before ? { requirementCode: before.requirementCode, kind: before.kind, value: before.value, justification: before.justification, comment: before.comment, version: before.version } : null,
    },
    before?.id ?? null,
    input.expectedVersion,
  );
  if (!written) {
    // Lost a race after the check: submitted meanwhile, or someone else's save landed first.
    const now = await db.assessment.findUnique({ where: { id: assessmentId }, select: { status: true } });
    if (now) assertDraft(now);
    const current = await db.answer.findUnique({ where: key });
    throw staleVersion(current ? await toStoredAnswer(db, current) : null);
  }
  return {
    requirementCode: written.requirementCode,
    kind: written.kind,
    value: written.value,
    justification: written.justification,
    comment: written.comment,
    needsConfirmation: false,
    carriedFrom: before?.carriedFrom ?? null,
    version: written.version,
    answeredBy: actor.name,
    updatedAt: written.updatedAt.toISOString(),
  };
}
