import "server-only";
import { randomUUID } from "node:crypto";
import { grantsSql } from "@/lib/auth/permissions";
import { reachesAssessmentSql } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import { directRowsOf } from "@/lib/core/db-adapter";
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

export type WrittenAnswer = {
  id: string;
  requirementCode: string;
  kind: TAnswerKind;
  value: unknown;
  justification: string | null;
  comment: string | null;
  version: number;
  updatedAt: Date;
};

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
export async function writeAnswer(
  db: Db,
  w: AnswerWrite,
  answerId: string | null,
  expectedVersion: number,
): Promise<WrittenAnswer | null> {
  const rows = answerId
    ? await db.$queryRawUnsafe<WrittenAnswer[]>(UPDATE, answerId, w.assessmentId, ...params(w), expectedVersion)
    : await db.$queryRawUnsafe<WrittenAnswer[]>(INSERT, randomUUID(), w.assessmentId, ...params(w), w.requirementCode);
  const row = rows[0];
  return row ? { ...row, updatedAt: new Date(row.updatedAt) } : null;
}

// ─── The autosave's fast path: check and write in ONE statement ─────────────────────────────────
// Used when the input is already valid for its requirement (validated against the cached
// referential before any query). The statement writes only if the user may answer this domain of
// this draft assessment (reachesAssessmentSql: the scope rule table; plus director or assigned
// section, as editableSections) and the stored version is the expected one; the previous values
// for the audit row come from the same snapshot. No row back means "not this way": the caller
// then runs the two-statement path, which names the exact reason (404, 401, 423, 403, 409).
//
// The statement lives in a PL/pgSQL function, socle_save_answer, created by a migration from the
// SQL below (SAVE_ANSWER_FUNCTION; answer-write.test.ts fails when the two differ). PL/pgSQL keeps
// its statements' plans for the session, so a save no longer pays to plan this CTE each time:
// planning was two thirds of the statement's cost.

export type CheckedWrite = Omit<AnswerWrite, "establishmentId" | "before" | "actorId"> & {
  userId: string;
  /** The session token's version: a revoked session writes nothing. Null only for in-process callers. */
  sessionVersion: number | null;
  domainCode: string;
  expectedVersion: number;
};
export type CheckedWritten = WrittenAnswer & { carriedFrom: string | null; answeredBy: string };

const CAN_ANSWER = `
  allowed AS (
    SELECT u."name", a."establishmentId" FROM "User" u
      JOIN "Assessment" a ON a."id" = :assessmentId AND a."status" = 'draft'
    WHERE u."id" = :userId AND u."disabled" = false AND (:sessionVersion IS NULL OR u."sessionVersion" = :sessionVersion)
      AND ${reachesAssessmentSql("assessment.answer", `u."id"`, { establishmentId: `a."establishmentId"`, ghtId: "NULL", regionId: "NULL", sharing: "NULL", status: `a."status"` })}
      AND (EXISTS (SELECT 1 FROM "Membership" d WHERE d."userId" = u."id" AND ${grantsSql("assessment.manage", "d")} AND d."establishmentId" = a."establishmentId")
        OR EXISTS (SELECT 1 FROM "SectionAssignment" s WHERE s."assessmentId" = a."id" AND s."userId" = u."id" AND s."domainCode" = :domain))
  ),
  previous AS (
    SELECT jsonb_build_object('requirementCode', o."requirementCode", 'kind', o."kind", 'value', o."value", 'justification', o."justification",
      'comment', o."comment", 'version', o."version") AS "before"
    FROM "Answer" o WHERE o."assessmentId" = :assessmentId AND o."requirementCode" = :code
  )`;

const CHECKED_AUDIT = `
  audit AS (
    INSERT INTO "AuditEvent" ("actorId", "action", "entity", "entityId", "establishmentId", "before", "after", "requestId")
    SELECT :userId, 'answer.save', 'Answer', w."id", (SELECT "establishmentId" FROM allowed), (SELECT "before" FROM previous),
      jsonb_build_object('requirementCode', w."requirementCode", 'kind', w."kind", 'value', w."value", 'justification', w."justification", 'comment', w."comment", 'version', w."version"),
      :requestId
    FROM written w
  )
  SELECT w."id", w."requirementCode", w."kind"::text AS "kind", w."value", w."justification", w."comment", w."version", w."updatedAt", w."carriedFrom",
    (SELECT "name" FROM allowed) AS "answeredBy"
  FROM written w`;

