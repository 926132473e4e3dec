-- The audit trail becomes a hash chain (lib/audit/chain-sql.ts writes these expressions; a unit
-- test checks they match). Each row carries the previous row's hash and its own SHA-256 over that
-- hash and its canonical fields. The trigger covers every writer (Prisma, the autosave function).
-- Also: the rate-limit table gets an index on "at" for its pruning.

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "hash" TEXT,
ADD COLUMN "prevHash" TEXT;

-- CreateIndex
CREATE INDEX "RateLimitHit_at_idx" ON "RateLimitHit"("at");

-- Existing rows are chained once, in id order (as the owner, the append-only trigger set aside).
ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete;
DO $$
DECLARE
  r RECORD;
  previous TEXT;
BEGIN
  FOR r IN SELECT * FROM "AuditEvent" ORDER BY id LOOP
    UPDATE "AuditEvent" SET "prevHash" = previous, "hash" = encode(sha256(convert_to(coalesce(previous, '') || jsonb_build_array(r.id, to_char(r.at, 'YYYY-MM-DD"T"HH24:MI:SS.US'), r."actorId", r.action, r.entity, r."entityId", r."establishmentId", r.before, r.after, r."requestId")::text, 'UTF8')), 'hex')
      WHERE id = r.id RETURNING "hash" INTO previous;
  END LOOP;
END $$;
ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete;

-- Every new row: take the chain's lock until commit, so the next writer sees this row; number the
-- row under the lock, so id order is chain order (an id drawn before the lock could be overtaken);
-- then link it to the last committed row.
CREATE FUNCTION audit_event_chain() RETURNS trigger AS $$
DECLARE
  previous TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(736563601);
  NEW.id := nextval(pg_get_serial_sequence('"AuditEvent"', 'id'));
  SELECT e."hash" INTO previous FROM "AuditEvent" e ORDER BY e.id DESC LIMIT 1;
  NEW."prevHash" := previous;
  NEW."hash" := encode(sha256(convert_to(coalesce(previous, '') || jsonb_build_array(NEW.id, to_char(NEW.at, 'YYYY-MM-DD"T"HH24:MI:SS.US'), NEW."actorId", NEW.action, NEW.entity, NEW."entityId", NEW."establishmentId", NEW.before, NEW.after, NEW."requestId")::text, 'UTF8')), 'hex');
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_chain
  BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
