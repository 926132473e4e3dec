import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { seedDemo, seedPlaces } from "@/prisma/seed/seed";
import { createTestDb, type TestDb } from "@/test/db";
import { createFirstAdmin } from "./first-admin";

// A real installation: no account until admin:create makes the first admin; demo accounts, even
// present, neither count as that admin nor sign in outside a demo.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedPlaces(t.db);
});
afterAll(() => t.close());

describe("[ADMIN] first admin", () => {
  it("starts with no account, then creates the first admin with a generated password printed once", async () => {
    expect(await t.db.user.count()).toBe(0);
    await seedDemo(t.db); // a demo seeded by mistake must not stand in for the real admin
    expect(
      await verifyCredentials(t.db, { email: "admin@demo.socle.fr", password: "socle-demo-2026" }, "1.1.1.1", {
        demo: false,
      }),
    ).toEqual({ ok: false, reason: "invalid" });
    const created = await createFirstAdmin(t.db, { email: " DSI@CH-Exemple.fr ", name: "Anne Martin" });
    expect(created).toMatchObject({ email: "dsi@ch-exemple.fr", generated: true });
    expect(created.password).toHaveLength(24);
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: created.id }, include: { memberships: true } });
    expect(await bcrypt.compare(created.password, stored.passwordHash ?? "")).toBe(true);
    expect(stored.memberships.map((m) => m.role)).toEqual(["admin"]);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.create_first_admin" } });
    expect(JSON.stringify(audit.after)).not.toContain(created.password);
    expect(
      await verifyCredentials(t.db, { email: created.email, password: created.password }, "1.1.1.1", { demo: false }),
    ).toMatchObject({ ok: true });
  });

  it("refuses a second first admin, and a typed password that breaks the rules", async () => {
    await expect(createFirstAdmin(t.db, { email: "autre@exemple.fr", name: "Autre" })).rejects.toThrow(
      /Un administrateur existe déjà/,
    );
    await expect(
      createFirstAdmin(t.db, { email: "x@exemple.fr", name: "X", password: "é".repeat(40) }),
    ).rejects.toThrow(/72 octets/);
  });
});