const CHECKED_UPDATE = `
  WITH ${CAN_ANSWER},
  written AS (
    UPDATE "Answer" SET "kind" = :kind::"AnswerKind", "value" = :value::jsonb, "justification" = :justification, "comment" = :comment,
      "needsConfirmation" = false, "answeredById" = :userId, "version" = "version" + 1, "updatedAt" = now()
    WHERE "assessmentId" = :assessmentId AND "requirementCode" = :code AND "version" = :expectedVersion AND EXISTS (SELECT 1 FROM allowed)
    RETURNING *
  ), ${CHECKED_AUDIT}`;

const CHECKED_INSERT = `
  WITH ${CAN_ANSWER},
  written AS (
    INSERT INTO "Answer" ("id", "assessmentId", "requirementCode", "kind", "value", "justification", "comment", "needsConfirmation", "version", "answeredById", "updatedAt")
    SELECT :newId, :assessmentId, :code, :kind::"AnswerKind", :value::jsonb, :justification, :comment, false, 1, :userId, now() WHERE EXISTS (SELECT 1 FROM allowed) AND :expectedVersion::int = 0
    ON CONFLICT ("assessmentId", "requirementCode") DO NOTHING
    RETURNING *
  ), ${CHECKED_AUDIT}`;

/** The function's parameters, in order: named placeholders `:name` become `p_name` in its body. */
const PARAMETERS = [
  ["assessmentId", "text"],
  ["userId", "text"],
  ["domain", "text"],
  ["code", "text"],
  ["kind", "text"],
  ["value", "text"],
  ["justification", "text"],
  ["comment", "text"],
  ["expectedVersion", "integer"],
  ["requestId", "text"],
  ["newId", "text"],
  ["sessionVersion", "integer"],
] as const;

type Parameter = (typeof PARAMETERS)[number][0];

function inFunction(sql: string): string {
  const known = new Set<string>(PARAMETERS.map(([name]) => name));
  return sql.replace(/(?<!:):([a-zA-Z]+)\b/g, (_, name: string) => {
    if (!known.has(name)) throw new Error(`unbound :${name}`);
    return `p_${name}`;
  });
}

/**
 * The migration's text for socle_save_answer (prisma/migrations/…/migration.sql). A change to the
 * SQL above or to the scope rules needs a new migration with this text: the unit test says so.
 */
export const SAVE_ANSWER_FUNCTION = `CREATE OR REPLACE FUNCTION socle_save_answer(${PARAMETERS.map(([name, type]) => `p_${name} ${type}`).join(", ")})
RETURNS TABLE ("id" text, "requirementCode" text, "kind" text, "value" jsonb, "justification" text, "comment" text, "version" integer, "updatedAt" timestamp(3), "carriedFrom" text, "answeredBy" text)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
BEGIN
  IF p_expectedVersion = 0 THEN
    RETURN QUERY ${inFunction(CHECKED_INSERT).trim()};
  ELSE
    RETURN QUERY ${inFunction(CHECKED_UPDATE).trim()};
  END IF;
END
$fn$;
`;

// "updatedAt" is a timestamp without zone holding UTC (as Prisma writes it): read back as
// timestamptz so that every driver builds the same Date whatever the server's time zone.
const CALL = `SELECT "id", "requirementCode", "kind", "value", "justification", "comment", "version", "updatedAt" AT TIME ZONE 'UTC' AS "updatedAt",
  "carriedFrom", "answeredBy" FROM socle_save_answer(${PARAMETERS.map((_, i) => `$${i + 1}`).join(", ")})`;

/** The checked write: the saved answer, or null when anything stood in the way. */
export async function writeAnswerIfAllowed(db: Db, w: CheckedWrite): Promise<CheckedWritten | null> {
  const values: Record<Parameter, unknown> = {
    assessmentId: w.assessmentId,
    userId: w.userId,
    domain: w.domainCode,
    code: w.requirementCode,
    kind: w.kind,
    value: w.kind === "value" ? JSON.stringify(w.value) : null,
    justification: w.justification,
    comment: w.comment,
    expectedVersion: w.expectedVersion,
    requestId: w.requestId,
    newId: randomUUID(),
    sessionVersion: w.sessionVersion,
  };
  const params = PARAMETERS.map(([name]) => values[name]);
  // Straight to the driver when there is one: Prisma's query layer cost as much as the statement.
  const direct = directRowsOf(db);
  const rows = direct
    ? await direct<CheckedWritten>(CALL, params)
    : await db.$queryRawUnsafe<CheckedWritten[]>(CALL, ...params);
  const row = rows[0];
  return row ? { ...row, updatedAt: new Date(row.updatedAt) } : null;
}
