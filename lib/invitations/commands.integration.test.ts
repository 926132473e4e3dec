import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { demoFiness, seedDemo, seedPlaces } from "@/prisma/seed/seed";
import { actorByEmail, expectRefused, viaRoute } from "@/test/admin/kit";
import { createTestDb, type TestDb } from "@/test/db";
import { decodeBody, startSmtpSink } from "@/test/mail/smtp-sink";
import { env } from "@/lib/core/env";
import * as C from "./commands";
import { ZContributorInvitation, ZInvitationAccept, ZInvitationCreate } from "./schemas";
import { hashInvitationToken } from "./token";

// Invitations on a real database, mailed through a real SMTP server (smtp-server) by nodemailer.

let t: TestDb;
let db: PrismaClient;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let admin: Actor;
let director: Actor;
let rssi: Actor;
let ghbs = "";
let quimper = "";
const RID = "req-invitation-test";
const ORIGIN = "https://socle.example.fr";
const tokenOf = (link: string) => link.split("/invitation/")[1]!;

beforeAll(async () => {
  sink = await startSmtpSink();
  // env.ts read process.env at import: the setting is pointed at the test's server directly.
  env.smtpUrl = sink.url;
  t = await createTestDb();
  db = t.db;
  await seedPlaces(db);
  await seedDemo(db);
  admin = await actorByEmail(db, "admin@demo.socle.fr");
  director = await actorByEmail(db, "directrice.ghbs@demo.socle.fr");
  rssi = await actorByEmail(db, "rssi.ghbs@demo.socle.fr");
  ghbs = director.memberships[0]!.establishmentId!;
  quimper = (await db.establishment.findUniqueOrThrow({ where: { finess: demoFiness("29", "02") } })).id;
});

afterAll(async () => {
  env.smtpUrl = undefined;
  await t?.close();
  await sink?.close();
});

const adminInvite = (raw: unknown, actor = admin) =>
  viaRoute(ZInvitationCreate, raw, (i) => C.inviteByAdmin(db, actor, i, ORIGIN, RID));
const accept = (raw: unknown) => viaRoute(ZInvitationAccept, raw, (i) => C.acceptWithPassword(db, i, RID));

