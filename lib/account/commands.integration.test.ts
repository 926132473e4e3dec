import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import * as A from "@/lib/admin/commands";
import { ZMembershipInput } from "@/lib/auth/membership-input";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { accountNotices } from "@/lib/auth/account-notices";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { seedDemo, seedPlaces } from "@/prisma/seed/seed";
import { actorByEmail, expectRefused, viaRoute } from "@/test/admin/kit";
import { createTestDb, type TestDb } from "@/test/db";
import { acceptWithPassword, sendPasswordReset } from "@/lib/invitations/commands";
import { changeOwnPassword } from "./commands";
import { ZPasswordChange } from "./schemas";

// A user's own password change, and what an admin's changes leave for the user to see.

let t: TestDb;
let db: PrismaClient;
let admin: Actor;
const DEMO_PASSWORD = "socle-demo-2026";
const RID = "req-account";
const ON = { demo: true };
const change = (actor: Actor, raw: unknown) =>
  viaRoute(ZPasswordChange, raw, (input) => changeOwnPassword(db, actor, input, RID));

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  await seedPlaces(db);
  await seedDemo(db);
  admin = await actorByEmail(db, "admin@demo.socle.fr");
});
afterAll(() => t.close());

describe("[AUTH] own password change", () => {
  it("needs the current password, ends every session and is audited", async () => {
    const email = "dsi.ghbs@demo.socle.fr";
    const actor = await actorByEmail(db, email);
    const before = await db.user.findUniqueOrThrow({ where: { email } });
    await expectRefused(
      db,
      () =>
        change(actor, { current: "pas-le-bon", next: "nouvelle-phrase-secrete", confirm: "nouvelle-phrase-secrete" }),
      "BAD_INPUT",
      /actuel est incorrect/,
      "current",
    );
    await change(actor, {
      current: DEMO_PASSWORD,
      next: "nouvelle-phrase-secrete",
      confirm: "nouvelle-phrase-secrete",
    });
    const after = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await bcrypt.compare("nouvelle-phrase-secrete", after.passwordHash ?? "")).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await loadActor(db, actor.id, before.sessionVersion)).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "user.password_change", entityId: actor.id },
    });
    expect(JSON.stringify(audit.after)).not.toContain("nouvelle-phrase-secrete");
    expect(await verifyCredentials(db, { email, password: "nouvelle-phrase-secrete" }, "1.1.1.1", ON)).toMatchObject({
      ok: true,
      sessionVersion: after.sessionVersion,
    });
  });

  it("refuses a new password past 72 bytes, a mismatch and the same password, in French", async () => {
    const actor = await actorByEmail(db, "rssi.ghbs@demo.socle.fr");
    const long = "é".repeat(40);
    await expectRefused(
      db,
      () => change(actor, { current: DEMO_PASSWORD, next: long, confirm: long }),
      "BAD_INPUT",
      /72 octets/,
      "next",
    );
    await expectRefused(
      db,
      () => change(actor, { current: DEMO_PASSWORD, next: "phrase-secrete-un", confirm: "phrase-secrete-deux" }),
      "BAD_INPUT",
      /pas identiques/,
      "confirm",
    );
    await expectRefused(
      db,
      () => change(actor, { current: DEMO_PASSWORD, next: DEMO_PASSWORD, confirm: DEMO_PASSWORD }),
      "BAD_INPUT",
      /différent de l'actuel/,
      "next",
    );
  });
});

describe("[AUTH] an admin's changes are shown at the user's next sign-in", () => {
  it("lists the role granted and the reset link sent since the previous sign-in, then nothing", async () => {
    const email = "delegue.bretagne@demo.socle.fr";
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    await verifyCredentials(db, { email, password: DEMO_PASSWORD }, "1.1.1.2", ON);
    const region = await db.region.findFirstOrThrow({ where: { code: "52" } });
    await viaRoute(ZMembershipInput, { role: "ars_reviewer", regionId: region.id }, (i) =>
      A.addMembership(db, admin, user.id, i, RID),
    );
    // The admin never types a password: they send a link, the person chooses one.
    const issued = await sendPasswordReset(db, admin, user.id, "https://socle.example.fr", RID);
    const token = issued.link.split("/invitation/")[1]!;
    await acceptWithPassword(
      db,
      { token, password: "ma-phrase-a-moi-2026", confirmation: "ma-phrase-a-moi-2026" },
      RID,
    );
    expect(await accountNotices(db, user.id)).toEqual([]); // not signed in since
    const signedIn = await verifyCredentials(db, { email, password: "ma-phrase-a-moi-2026" }, "1.1.1.2", ON);
    expect(signedIn).toMatchObject({ ok: true });
    const texts = (await accountNotices(db, user.id)).map((n) => n.text);
    expect(texts).toEqual([
      `Un administrateur vous a attribué le rôle « Instructeur ARS » (${region.name}).`,
      "Un administrateur vous a envoyé un lien pour choisir un nouveau mot de passe.",
    ]);
    const actor = (await loadActor(db, user.id, (signedIn as { sessionVersion: number }).sessionVersion))!;
    expect(actor.mustChangePassword).toBeUndefined(); // chosen by the person: nothing more to change
    // The next sign-in after that shows nothing new.
    await verifyCredentials(db, { email, password: "ma-phrase-a-moi-2026" }, "1.1.1.2", ON);
    expect(await accountNotices(db, user.id)).toEqual([]);
  });
});
