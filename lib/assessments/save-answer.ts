import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { assertCanEditSection, assertDraft, getAssessmentOrThrow } from "./access";
import { checkAnswer, type StoredAnswer, type TSaveAnswer } from "./answer-schemas";
import { toStoredAnswer } from "./answers";

/**
 * Saves one answer with optimistic concurrency: the write succeeds only if the stored version is
 * the one the user edited, else STALE_VERSION carries the other person's answer so the UI can
 * show it and let the user choose. The audit row is written in the same transaction.
 */
export async function saveAnswer(db: Db, actor: Actor, assessmentId: string, input: TSaveAnswer, requestId: string): Promise<StoredAnswer> {
  try {
    return await writeAnswer(db, actor, assessmentId, input, requestId);
  } catch (error) {
    // Two saves raced past the version check: the loser's update matches no row (P2025) or its
    // insert hits the unique key (P2002). Either way it is a conflict, never a silent overwrite.
    const code = (error as { code?: string }).code;
    if (code !== "P2025" && code !== "P2002") throw error;
    const current = await db.answer.findUnique({ where: { assessmentId_requirementCode: { assessmentId, requirementCode: input.requirementCode } } });
    throw staleVersion(current ? await toStoredAnswer(db, current) : null);
  }
}

const staleVersion = (current: StoredAnswer | null) =>
  new AppError("STALE_VERSION", "Quelqu'un d'autre a modifié cette réponse entre-temps : comparez avant de choisir.", { details: { current } });

async function writeAnswer(db: Db, actor: Actor, assessmentId: string, input: TSaveAnswer, requestId: string): Promise<StoredAnswer> {
  return db.$transaction(async (tx) => {
    const assessment = await getAssessmentOrThrow(tx, actor, assessmentId, "assessment.answer");
    assertDraft(assessment);
    const requirement = assessment.referential.requirements.find((r) => r.code === input.requirementCode);
    if (!requirement) throw new AppError("BAD_INPUT", `L'exigence ${input.requirementCode.slice(0, 64)} n'existe pas dans ce référentiel.`);
    await assertCanEditSection(tx, actor, assessment, requirement.domain);
    const problem = checkAnswer(requirement, input);
    if (problem) throw new AppError("BAD_INPUT", problem, { fieldErrors: { value: [problem] } });

    const data = {
      kind: input.kind,
      value: input.kind === "value" ? (input.value as object) : undefined,
      justification: input.justification || null,
      comment: input.comment || null,
      needsConfirmation: false,
      answeredById: actor.id,
    };
    const key = { assessmentId_requirementCode: { assessmentId, requirementCode: requirement.code } };
    const before = await tx.answer.findUnique({ where: key });
    if ((before?.version ?? 0) !== input.expectedVersion) {
      throw staleVersion(before ? await toStoredAnswer(tx, before) : null);
    }
    const after = before
      ? await tx.answer.update({ where: { id: before.id, version: input.expectedVersion }, data: { ...data, version: { increment: 1 } } })
      : await tx.answer.create({ data: { ...data, assessmentId, requirementCode: requirement.code } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "answer.save",
      entity: "Answer",
      entityId: after.id,
      establishmentId: assessment.establishmentId,
      before: before ? pickAudited(before) : null,
      after: pickAudited(after),
      requestId,
    });
    return toStoredAnswer(tx, after);
  });
}

function pickAudited(a: { requirementCode: string; kind: string; value: unknown; justification: string | null; comment: string | null; version: number }) {
  return { requirementCode: a.requirementCode, kind: a.kind, value: a.value, justification: a.justification, comment: a.comment, version: a.version };
}