describe("[INVITATIONS] the admin invites", () => {
  it("[INVITATIONS] creates the account without a password, its role, a hashed single link, mails it and audits", async () => {
    const issued = await adminInvite({
      email: " Marie.Dupont@CH-Exemple.fr ",
      name: "Marie Dupont",
      title: "DPO",
      role: "contributor",
      function: "DPO",
      establishmentId: ghbs,
    });
    expect(issued).toMatchObject({ email: "marie.dupont@ch-exemple.fr", mail: "sent" });
    expect(issued.link).toMatch(/^https:\/\/socle\.example\.fr\/invitation\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(issued.link);
    const user = await db.user.findUniqueOrThrow({
      where: { id: issued.userId },
      include: { memberships: true, invitations: true },
    });
    expect(user.passwordHash).toBeNull();
    expect(user.memberships).toMatchObject([{ role: "contributor", function: "DPO", establishmentId: ghbs }]);
    expect(user.invitations).toHaveLength(1);
    expect(user.invitations[0]!.tokenHash).toBe(hashInvitationToken(token));
    const hours = (user.invitations[0]!.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    const events = await db.auditEvent.findMany({ where: { action: "invitation.create", entityId: user.id } });
    expect(events).toHaveLength(1);
    expect(events[0]!.establishmentId).toBe(ghbs);
    // The token is nowhere in the database: not in the audit trail, not in any row.
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain(token);
    const mail = sink.received.at(-1)!;
    expect(mail.to).toEqual(["marie.dupont@ch-exemple.fr"]);
    const text = decodeBody(mail.raw);
    expect(text).toContain(issued.link);
    expect(text).toContain("Bonjour Marie Dupont,");
    expect(text).toContain("ne sert qu'une fois");
  });

  it.each([
    [
      "a taken email (any case)",
      { email: "ADMIN@demo.socle.fr", name: "X", role: "admin" },
      "CONFLICT",
      /existe déjà/,
      "email",
    ],
    [
      "no role scope",
      { email: "x@y.fr", name: "X", role: "director" },
      "BAD_INPUT",
      /Choisissez l'établissement/,
      "establishmentId",
    ],
    [
      "a password field",
      { email: "x@y.fr", name: "X", role: "admin", password: "mot-de-passe-long" },
      "BAD_INPUT",
      /Champ non prévu : password/,
      "_",
    ],
    [
      "an unknown establishment",
      { email: "x@y.fr", name: "X", role: "director", establishmentId: "nope" },
      "BAD_INPUT",
      /inconnu/,
      "establishmentId",
    ],
    ["no name", { email: "x@y.fr", role: "admin" }, "BAD_INPUT", /Saisissez le nom/, "name"],
  ] as const)("[INVITATIONS] refuses %s: nothing written", async (_label, raw, code, message, field) => {
    const sent = sink.received.length;
    await expectRefused(db, () => adminInvite(raw), code, message, field);
    expect(sink.received.length).toBe(sent);
  });

  it("[INVITATIONS] a director or contributor cannot use the admin invitation", async () => {
    for (const actor of [director, rssi])
      await expectRefused(
        db,
        () => adminInvite({ email: "pirate@y.fr", name: "P", role: "admin" }, actor),
        "NOT_FOUND",
        /introuvable/,
      );
  });
});

describe("[INVITATIONS] the invited person", () => {
  it("[INVITATIONS] sets a password once; the link is then dead; they sign in with it", async () => {
    const issued = await adminInvite({ email: "paul@exemple.fr", name: "Paul", role: "admin" });
    const token = tokenOf(issued.link);
    expect(await C.findUsableInvitation(db, token)).toMatchObject({ email: "paul@exemple.fr", name: "Paul" });
    expect(await accept({ token, password: "un-long-mot-de-passe", confirmation: "un-long-mot-de-passe" })).toEqual({
      email: "paul@exemple.fr",
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: issued.userId } });
    expect(await bcrypt.compare("un-long-mot-de-passe", user.passwordHash!)).toBe(true);
    expect(
      await verifyCredentials(db, { email: "paul@exemple.fr", password: "un-long-mot-de-passe" }, "1.2.3.4", {
        demo: false,
      }),
    ).toMatchObject({ ok: true, userId: issued.userId });
    expect(await db.auditEvent.count({ where: { action: "invitation.accept", actorId: issued.userId } })).toBe(1);
    // Single use: the same link again changes nothing.
    await expectRefused(
      db,
      () => accept({ token, password: "autre-mot-de-passe-long", confirmation: "autre-mot-de-passe-long" }),
      "NOT_FOUND",
      /n'est plus valable/,
    );
    expect(await C.findUsableInvitation(db, token)).toBeNull();
  });

  it("[INVITATIONS] an expired link, a made-up token and mismatched passwords are refused", async () => {
    const issued = await adminInvite({ email: "expire@exemple.fr", name: "E", role: "admin" });
    const token = tokenOf(issued.link);
    await expectRefused(
      db,
      () => accept({ token, password: "un-long-mot-de-passe", confirmation: "un-autre-mot-de-passe" }),
      "BAD_INPUT",
      /pas identiques/,
      "confirmation",
    );
    await expectRefused(
      db,
      () => accept({ token, password: "court", confirmation: "court" }),
      "BAD_INPUT",
      /au moins 12/,
      "password",
    );
    await db.invitation.updateMany({
      where: { userId: issued.userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    for (const bad of [token, "A".repeat(43), "trop-court"])
      await expectRefused(
        db,
        () => accept({ token: bad, password: "un-long-mot-de-passe", confirmation: "un-long-mot-de-passe" }),
        "NOT_FOUND",
        /n'est plus valable/,
      );
  });

  it("[INVITATIONS] a new link replaces the old one; an activated account gets no new link", async () => {
    const first = await adminInvite({ email: "relance@exemple.fr", name: "R", role: "admin" });
    const second = await C.reinvite(db, admin, first.userId, ORIGIN, RID);
    expect(second.link).not.toBe(first.link);
    expect(await C.findUsableInvitation(db, tokenOf(first.link))).toBeNull();
    await accept({
      token: tokenOf(second.link),
      password: "un-long-mot-de-passe",
      confirmation: "un-long-mot-de-passe",
    });
    await expectRefused(db, () => C.reinvite(db, admin, first.userId, ORIGIN, RID), "CONFLICT", /déjà activé/);
    await expectRefused(db, () => C.reinvite(db, director, first.userId, ORIGIN, RID), "NOT_FOUND", /introuvable/);
  });
});

describe("[INVITATIONS] a director invites a contributor", () => {
  const invite = (establishmentId: string, raw: unknown, actor = director) =>
    viaRoute(ZContributorInvitation, raw, (i) => C.inviteContributor(db, actor, establishmentId, i, ORIGIN, RID));

  it("[INVITATIONS] to their own establishment only, as a contributor with a function", async () => {
    const issued = await invite(ghbs, { email: "dsi.adjoint@ghbs.fr", name: "Adjoint DSI", function: "DSI" });
    const memberships = await db.membership.findMany({ where: { userId: issued.userId } });
    expect(memberships).toMatchObject([{ role: "contributor", function: "DSI", establishmentId: ghbs }]);
    await expectRefused(
      db,
      () => invite(quimper, { email: "a@b.fr", name: "A", function: "DSI" }),
      "NOT_FOUND",
      /introuvable/,
    );
    await expectRefused(
      db,
      () => invite(ghbs, { email: "a@b.fr", name: "A", function: "DSI" }, rssi),
      "NOT_FOUND",
      /introuvable/,
    );
    await expectRefused(
      db,
      () => invite(ghbs, { email: "a@b.fr", name: "A", function: "DSI", role: "director" }),
      "BAD_INPUT",
      /Champ non prévu : role/,
      "_",
    );
  });
});
