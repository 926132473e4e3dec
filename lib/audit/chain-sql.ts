// The audit trail's hash chain, as SQL shared by the migration that installs the trigger and by
// the verifier (`npm run audit:verify`): each row's `hash` is SHA-256 over the previous row's hash
// and the row's canonical fields, so a changed, removed or inserted row breaks the chain from
// there on. A unit test checks that the migration carries exactly these expressions.

/**
 * The row's fields as one unambiguous text: a JSON array (NULL stays null, no separator can be
 * forged), jsonb's own canonical output for `before`/`after`, and a timestamp format that does
 * not depend on the session's DateStyle.
 */
export function auditCanonicalSql(row: string): string {
  return (
    `jsonb_build_array(${row}.id, to_char(${row}.at, 'YYYY-MM-DD"T"HH24:MI:SS.US'), ${row}."actorId", ` +
    `${row}.action, ${row}.entity, ${row}."entityId", ${row}."establishmentId", ${row}.before, ${row}.after, ` +
    `${row}."requestId")::text`
  );
}

/** SHA-256 (hex) of the previous hash (empty for the first row) followed by the canonical fields. */
export function auditHashSql(previousHash: string, row: string): string {
  return `encode(sha256(convert_to(coalesce(${previousHash}, '') || ${auditCanonicalSql(row)}, 'UTF8')), 'hex')`;
}

/** The advisory lock every audit insert takes until its commit: one link of the chain at a time. */
export const AUDIT_CHAIN_LOCK = 736_563_601;
