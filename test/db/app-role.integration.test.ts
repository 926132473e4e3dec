import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/core/db-adapter";
import { applyAppGrants } from "@/lib/core/db-grants";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { createTestDb, type TestDb } from "@/test/db";

// On PostgreSQL the app runs as a role that owns nothing: migrations ran as the owner, and
// prisma/app-role-grants.sql gives the app its DML, and on the audit trail only INSERT and SELECT.
// Whatever the app's code does (or an intruder in the app's process), the trail cannot be changed,
// emptied, nor its triggers dropped or disabled. Skipped on PGlite: it has one user, no roles to separate.

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("[AUDIT] PostgreSQL: the app's role cannot touch the trail", () => {
  let t: TestDb;
  let app: pg.Client;
  let owner: pg.Client;
  const role = `socle_app_${randomBytes(5).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  let appUrl = "";

  beforeAll(async () => {
    t = await createTestDb();
    owner = new pg.Client({ connectionString: t.url });
    await owner.connect();
    await owner.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    await applyAppGrants(owner, role);
    const url = new URL(t.url!);
    url.username = role;
    url.password = password;
    appUrl = url.toString();
    app = new pg.Client({ connectionString: appUrl });
    await app.connect();
    await owner.query(`INSERT INTO "AuditEvent" (action, entity, "entityId") VALUES ('owner.first', 'Test', '1')`);
  });

  afterAll(async () => {
    await app?.end();
    await owner?.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
    await owner?.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`);
    await owner?.query(`REVOKE ALL ON SCHEMA public FROM ${role}`);
    await owner?.end();
    await t?.close();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await admin.end();
  });

  /** The PostgreSQL error code of a statement run as the app (42501: insufficient privilege). */
  const refusal = (sql: string) =>
    app.query(sql).then(
      () => "accepted",
      (error: { code?: string }) => error.code,
    );

  it("refuses UPDATE, DELETE and TRUNCATE on the audit table for lack of privilege (before any trigger)", async () => {
    expect(await refusal(`UPDATE "AuditEvent" SET action = 'tampered'`)).toBe("42501");
    expect(await refusal(`DELETE FROM "AuditEvent"`)).toBe("42501");
    expect(await refusal(`TRUNCATE "AuditEvent"`)).toBe("42501");
  });

  it("cannot drop or disable the triggers, alter or drop the table, or replace the chain function", async () => {
    expect(await refusal(`DROP TRIGGER audit_event_no_update_delete ON "AuditEvent"`)).toBe("42501");
    expect(await refusal(`DROP TRIGGER audit_event_chain ON "AuditEvent"`)).toBe("42501");
    expect(await refusal(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).toBe("42501");
    expect(await refusal(`ALTER TABLE "AuditEvent" DROP COLUMN "hash"`)).toBe("42501");
    expect(await refusal(`DROP TABLE "AuditEvent"`)).toBe("42501");
    expect(
      await refusal(
        `CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql`,
      ),
    ).toBe("42501");
    expect(await refusal(`CREATE TABLE intruder (id int)`)).toBe("42501");
    expect(await refusal(`SELECT * FROM "_socle_migrations"`)).toBe("42501");
  });

  it("still does the app's work: audit rows appended and chained, other tables read and written", async () => {
    const db = createPrismaClient(appUrl, "");
    try {
      await db.$transaction(async (tx) => {
        await tx.setting.create({ data: { key: "role-test", value: "1" } });
        await tx.auditEvent.create({ data: { action: "app.insert", entity: "Setting", entityId: "role-test" } });
      });
      await db.setting.update({ where: { key: "role-test" }, data: { value: "2" } });
      await db.setting.delete({ where: { key: "role-test" } });
      await db.rateLimitHit.create({ data: { key: "k" } });
      await db.rateLimitHit.deleteMany({});
      expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 2 });
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses to grant a role that owns the tables", async () => {
    const { rows } = await owner.query(`SELECT current_user AS me`);
    await expect(applyAppGrants(owner, rows[0]!.me as string)).rejects.toThrow(/possède les tables/);
  });
});
