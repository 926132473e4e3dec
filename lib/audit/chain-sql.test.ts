import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_CHAIN_LOCK, auditHashSql } from "./chain-sql";

// The verifier recomputes hashes with chain-sql.ts; the trigger was installed by a migration. If
// one changed without the other, every new row would look tampered with (or tampering would pass).
describe("[AUDIT] the hash chain's SQL", () => {
  const migration = readFileSync(
    path.resolve("prisma/migrations/20261205140000_audit_hash_chain/migration.sql"),
    "utf8",
  );

  it("is the migration's, for the trigger and for the existing rows", () => {
    expect(migration).toContain(`NEW."hash" := ${auditHashSql("previous", "NEW")};`);
    expect(migration).toContain(`"hash" = ${auditHashSql("previous", "r")}`);
    expect(migration).toContain(`pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  });

  it("hashes every canonical field", () => {
    const sql = auditHashSql("p", "x");
    for (const field of ["x.id", "x.at", 'x."actorId"', "x.action", "x.entity", 'x."entityId"', 'x."establishmentId"'])
      expect(sql).toContain(field);
    for (const field of ["x.before", "x.after", 'x."requestId"']) expect(sql).toContain(field);
  });
});
