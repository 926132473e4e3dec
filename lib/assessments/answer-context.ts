import "server-only";
import { type Actor, type ActorMembership, actorOf } from "@/lib/auth/actor";
import type { AssessmentFacts } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import type { AnswerRow } from "./answers";

// Autosave is the hottest path (every pause in typing), so everything it must know before writing
// comes back from ONE statement: the user and their memberships (what loadActor reads), the
// assessment's scope facts, the sections assigned to this user, and the current answer. Through
// Prisma's model API the same reads cost eight round trips. The decisions stay in TypeScript:
// actorOf (lib/auth/actor.ts) and can() (lib/auth/scope.ts), shared with every page.

export type CurrentAnswer = AnswerRow & { id: string };

export type AnswerContext = {
  actor: Actor;
  assessment: (AssessmentFacts & { referentialVersionId: string }) | null;
  assignedSections: string[];
  answer: CurrentAnswer | null;
};

type Row = {
  id: string;
  email: string;
  name: string;
  title: string | null;
  memberships: (ActorMembership & { establishmentDisabled: boolean })[];
  assessment: (AssessmentFacts & { referentialVersionId: string }) | null;
  assigned: string[];
  answer: (Omit<CurrentAnswer, "updatedAt"> & { updatedAt: string }) | null;
};

const READ = `
  SELECT u."id", u."email", u."name", u."title",
    (SELECT coalesce(json_agg(json_build_object('role', m."role", 'function', m."function", 'establishmentId', m."establishmentId",
        'ghtId', m."ghtId", 'regionId', m."regionId", 'establishmentDisabled', coalesce(e."disabled", false)) ORDER BY m."createdAt"), '[]'::json)
       FROM "Membership" m LEFT JOIN "Establishment" e ON e."id" = m."establishmentId" WHERE m."userId" = u."id") AS "memberships",
    (SELECT json_build_object('establishmentId', a."establishmentId", 'ghtId', es."ghtId", 'regionId', es."regionId",
        'sharing', a."sharing", 'status', a."status", 'referentialVersionId', c."referentialVersionId")
       FROM "Assessment" a JOIN "Establishment" es ON es."id" = a."establishmentId" JOIN "Campaign" c ON c."id" = a."campaignId"
       WHERE a."id" = $2) AS "assessment",
    (SELECT coalesce(json_agg(s."domainCode"), '[]'::json) FROM "SectionAssignment" s WHERE s."assessmentId" = $2 AND s."userId" = u."id") AS "assigned",
    (SELECT json_build_object('id', an."id", 'requirementCode', an."requirementCode", 'kind', an."kind", 'value', an."value",
        'justification', an."justification", 'comment', an."comment", 'needsConfirmation', an."needsConfirmation",
        'carriedFrom', an."carriedFrom", 'version', an."version", 'answeredById', an."answeredById",
        'updatedAt', to_char(an."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
       FROM "Answer" an WHERE an."assessmentId" = $2 AND an."requirementCode" = $3) AS "answer"
  FROM "User" u WHERE u."id" = $1 AND u."disabled" = false AND ($4::int IS NULL OR u."sessionVersion" = $4::int)`;

/** Null when the user is unknown or disabled, or the session was revoked (it no longer stands). */
export async function readAnswerContext(
  db: Db,
  userId: string,
  assessmentId: string,
  requirementCode: string,
  sessionVersion?: number,
): Promise<AnswerContext | null> {
  const [row] = await db.$queryRawUnsafe<Row[]>(READ, userId, assessmentId, requirementCode, sessionVersion ?? null);
  if (!row) return null;
  return {
    actor: actorOf(row, row.memberships),
    assessment: row.assessment,
    assignedSections: row.assigned,
    answer: row.answer ? { ...row.answer, updatedAt: new Date(row.answer.updatedAt) } : null,
  };
}
