import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain, describeChainReport } from "@/lib/audit/verify-chain";
import { createTestDb, type TestDb } from "@/test/db";

// Every audit row carries the previous row's hash and its own, written by a trigger, so every
// writer is covered: Prisma, raw SQL (as the autosave function writes), parallel transactions.
// Breaking a row as the owner (append-only trigger set aside) is found, and the row is named.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const write = (action: string, after?: object) =>
  t.db.auditEvent.create({ data: { action, entity: "Test", entityId: action, after: after ?? { n: action } } });

/** As the table's owner: what an intruder with the owner's password could do. */
async function asOwnerWithoutGuard(sql: string) {
  await t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete`);
  try {
    await t.db.$executeRawUnsafe(sql);
  } finally {
    await t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete`);
  }
}

describe("[AUDIT] hash chain", () => {
  it("links every row to the previous one, whoever writes it", async () => {
    const first = await write("chain.one", { accents: "é", nested: { b: [1, 2], a: null } });
    expect(first.prevHash ?? null).toBeNull(); // the first row of a new trail
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const second = await write("chain.two");
    expect(second.prevHash).toBe(first.hash);
    // A plain INSERT that names no hash column, as socle_save_answer's does.
    await t.db.$executeRawUnsafe(
      `INSERT INTO "AuditEvent" ("actorId", "action", "entity", "entityId", "before", "after") VALUES (NULL, 'chain.raw', 'Test', 'raw', '{"v":1}'::jsonb, NULL)`,
    );
    const raw = await t.db.auditEvent.findFirstOrThrow({ where: { action: "chain.raw" } });
    expect(raw.prevHash).toBe(second.hash);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: 3 });
  });

  it("stays whole under parallel transactions (ids follow the chain)", async () => {
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        // PGlite runs them one after the other (one session): let them wait their turn.
        t.db.$transaction(
          async (tx) => {
            await tx.auditEvent.create({
              data: { action: `chain.parallel.${i}`, entity: "Test", entityId: String(i) },
            });
            await new Promise((resolve) => setTimeout(resolve, (i * 7) % 20));
          },
          { maxWait: 60_000 },
        ),
      ),
    );
    const report = await verifyAuditChain(t.db);
    expect(report).toEqual({ ok: true, checked: 27 });
    expect(describeChainReport(report)).toMatch(/intègre : 27 ligne/);
  });

  it("names the first broken row when a row's content is changed", async () => {
    const target = await t.db.auditEvent.findFirstOrThrow({ where: { action: "chain.parallel.5" } });
    await asOwnerWithoutGuard(`UPDATE "AuditEvent" SET "after" = '{"forged": true}'::jsonb WHERE id = ${target.id}`);
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ ok: false, firstBroken: { id: target.id, reason: "content_changed" } });
    expect(describeChainReport(report)).toContain(`ROMPU à la ligne ${target.id} (chain.parallel.5,`);
  });
});

describe("[AUDIT] hash chain: a removed row, a row re-hashed to hide a change", () => {
  let u: TestDb;
  beforeAll(async () => {
    u = await createTestDb();
    for (const action of ["a", "b", "c", "d"])
      await u.db.auditEvent.create({ data: { action, entity: "Test", entityId: action } });
  });
  afterAll(() => u.close());

  it("names the row after a deleted one", async () => {
    const [, b, c] = await u.db.auditEvent.findMany({ orderBy: { id: "asc" } });
    await u.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete`);
    await u.db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE id = ${b!.id}`);
    expect(await verifyAuditChain(u.db)).toMatchObject({
      ok: false,
      checked: 1,
      firstBroken: { id: c!.id, reason: "link_broken" },
    });
    await u.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete`);
  });
});
