import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { ZSignInPolicy } from "@/lib/auth/second-factor/schemas";
import { demoFiness, seedDemo, seedPlaces } from "@/prisma/seed/seed";
import { actorByEmail, expectOneAudit, expectRefusedWith, viaRoute } from "@/test/admin/kit";
import { createTestDb, type TestDb } from "@/test/db";
import { getSignInPolicy, setSignInPolicy } from "./sign-in-policy";

// The director's choice of how the establishment's accounts sign in: the director's alone, audited,
// and refused when the installation could not apply it (no mail, no SSO provider).

let t: TestDb;
let db: PrismaClient;
let director: Actor;
let rssi: Actor;
let otherDirector: Actor;
let admin: Actor;
let ghbs = "";
let quimper = "";
const RID = "req-policy";
const ALL = { mailOn: true, ssoOn: true };

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  await seedPlaces(db);
  await seedDemo(db);
  director = await actorByEmail(db, "directrice.ghbs@demo.socle.fr");
  rssi = await actorByEmail(db, "rssi.ghbs@demo.socle.fr");
  otherDirector = await actorByEmail(db, "directeur.quimper@demo.socle.fr");
  admin = await actorByEmail(db, "admin@demo.socle.fr");
  ghbs = director.memberships[0]!.establishmentId!;
  quimper = (await db.establishment.findUniqueOrThrow({ where: { finess: demoFiness("29", "02") } })).id;
});
afterAll(() => t?.close());

const set = (actor: Actor, establishmentId: string, raw: unknown, setup = ALL) =>
  viaRoute(ZSignInPolicy, raw, (i) => setSignInPolicy(db, actor, establishmentId, i, RID, setup));
const policies = async () =>
  (await db.establishment.findMany({ select: { id: true, signInPolicy: true }, orderBy: { id: "asc" } })).map(
    (e) => `${e.id}:${e.signInPolicy}`,
  );
const unchanged = async () => ({ policies: await policies(), audit: await db.auditEvent.count() });

describe("[ESTABLISHMENTS] sign-in policy", () => {
  it("the director sets it for their establishment, audited with before and after", async () => {
    expect((await getSignInPolicy(db, director, ghbs, ALL)).signInPolicy).toBe("password");
    const { event } = await expectOneAudit(
      db,
      () => set(director, ghbs, { policy: "password_email_code" }),
      "establishment.sign_in_policy",
    );
    expect(event).toMatchObject({
      actorId: director.id,
      establishmentId: ghbs,
      before: { signInPolicy: "password" },
      after: { signInPolicy: "password_email_code" },
    });
    expect(await getSignInPolicy(db, director, ghbs, ALL)).toMatchObject({
      signInPolicy: "password_email_code",
      applied: true,
    });
    // Without mail, the page says the stored policy is not applied.
    expect(await getSignInPolicy(db, director, ghbs, { mailOn: false, ssoOn: true })).toMatchObject({
      applied: false,
    });
    await set(director, ghbs, { policy: "sso_only" });
    await set(director, ghbs, { policy: "password" });
  });

  it("a contributor, another establishment's director and the platform admin get 404, nothing written", async () => {
    for (const [actor, establishmentId] of [
      [rssi, ghbs],
      [otherDirector, ghbs],
      [admin, ghbs],
      [director, quimper],
    ] as const) {
      await expectRefusedWith(
        unchanged,
        () => set(actor, establishmentId, { policy: "sso_only" }),
        "NOT_FOUND",
        /introuvable/,
      );
      await expect(getSignInPolicy(db, actor, establishmentId, ALL)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("refuses a policy the installation cannot apply (no mail, no SSO) and a bad value, in French", async () => {
    await expectRefusedWith(
      unchanged,
      () => set(director, ghbs, { policy: "password_email_code" }, { mailOn: false, ssoOn: true }),
      "CONFLICT",
      /aucun serveur de courriel/,
    );
    await expectRefusedWith(
      unchanged,
      () => set(director, ghbs, { policy: "sso_only" }, { mailOn: true, ssoOn: false }),
      "CONFLICT",
      /aucun de ces fournisseurs/,
    );
    await expectRefusedWith(unchanged, () => set(director, ghbs, { policy: "totp" }), "BAD_INPUT", /Certaines valeurs/);
  });
});
