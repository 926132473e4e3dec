import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createTestDb, type TestDb } from "@/test/db";
import { hashPassword, verifyCredentials } from "./sign-in";
import { claimAttempt, delayAfter, SIGN_IN_THROTTLE } from "./throttle";

// Sign-in on a real database: the slow-down is claimed before bcrypt and counted atomically, it
// slows down instead of locking out, demo accounts need SOCLE_DEMO, and every outcome is audited.

let t: TestDb;
let db: PrismaClient;
const PASSWORD = "bon-mot-de-passe-2026";
// A minute instead of a second per step: a loaded machine takes longer than a second between two
// tries, which would let the window pass; the test moves the clock instead (waitOver).
const MINUTE = 60_000;
const THROTTLE = {
  account: { ...SIGN_IN_THROTTLE.account, baseMs: MINUTE, maxMs: 60 * MINUTE },
  address: { ...SIGN_IN_THROTTLE.address, baseMs: MINUTE, maxMs: 60 * MINUTE },
};
const ON = { demo: false, throttle: THROTTLE };

async function user(email: string, extra: { isDemo?: boolean; password?: string } = {}) {
  return db.user.create({
    data: { email, name: email, passwordHash: await hashPassword(extra.password ?? PASSWORD), isDemo: extra.isDemo },
  });
}

/** Lets the waiting time of `key` pass (the database clock cannot be moved). */
async function waitOver(key: string) {
  await db.$executeRawUnsafe(
    `UPDATE "SignInThrottle" SET "nextAttemptAt" = "nextAttemptAt" - interval '1 day' WHERE "key" = $1`,
    key,
  );
}

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
});
afterAll(() => t.close());

describe("[AUTH] sign-in slow-down", () => {
  it("a parallel burst of wrong passwords passes no more than the free tries", async () => {
    await user("burst@exemple.fr");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        verifyCredentials(db, { email: "burst@exemple.fr", password: `faux-${i}` }, `10.0.0.${i}`, ON),
      ),
    );
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(checked).toBe(SIGN_IN_THROTTLE.account.free);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(12 - checked);
  });

  it("slows down exponentially rather than locking the rightful user out", async () => {
    await user("lent@exemple.fr");
    const key = "login:email:lent@exemple.fr";
    for (let i = 0; i < SIGN_IN_THROTTLE.account.free; i++) {
      expect(await verifyCredentials(db, { email: "lent@exemple.fr", password: "faux" }, "10.1.0.1", ON)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const first = await verifyCredentials(db, { email: "lent@exemple.fr", password: PASSWORD }, "10.1.0.2", ON);
    expect(first).toMatchObject({ ok: false, reason: "rate_limited" });
    expect((first as { waitMs: number }).waitMs).toBeGreaterThan(0.5 * MINUTE);
    expect((first as { waitMs: number }).waitMs).toBeLessThanOrEqual(MINUTE);
    await waitOver(key);
    await verifyCredentials(db, { email: "lent@exemple.fr", password: "faux" }, "10.1.0.1", ON);
    const second = await verifyCredentials(db, { email: "lent@exemple.fr", password: PASSWORD }, "10.1.0.2", ON);
    expect((second as { waitMs: number }).waitMs).toBeGreaterThan(1.5 * MINUTE);
    expect((second as { waitMs: number }).waitMs).toBeLessThanOrEqual(2 * MINUTE);
    // Once the wait is over, the right password opens, and the failures are forgotten.
    await waitOver(key);
    expect(await verifyCredentials(db, { email: "lent@exemple.fr", password: PASSWORD }, "10.1.0.2", ON)).toMatchObject(
      { ok: true },
    );
    expect(await db.signInThrottle.findUnique({ where: { key } })).toBeNull();
  });

  it("slows down one address trying many accounts", async () => {
    const ip = "10.2.0.1";
    for (let i = 0; i < SIGN_IN_THROTTLE.address.free; i++) {
      await verifyCredentials(db, { email: `inconnu-${i}@exemple.fr`, password: "faux" }, ip, ON);
    }
    expect(await verifyCredentials(db, { email: "autre@exemple.fr", password: "faux" }, ip, ON)).toMatchObject({
      reason: "rate_limited",
    });
    expect(await claimAttempt(db, "login:ip:10.2.0.2", THROTTLE.address)).toBe(0);
  });

  it("doubles the delay past the free tries, up to a ceiling", () => {
    const rule = SIGN_IN_THROTTLE.account;
    expect([0, 2, 3, 4, 5].map((n) => delayAfter(n, rule))).toEqual([0, 0, 1_000, 2_000, 4_000]);
    expect(delayAfter(1_000, rule)).toBe(rule.maxMs);
  });
});

describe("[AUTH] sign-in rules", () => {
  it("a password past 72 bytes never matches, even when its first 72 bytes are the password", async () => {
    await user("long@exemple.fr", { password: "a".repeat(72) });
    const result = await verifyCredentials(
      db,
      { email: "long@exemple.fr", password: `${"a".repeat(72)}b` },
      "1.1.1.1",
      ON,
    );
    expect(result).toEqual({ ok: false, reason: "invalid" });
    await expect(hashPassword("é".repeat(37))).rejects.toThrow(/72 octets/);
  });

  it("demo accounts sign in only while SOCLE_DEMO is on", async () => {
    await user("demo@exemple.fr", { isDemo: true });
    const creds = { email: "demo@exemple.fr", password: PASSWORD };
    expect(await verifyCredentials(db, creds, "1.1.1.2", { ...ON, demo: false })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifyCredentials(db, creds, "1.1.1.2", { ...ON, demo: true })).toMatchObject({ ok: true });
  });

  it("audits successes and failures, never the password, and remembers the previous sign-in", async () => {
    const u = await user("audit@exemple.fr");
    await verifyCredentials(db, { email: "audit@exemple.fr", password: "secret-faux" }, "1.1.1.3", ON);
    await verifyCredentials(db, { email: "audit@exemple.fr", password: PASSWORD }, "1.1.1.3", ON);
    await verifyCredentials(db, { email: "audit@exemple.fr", password: PASSWORD }, "1.1.1.3", ON);
    const events = await db.auditEvent.findMany({ where: { entityId: u.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["session.sign_in_failed", "session.sign_in", "session.sign_in"]);
    expect(events[0]!.after).toEqual({ email: "audit@exemple.fr", ip: "1.1.1.3", reason: "wrong_password" });
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain("secret-faux");
    const stored = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(stored.previousSignInAt).not.toBeNull();
    expect(stored.lastSignInAt!.getTime()).toBeGreaterThanOrEqual(stored.previousSignInAt!.getTime());
  });
});

describe("[AUTH] SOCLE_PASSWORD_SIGN_IN=0", () => {
  it("checks no password at all: refused even when right, audited, nothing counted as a sign-in", async () => {
    const account = await user("sso.seulement@exemple.fr");
    const off = { ...ON, passwordSignIn: false };
    expect(await verifyCredentials(db, { email: account.email, password: PASSWORD }, "10.7.0.1", off)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: account.id } })).lastSignInAt).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "session.sign_in_failed", after: { path: ["email"], equals: account.email } },
      orderBy: { id: "desc" },
    });
    expect(event.after).toMatchObject({ reason: "password_off" });
    // Switched back on, the same password works.
    expect(await verifyCredentials(db, { email: account.email, password: PASSWORD }, "10.7.0.1", ON)).toMatchObject({
      ok: true,
    });
  });
});
