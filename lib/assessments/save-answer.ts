import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/core/db";
import { can } from "@/lib/auth/scope";
import { AppError, notFound } from "@/lib/core/errors";
import { getVersionContent } from "@/lib/referentials/queries";
import { assertDraft, sectionNotAssigned } from "./access";
import { readAnswerContext } from "./answer-context";
import { checkAnswer, type StoredAnswer, type TSaveAnswer } from "./answer-schemas";
import { type WrittenAnswer, writeAnswer, writeAnswerIfAllowed } from "./answer-write";
import { toStoredAnswer } from "./answers";

/**
 * Who saves: the session's user and the version its token carries (a revoked session saves
 * nothing, in either path). In-process callers that hold no token (scripts, tests) pass none.
 */
export type SaveUser = Pick<Actor, "id"> & { sessionVersion?: number };

const staleVersion = (current: StoredAnswer | null) =>
  new AppError("STALE_VERSION", "Quelqu'un d'autre a modifié cette réponse entre-temps : comparez avant de choisir.", {
    details: { current },
  });

/**
 * Saves one answer with optimistic concurrency: the write succeeds only if the stored version is
 * the one the user edited, else STALE_VERSION carries the other person's answer so the UI can
 * show it and let the user choose. The user's memberships are re-read from the database, whatever
 * `user` the caller holds. Usually one statement (check + write + audit row, answer-write.ts);
 * when it writes nothing, the explained path finds out why.
 */
export type SaveAnswer = (
  db: Db,
  user: SaveUser,
  assessmentId: string,
  input: TSaveAnswer,
  requestId: string,
) => Promise<StoredAnswer>;

export const saveAnswer: SaveAnswer = async (db, user, assessmentId, input, requestId) => {
  return (
    (await saveAnswerInOneStatement(db, user, assessmentId, input, requestId)) ??
    saveAnswerExplained(db, user, assessmentId, input, requestId)
  );
};

// Which referential an assessment answers never changes (a campaign's version is locked once an
// assessment exists), so it is remembered per process. It grants nothing: it only lets the input
// be validated before the single checked statement.
const versionOfAssessment = new Map<string, string>();
const MAX_REMEMBERED = 5000;

async function referentialVersionOf(db: Db, assessmentId: string): Promise<string | null> {
  const known = versionOfAssessment.get(assessmentId);
  if (known) return known;
  const [row] = await db.$queryRawUnsafe<{ versionId: string }[]>(
    `SELECT c."referentialVersionId" AS "versionId" FROM "Assessment" a JOIN "Campaign" c ON c."id" = a."campaignId" WHERE a."id" = $1`,
    assessmentId,
  );
  if (!row) return null;
  if (versionOfAssessment.size >= MAX_REMEMBERED) versionOfAssessment.delete(versionOfAssessment.keys().next().value!);
  versionOfAssessment.set(assessmentId, row.versionId);
  return row.versionId;
}

/** The answer as the UI shows it, from the row a write returned. */
function fromWritten(written: WrittenAnswer, carriedFrom: string | null, answeredBy: string): StoredAnswer {
  const { requirementCode, kind, value, justification, comment, version } = written;
  return {
    requirementCode,
    kind,
    value,
    justification,
    comment,
    needsConfirmation: false,
    carriedFrom,
    version,
    answeredBy,
    updatedAt: written.updatedAt.toISOString(),
  };
}

/** What both paths write, from the checked input. */
function answerFields(assessmentId: string, requirementCode: string, input: TSaveAnswer, requestId: string) {
  return {
    assessmentId,
    requirementCode,
    kind: input.kind,
    value: input.value,
    justification: input.justification || null,
    comment: input.comment || null,
    requestId,
  };
}

/**
 * The usual case in one statement: valid input, allowed user, draft assessment, expected version.
 * Null when any of that does not hold; the caller then takes the explained path.
 */
async function saveAnswerInOneStatement(
  db: Db,
  user: SaveUser,
  assessmentId: string,
  input: TSaveAnswer,
  requestId: string,
): Promise<StoredAnswer | null> {
  const versionId = await referentialVersionOf(db, assessmentId);
  if (!versionId) return null;
  const requirement = (await getVersionContent(db, versionId)).requirements.find(
    (r) => r.code === input.requirementCode,
  );
  if (!requirement || checkAnswer(requirement, input)) return null;
  const written = await writeAnswerIfAllowed(db, {
    ...answerFields(assessmentId, requirement.code, input, requestId),
    domainCode: requirement.domain,
    userId: user.id,
    sessionVersion: user.sessionVersion ?? null,
    expectedVersion: input.expectedVersion,
  });
  return written ? fromWritten(written, written.carriedFrom, written.answeredBy) : null;
}

/**
 * The same save in two statements, checking one thing at a time so that a refusal names its
 * reason in the order that leaks nothing: session, reach (404), draft (423), section (403), input
 * (400), version (409). Exported for the bench, which compares it with the one-statement path.
 */
export const saveAnswerExplained: SaveAnswer = async (db, user, assessmentId, input, requestId) => {
  const context = await readAnswerContext(db, user.id, assessmentId, input.requirementCode, user.sessionVersion);
  if (!context) throw new AppError("UNAUTHENTICATED", "Votre session a expiré : reconnectez-vous.");
  const { actor, assessment } = context;
  if (!assessment || !can(actor, "assessment.answer", assessment)) throw notFound("Cette évaluation");
  assertDraft(assessment);
  const referential = await getVersionContent(db, assessment.referentialVersionId);
  const requirement = referential.requirements.find((r) => r.code === input.requirementCode);
  if (!requirement)
    throw new AppError(
      "BAD_INPUT",
      `L'exigence ${input.requirementCode.slice(0, 64)} n'existe pas dans ce référentiel.`,
    );
  const editable =
    can(actor, "assessment.manage", { establishmentId: assessment.establishmentId }) ||
    context.assignedSections.includes(requirement.domain);
  if (!editable) throw sectionNotAssigned();
  const problem = checkAnswer(requirement, input);
  if (problem) throw new AppError("BAD_INPUT", problem, { fieldErrors: { value: [problem] } });

  const key = { assessmentId_requirementCode: { assessmentId, requirementCode: requirement.code } };
  const before = context.answer;
  if ((before?.version ?? 0) !== input.expectedVersion)
    throw staleVersion(before ? await toStoredAnswer(db, before) : null);

  const written = await writeAnswer(
    db,
    {
      ...answerFields(assessmentId, requirement.code, input, requestId),
      establishmentId: assessment.establishmentId,
      actorId: actor.id,
      before: before
        ? {
            requirementCode: before.requirementCode,
            kind: before.kind,
            value: before.value,
            justification: before.justification,
            comment: before.comment,
            version: before.version,
          }
        : null,
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
  return fromWritten(written, before?.carriedFrom ?? null, actor.name);
};
