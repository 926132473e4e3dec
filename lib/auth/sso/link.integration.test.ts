import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { inviteByAdmin } from "@/lib/invitations/commands";
import { demoFiness, seedDemo, seedPlaces } from "@/prisma/seed/seed";
import { actorByEmail } from "@/test/admin/kit";
import { createTestDb, type TestDb } from "@/test/db";
import type { SsoIdentity } from "./identity";
import { resolveSsoSignIn } from "./link";

// "Never a role from a claim alone": every way an SSO identity could reach an account, on a real database.

let t: TestDb;
let db: PrismaClient;
let admin: Actor;
let ghbs = "";
const GHBS_SIRET = "26560999900015";
const GHBS_FINESS = demoFiness("56", "01");

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  await seedPlaces(db);
  await seedDemo(db);
  admin = await actorByEmail(db, "admin@demo.socle.fr");
  ghbs = (await db.establishment.findUniqueOrThrow({ where: { finess: GHBS_FINESS } })).id;
});
afterAll(async () => {
  await t?.close();
});

const identity = (over: Partial<SsoIdentity>): SsoIdentity => ({
  provider: "proconnect",
  subject: `sub-${Math.random().toString(36).slice(2)}`,
  email: null,
  name: "X",
  siret: null,
  finess: [],
  nationalId: null,
  acr: "eidas1",
  ...over,
});
const invite = (email: string, membership: Parameters<typeof inviteByAdmin>[2]["membership"]) =>
  inviteByAdmin(db, admin, { email, name: email, membership }, "http://localhost", "rid");
const links = (userId: string) => db.ssoLink.findMany({ where: { userId } });
const refusals = () => db.auditEvent.count({ where: { action: "sso.refuse" } });

describe("[SSO] linking an SSO identity to an account", () => {
  it("[SSO] an unknown email is refused, audited, nothing linked", async () => {
    const before = await db.ssoLink.count();
    const r0 = await refusals();
    expect(await resolveSsoSignIn(db, identity({ email: "personne@ailleurs.fr" }))).toEqual({
      ok: false,
      reason: "unknown",
    });
    expect(await db.ssoLink.count()).toBe(before);
    expect(await refusals()).toBe(r0 + 1);
  });

  it("[SSO] a demo account that was never invited is not reachable by its email", async () => {
    const r = await resolveSsoSignIn(db, identity({ email: "dsi.ghbs@demo.socle.fr", siret: GHBS_SIRET }));
    expect(r).toEqual({ ok: false, reason: "unknown" });
  });

  it("[SSO] an invited account links by lower-cased email + SIREN; later sign-ins match on (provider, subject)", async () => {
    const issued = await invite("agent@ghbs.fr", { role: "contributor", function: "DSI", establishmentId: ghbs });
    const me = identity({ email: "agent@ghbs.fr", siret: "26560999900023" }); // another site, same SIREN
    expect(await resolveSsoSignIn(db, me)).toEqual({ ok: true, userId: issued.userId, linked: true });
    expect(await links(issued.userId)).toMatchObject([{ provider: "proconnect", subject: me.subject, acr: "eidas1" }]);
    expect(await db.invitation.count({ where: { userId: issued.userId, acceptedAt: null } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "sso.link", actorId: issued.userId } })).toBe(1);
    // The email at the provider changed: the (provider, subject) pair still finds the account.
    const again = await resolveSsoSignIn(db, { ...me, email: "nouvelle@ailleurs.fr", acr: "eidas1-mfa" });
    expect(again).toEqual({ ok: true, userId: issued.userId, linked: false });
    expect((await links(issued.userId))[0]).toMatchObject({ acr: "eidas1", lastAcr: "eidas1-mfa" });
    // Another subject with the same email cannot take the account over.
    expect(await resolveSsoSignIn(db, identity({ email: "agent@ghbs.fr", siret: GHBS_SIRET }))).toEqual({
      ok: false,
      reason: "already_linked",
    });
  });

  it("[SSO] a SIRET or FINESS of another organisation is refused, nothing linked", async () => {
    const issued = await invite("rssi@ghbs.fr", { role: "contributor", function: "RSSI", establishmentId: ghbs });
    expect(await resolveSsoSignIn(db, identity({ email: "rssi@ghbs.fr", siret: "13000000000010" }))).toEqual({
      ok: false,
      reason: "establishment",
    });
    expect(
      await resolveSsoSignIn(
        db,
        identity({ provider: "psc", email: "rssi@ghbs.fr", finess: [demoFiness("29", "02")] }),
      ),
    ).toEqual({ ok: false, reason: "establishment" });
    expect(await links(issued.userId)).toEqual([]);
    expect(await db.invitation.count({ where: { userId: issued.userId, acceptedAt: null } })).toBe(1);
  });

  it("[SSO] PSC without email links through the invitation link, with the FINESS of the account's establishment", async () => {
    const issued = await invite("medecin@ghbs.fr", { role: "contributor", function: "OTHER", establishmentId: ghbs });
    const token = issued.link.split("/invitation/")[1]!;
    const psc = identity({ provider: "psc", finess: ["560999997", GHBS_FINESS], nationalId: "810001234567" });
    expect(await resolveSsoSignIn(db, psc)).toEqual({ ok: false, reason: "unknown" }); // no email, no invitation
    expect(await resolveSsoSignIn(db, psc, { invitationToken: token })).toEqual({
      ok: true,
      userId: issued.userId,
      linked: true,
    });
    // The link is used up.
    const other = identity({ provider: "proconnect", email: null });
    expect(await resolveSsoSignIn(db, other, { invitationToken: token })).toEqual({ ok: false, reason: "unknown" });
  });

  it("[SSO] through an invitation, the provider's email must be the invited one", async () => {
    const issued = await invite("exact@ghbs.fr", { role: "director", establishmentId: ghbs });
    const token = issued.link.split("/invitation/")[1]!;
    const r = await resolveSsoSignIn(db, identity({ email: "autre@ghbs.fr", siret: GHBS_SIRET }), {
      invitationToken: token,
    });
    expect(r).toEqual({ ok: false, reason: "email" });
  });

  it("[SSO] the platform admin and a disabled account are never reached by SSO", async () => {
    const adminInvited = await invite("admin2@socle.fr", { role: "admin" });
    expect(await resolveSsoSignIn(db, identity({ email: "admin2@socle.fr" }))).toEqual({ ok: false, reason: "admin" });
    const delegate = await invite("delegue@fhf.fr", {
      role: "regional_delegate",
      regionId: (await db.region.findUniqueOrThrow({ where: { code: "53" } })).id,
    });
    await db.user.update({ where: { id: delegate.userId }, data: { disabled: true } });
    expect(await resolveSsoSignIn(db, identity({ email: "delegue@fhf.fr" }))).toEqual({
      ok: false,
      reason: "disabled",
    });
    expect(await links(adminInvited.userId)).toEqual([]);
  });
});
