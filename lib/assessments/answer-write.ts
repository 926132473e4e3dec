import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/core/db";
import type { TAnswerKind } from "./answer-schemas";

// The hot path of autosave, as ONE statement per save: the answer write and its audit row in a
// single CTE, so both land or neither, with one round trip instead of an interactive transaction
// (PGlite runs one session: a transaction there holds every other request for its whole length).
// The WHERE clauses re-check what the caller read: the version (optimistic concurrency) and that
// the assessment is still a draft. No row back = someone else won the race.

export type AnswerWrite = {
  assessmentId: string;
  establishmentId: string;
  requirementCode: string;
  kind: TAnswerKind;
  value: unknown;
  justification: string | null;
  comment: string | null;
  actorId: string;
  requestId: string;
  before: object | null;
};

export type WrittenAnswer = { id: string; requirementCode: string; kind: TAnswerKind; value: unknown; justification: string | null; comment: string | null; version: number; updatedAt: Date };

const AUDIT = `
  audit AS (
    INSERT INTO "AuditEvent" ("actorId", "action", "entity", "entityId", "establishmentId", "before", "after", "requestId")
    SELECT $ACTOR, 'answer.save', 'Answer', w."id", $EST, $BEFORE::jsonb,
      jsonb_build_object('requirementCode', w."requirementCode", 'kind', w."kind", 'value', w."value", 'justification', w."justification", 'comment', w."comment", 'version', w."version"),
      $REQ
    FROM written w
  )
  SELECT "id", "requirementCode", "kind"::text AS "kind", "value", "justification", "comment", "version", "updatedAt" FROM written`;

const STILL_DRAFT = `EXISTS (SELECT 1 FROM "Assessment" a WHERE a."id" = $2 AND a."status" = 'draft')`;

function params(w: AnswerWrite) {
  return [
    w.kind,
    w.kind === "value" ? JSON.stringify(w.value) : null,
    w.justification,
    w.comment,
    w.actorId,
    w.establishmentId,
    w.before ? JSON.stringify(w.before) : null,
    w.requestId,
  ];
}

// $1 = answer id, $2 = assessment id, then $3… = params() in order.
const named = (sql: string) =>
  sql.replaceAll("$ACTOR", "$7").replaceAll("$EST", "$8").replaceAll("$BEFORE", "$9").replaceAll("$REQ", "$10");

const UPDATE = named(`
  WITH written AS (
    UPDATE "Answer" SET "kind" = $3::"AnswerKind", "value" = $4::jsonb, "justification" = $5, "comment" = $6,
      "needsConfirmation" = false, "answeredById" = $7, "version" = "version" + 1, "updatedAt" = now()
    WHERE "id" = $1 AND "assessmentId" = $2 AND "version" = $11 AND ${STILL_DRAFT}
    RETURNING *
  ), ${AUDIT}`);

const INSERT = named(`
  WITH written AS (
    INSERT INTO "Answer" ("id", "assessmentId", "requirementCode", "kind", "value", "justification", "comment", "needsConfirmation", "version", "answeredById", "updatedAt")
    SELECT $1, $2, $11, $3::"AnswerKind", $4::jsonb, $5, $6, false, 1, $7, now() WHERE ${STILL_DRAFT}
    ON CONFLICT ("assessmentId", "requirementCode") DO NOTHING
    RETURNING *
  ), ${AUDIT}`);

/** Updates the answer `answerId` at `expectedVersion`, or inserts it when `answerId` is null. */
export async function writeAnswer(db: Db, w: AnswerWrite, answerId: string | null, expectedVersion: number): Promise<WrittenAnswer | null> {
  const rows = answerId
    ? await db.$queryRawUnsafe<WrittenAnswer[]>(UPDATE, answerId, w.assessmentId, ...params(w), expectedVersion)
    : await db.$queryRawUnsafe<WrittenAnswer[]>(INSERT, randomUUID(), w.assessmentId, ...params(w), w.requirementCode);
  const row = rows[0];
  return row ? { ...row, updatedAt: new Date(row.updatedAt) } : null;
}
