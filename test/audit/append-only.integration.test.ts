import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/db";

// The audit trail is append-only at the database, whatever the client: the same migration installs
// the trigger on PGlite and on PostgreSQL (this file runs on both in CI).
let t: TestDb;
let id: bigint;

beforeAll(async () => {
  t = await createTestDb();
  const row = await t.db.auditEvent.create({
    data: { actorId: null, action: "test.create", entity: "Test", entityId: "1", before: { a: 1 }, after: { a: 2 } },
  });
  id = row.id;
});
afterAll(() => t.close());

/** Raw queries report the trigger as P2010 with the PostgreSQL cause (P0001) in `meta`. */
async function expectRefused(operation: Promise<unknown>) {
  const error = await operation.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the operation should have been refused").not.toBeNull();
  const e = error as { message?: string; meta?: unknown };
  expect(`${e.message} ${JSON.stringify(e.meta ?? {})}`).toMatch(/append-only|P0001/);
}

describe("[AUDIT] the database refuses to change the trail", () => {
  it("accepts inserts", async () => {
    await t.db.auditEvent.create({ data: { action: "test.second", entity: "Test", entityId: "2" } });
    expect(await t.db.auditEvent.count()).toBe(2);
  });

  it("refuses UPDATE through the client and through raw SQL", async () => {
    await expectRefused(t.db.auditEvent.update({ where: { id }, data: { action: "tampered" } }));
    await expectRefused(t.db.auditEvent.updateMany({ data: { action: "tampered" } }));
    await expectRefused(t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "after" = '{}'::jsonb`));
  });

  it("refuses DELETE and TRUNCATE", async () => {
    await expectRefused(t.db.auditEvent.delete({ where: { id } }));
    await expectRefused(t.db.auditEvent.deleteMany({}));
    await expectRefused(t.db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`));
  });

  it("leaves every row as it was written", async () => {
    const row = await t.db.auditEvent.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ action: "test.create", before: { a: 1 }, after: { a: 2 } });
    expect(await t.db.auditEvent.count()).toBe(2);
  });
});
