-- The autosave refuses a revoked session: socle_save_answer takes the token's session version.
-- A new parameter is a new signature: the old function is dropped, not overloaded.
DROP FUNCTION IF EXISTS socle_save_answer(text, text, text, text, text, text, text, text, integer, text, text);

CREATE OR REPLACE FUNCTION socle_save_answer(p_assessmentId text, p_userId text, p_domain text, p_code text, p_kind text, p_value text, p_justification text, p_comment text, p_expectedVersion integer, p_requestId text, p_newId text, p_sessionVersion integer)
RETURNS TABLE ("id" text, "requirementCode" text, "kind" text, "value" jsonb, "justification" text, "comment" text, "version" integer, "updatedAt" timestamp(3), "carriedFrom" text, "answeredBy" text)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
BEGIN
  IF p_expectedVersion = 0 THEN
    RETURN QUERY WITH 
  allowed AS (
    SELECT u."name", a."establishmentId" FROM "User" u
      JOIN "Assessment" a ON a."id" = p_assessmentId AND a."status" = 'draft'
    WHERE u."id" = p_userId AND u."disabled" = false AND (p_sessionVersion IS NULL OR u."sessionVersion" = p_sessionVersion)
      AND EXISTS (SELECT 1 FROM "Membership" m LEFT JOIN "Establishment" me ON me."id" = m."establishmentId"
    WHERE m."userId" = u."id" AND coalesce(me."disabled", false) = false AND ((m."role" = 'director' AND m."establishmentId" = a."establishmentId") OR (m."role" = 'contributor' AND m."establishmentId" = a."establishmentId")))
      AND (EXISTS (SELECT 1 FROM "Membership" d WHERE d."userId" = u."id" AND d."role" = 'director' AND d."establishmentId" = a."establishmentId")
        OR EXISTS (SELECT 1 FROM "SectionAssignment" s WHERE s."assessmentId" = a."id" AND s."userId" = u."id" AND s."domainCode" = p_domain))
  ),
  previous AS (
    SELECT jsonb_build_object('requirementCode', o."requirementCode", 'kind', o."kind", 'value', o."value", 'justification', o."justification",
      'comment', o."comment", 'version', o."version") AS "before"
    FROM "Answer" o WHERE o."assessmentId" = p_assessmentId AND o."requirementCode" = p_code
  ),
  written AS (
    INSERT INTO "Answer" ("id", "assessmentId", "requirementCode", "kind", "value", "justification", "comment", "needsConfirmation", "version", "answeredById", "updatedAt")
    SELECT p_newId, p_assessmentId, p_code, p_kind::"AnswerKind", p_value::jsonb, p_justification, p_comment, false, 1, p_userId, now() WHERE EXISTS (SELECT 1 FROM allowed) AND p_expectedVersion::int = 0
    ON CONFLICT ("assessmentId", "requirementCode") DO NOTHING
    RETURNING *
  ), 
  audit AS (
    INSERT INTO "AuditEvent" ("actorId", "action", "entity", "entityId", "establishmentId", "before", "after", "requestId")
    SELECT p_userId, 'answer.save', 'Answer', w."id", (SELECT "establishmentId" FROM allowed), (SELECT "before" FROM previous),
      jsonb_build_object('requirementCode', w."requirementCode", 'kind', w."kind", 'value', w."value", 'justification', w."justification", 'comment', w."comment", 'version', w."version"),
      p_requestId
    FROM written w
  )
  SELECT w."id", w."requirementCode", w."kind"::text AS "kind", w."value", w."justification", w."comment", w."version", w."updatedAt", w."carriedFrom",
    (SELECT "name" FROM allowed) AS "answeredBy"
  FROM written w;
  ELSE
    RETURN QUERY WITH 
  allowed AS (
    SELECT u."name", a."establishmentId" FROM "User" u
      JOIN "Assessment" a ON a."id" = p_assessmentId AND a."status" = 'draft'
    WHERE u."id" = p_userId AND u."disabled" = false AND (p_sessionVersion IS NULL OR u."sessionVersion" = p_sessionVersion)
      AND EXISTS (SELECT 1 FROM "Membership" m LEFT JOIN "Establishment" me ON me."id" = m."establishmentId"
    WHERE m."userId" = u."id" AND coalesce(me."disabled", false) = false AND ((m."role" = 'director' AND m."establishmentId" = a."establishmentId") OR (m."role" = 'contributor' AND m."establishmentId" = a."establishmentId")))
      AND (EXISTS (SELECT 1 FROM "Membership" d WHERE d."userId" = u."id" AND d."role" = 'director' AND d."establishmentId" = a."establishmentId")
        OR EXISTS (SELECT 1 FROM "SectionAssignment" s WHERE s."assessmentId" = a."id" AND s."userId" = u."id" AND s."domainCode" = p_domain))
  ),
  previous AS (
    SELECT jsonb_build_object('requirementCode', o."requirementCode", 'kind', o."kind", 'value', o."value", 'justification', o."justification",
      'comment', o."comment", 'version', o."version") AS "before"
    FROM "Answer" o WHERE o."assessmentId" = p_assessmentId AND o."requirementCode" = p_code
  ),
  written AS (
    UPDATE "Answer" SET "kind" = p_kind::"AnswerKind", "value" = p_value::jsonb, "justification" = p_justification, "comment" = p_comment,
      "needsConfirmation" = false, "answeredById" = p_userId, "version" = "version" + 1, "updatedAt" = now()
    WHERE "assessmentId" = p_assessmentId AND "requirementCode" = p_code AND "version" = p_expectedVersion AND EXISTS (SELECT 1 FROM allowed)
    RETURNING *
  ), 
  audit AS (
    INSERT INTO "AuditEvent" ("actorId", "action", "entity", "entityId", "establishmentId", "before", "after", "requestId")
    SELECT p_userId, 'answer.save', 'Answer', w."id", (SELECT "establishmentId" FROM allowed), (SELECT "before" FROM previous),
      jsonb_build_object('requirementCode', w."requirementCode", 'kind', w."kind", 'value', w."value", 'justification', w."justification", 'comment', w."comment", 'version', w."version"),
      p_requestId
    FROM written w
  )
  SELECT w."id", w."requirementCode", w."kind"::text AS "kind", w."value", w."justification", w."comment", w."version", w."updatedAt", w."carriedFrom",
    (SELECT "name" FROM allowed) AS "answeredBy"
  FROM written w;
  END IF;
END
$fn$;
