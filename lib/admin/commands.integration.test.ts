import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { ZMembershipInput } from "@/lib/auth/membership-input";
import { withFinessKey } from "@/lib/establishments/finess";
import { demoFiness, seedDemo, seedPlaces } from "@/prisma/seed/seed";
import { createTestDb, type TestDb } from "@/test/db";
import { acceptWithPassword, findUsableInvitation, inviteByAdmin, sendPasswordReset } from "@/lib/invitations/commands";
import { sealSecret } from "@/lib/auth/second-factor/secret-box";
import { newTotpSecret, totpCode } from "@/lib/auth/second-factor/totp";
import * as A from "./commands";
import * as Q from "./queries";
import * as S from "./schemas";
import { loadActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/sign-in";
import { actorByEmail, expectOneAudit, expectRefused, viaRoute } from "@/test/admin/kit";

// Every admin action on a real database (PGlite, or TEST_DATABASE_URL's PostgreSQL), called as the
// route would: parse with the shared zod schema (a failure is the 400), then the action.

let t: TestDb;
let db: PrismaClient;
let admin: Actor;
let director: Actor;
let delegate: Actor;
const ids = {
  bretagne: "",
  pdl: "",
  armor: "",
  uhc: "",
  rennes: "",
  nantes: "",
  guingamp: "",
  saintBrieuc: "",
  quimper: "",
  nantesDirector: "",
};
const RID = "req-admin-test";
const wrongKey = (first8: string) => `${first8}${(Number(withFinessKey(first8)[8]) + 1) % 10}`;

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  await seedPlaces(db);
  await seedDemo(db);
  admin = await actorByEmail(db, "admin@demo.socle.fr");
  director = await actorByEmail(db, "directrice.ghbs@demo.socle.fr");
  delegate = await actorByEmail(db, "delegue.bretagne@demo.socle.fr");
  const region = (code: string) => db.region.findUniqueOrThrow({ where: { code } }).then((r) => r.id);
  const ght = (name: string) => db.ght.findUniqueOrThrow({ where: { name } }).then((g) => g.id);
  const est = (d: string, s: string) =>
    db.establishment.findUniqueOrThrow({ where: { finess: demoFiness(d, s) } }).then((e) => e.id);
  Object.assign(ids, {
    bretagne: await region("53"),
    pdl: await region("52"),
    armor: await ght("GHT d'Armor"),
    uhc: await ght("GHT Union Hospitalière de Cornouaille"),
    rennes: await est("35", "01"),
    nantes: await est("44", "01"),
    guingamp: await est("22", "02"),
    saintBrieuc: await est("22", "01"),
    quimper: await est("29", "02"),
    nantesDirector: (await db.user.findUniqueOrThrow({ where: { email: "directeur.nantes@demo.socle.fr" } })).id,
  });
});

afterAll(async () => {
  await t?.close();
});

const establishment = (over: Record<string, unknown> = {}) => ({
  finess: withFinessKey("22088801"),
  name: "CH de Lamballe",
  category: "CH",
  departementCode: "22",
  ghtId: ids.armor,
  annualActivity: 8000,
  ...over,
});
const createEst = (raw: unknown, actor = admin) =>
  viaRoute(S.ZEstablishmentInput, raw, (i) => A.createEstablishment(db, actor, i, RID));
const patchEst = (id: string, raw: unknown, actor = admin) =>
  viaRoute(S.ZEstablishmentPatch, raw, (i) =>
    "finess" in i ? A.updateEstablishment(db, actor, id, i, RID) : A.setEstablishmentDisabled(db, actor, id, i, RID),
  );

describe("[ADMIN] establishments", () => {
  it("[ADMIN] creates an establishment: region derived from the département, one audit event", async () => {
    const { result, event } = await expectOneAudit(
      db,
      () => createEst(establishment({ finess: ` ${withFinessKey("22088801").toLowerCase()} ` })),
      "establishment.create",
    );
    expect(result).toMatchObject({
      finess: withFinessKey("22088801"),
      regionId: ids.bretagne,
      ghtId: ids.armor,
      disabled: false,
    });
    expect(event).toMatchObject({
      entity: "Establishment",
      entityId: result.id,
      establishmentId: result.id,
      actorId: admin.id,
      before: null,
      requestId: RID,
    });
    expect(event.after).toMatchObject({ name: "CH de Lamballe", regionId: ids.bretagne });
  });

  it("[ADMIN] creates an overseas establishment: a 97x département takes a FINESS starting with 97", async () => {
    const { result } = await expectOneAudit(
      db,
      () =>
        createEst(
          establishment({
            finess: withFinessKey("97088801"),
            name: "CH de Basse-Terre",
            departementCode: "971",
            ghtId: null,
          }),
        ),
      "establishment.create",
    );
    expect(result.regionId).toBe((await db.region.findUniqueOrThrow({ where: { code: "01" } })).id);
  });

  it("[ADMIN] edits an establishment, with before and after in the audit event", async () => {
    const created = await createEst(establishment({ finess: withFinessKey("22088802"), name: "CH de Loudéac" }));
    const { result, event } = await expectOneAudit(
      db,
      () =>
        patchEst(
          created.id,
          establishment({ finess: created.finess, name: "CH du Centre-Bretagne", ghtId: null, annualActivity: null }),
        ),
      "establishment.update",
    );
    expect(result).toMatchObject({ name: "CH du Centre-Bretagne", ghtId: null, annualActivity: null });
    expect(event.before).toMatchObject({ name: "CH de Loudéac", ghtId: ids.armor, annualActivity: 8000 });
    expect(event.after).toMatchObject({ name: "CH du Centre-Bretagne", ghtId: null });
  });

  it("[ADMIN] disables then re-enables an establishment: a flag, never a delete", async () => {
    const created = await createEst(establishment({ finess: withFinessKey("22088803"), name: "CH de Dinan" }));
    const off = await expectOneAudit(db, () => patchEst(created.id, { disabled: true }), "establishment.disable");
    expect(off.result.disabled).toBe(true);
    expect(off.event).toMatchObject({ before: { disabled: false }, after: { disabled: true } });
    expect(await db.establishment.count({ where: { id: created.id } })).toBe(1);
    const on = await expectOneAudit(db, () => patchEst(created.id, { disabled: false }), "establishment.enable");
    expect(on.result.disabled).toBe(false);
  });

  const badCreates: [string, () => Record<string, unknown>, "BAD_INPUT" | "CONFLICT", RegExp, string][] = [
    ["an empty body", () => ({}), "BAD_INPUT", /FINESS est obligatoire/, "finess"],
    ["an empty name", () => establishment({ name: "   " }), "BAD_INPUT", /Saisissez le nom de l'établissement/, "name"],
    [
      "a name too long",
      () => establishment({ name: "x".repeat(201) }),
      "BAD_INPUT",
      /ne doit pas dépasser 200 caractères/,
      "name",
    ],
    [
      "a wrong FINESS key",
      () => establishment({ finess: wrongKey("22088809") }),
      "BAD_INPUT",
      /clé de contrôle/,
      "finess",
    ],
    [
      "a FINESS of another département",
      () => establishment({ finess: withFinessKey("35088801") }),
      "BAD_INPUT",
      /commence par « 22 »/,
      "finess",
    ],
    [
      "a metropolitan FINESS in a 97x département",
      () => establishment({ finess: withFinessKey("22088804"), departementCode: "972", ghtId: null }),
      "BAD_INPUT",
      /commence par « 97 »/,
      "finess",
    ],
    [
      "an unknown département",
      () => establishment({ finess: withFinessKey("98088801"), departementCode: "988" }),
      "BAD_INPUT",
      /département est inconnu/,
      "departementCode",
    ],
    ["an unknown GHT", () => establishment({ ghtId: "ght-inconnu" }), "BAD_INPUT", /GHT est inconnu/, "ghtId"],
    [
      "a GHT of another region",
      () => establishment({ finess: withFinessKey("44088801"), departementCode: "44" }),
      "BAD_INPUT",
      /autre région/,
      "ghtId",
    ],
    [
      "a duplicate FINESS",
      () => establishment({ finess: demoFiness("35", "01"), departementCode: "35", ghtId: null }),
      "CONFLICT",
      /déjà celui de « CHU de Rennes »/,
      "finess",
    ],
    [
      "a regionId (derived, never input)",
      () => establishment({ regionId: "x" }),
      "BAD_INPUT",
      /Champ non prévu : regionId/,
      "_",
    ],
    [
      "an unknown category",
      () => establishment({ category: "CLINIQUE" }),
      "BAD_INPUT",
      /Choisissez une catégorie/,
      "category",
    ],
    [
      "a negative activity",
      () => establishment({ annualActivity: -1 }),
      "BAD_INPUT",
      /ne peut pas être négative/,
      "annualActivity",
    ],
    [
      "an activity above 10,000,000",
      () => establishment({ annualActivity: 10_000_001 }),
      "BAD_INPUT",
      /dépasser 10 000 000/,
      "annualActivity",
    ],
    [
      "a fractional activity",
      () => establishment({ annualActivity: 12.5 }),
      "BAD_INPUT",
      /nombre entier/,
      "annualActivity",
    ],
  ];
  it.each(badCreates)(
    "[ADMIN] refuses to create an establishment with %s: nothing written",
    async (_label, body, code, message, field) => {
      await expectRefused(db, () => createEst(body()), code, message, field);
    },
  );

  it("[ADMIN] refuses bad edits and toggles: unknown id, bad flag, duplicate FINESS, support leaving its GHT", async () => {
    await expectRefused(db, () => patchEst("inconnu", establishment()), "NOT_FOUND", /introuvable/);
    await expectRefused(db, () => patchEst("inconnu", { disabled: true }), "NOT_FOUND", /introuvable/);
    await expectRefused(db, () => patchEst(ids.guingamp, { disabled: "oui" }), "BAD_INPUT", /vrai ou faux/, "disabled");
    await expectRefused(
      db,
      () => patchEst(ids.guingamp, establishment({ finess: demoFiness("22", "01") })),
      "CONFLICT",
      /déjà celui de/,
      "finess",
    );
    const support = establishment({ finess: demoFiness("22", "01"), name: "CH de Saint-Brieuc", ghtId: null });
    await expectRefused(
      db,
      () => patchEst(ids.saintBrieuc, support),
      "BAD_INPUT",
      /support du GHT « GHT d'Armor »/,
      "ghtId",
    );
  });
});

describe("[ADMIN] GHTs", () => {
  const createGht = (raw: unknown, actor = admin) => viaRoute(S.ZGhtInput, raw, (i) => A.createGht(db, actor, i, RID));
  const updateGht = (id: string, raw: unknown, actor = admin) =>
    viaRoute(S.ZGhtInput, raw, (i) => A.updateGht(db, actor, id, i, RID));

  it("[ADMIN] creates a GHT whose support joins it, then edits it; one audit event each", async () => {
    // Every demo public establishment is already in a GHT (law of 2016): a new one, outside any GHT.
    const support = (
      await db.establishment.create({
        data: {
          finess: withFinessKey("35099980"),
          name: "CH fictif de Brocéliande",
          category: "CH",
          departementCode: "35",
          regionId: ids.bretagne,
        },
      })
    ).id;
    const { result, event } = await expectOneAudit(
      db,
      () => createGht({ name: "GHT de test", regionId: ids.bretagne, supportEstablishmentId: support }),
      "ght.create",
    );
    expect(result).toMatchObject({ regionId: ids.bretagne, supportEstablishmentId: support });
    expect(event.after).toMatchObject({ supportJoined: true });
    expect((await db.establishment.findUniqueOrThrow({ where: { id: support } })).ghtId).toBe(result.id);
    const edit = await expectOneAudit(
      db,
      () => updateGht(result.id, { name: "GHT de test bis", regionId: ids.bretagne, supportEstablishmentId: null }),
      "ght.update",
    );
    expect(edit.result).toMatchObject({ name: "GHT de test bis", supportEstablishmentId: null });
    expect(edit.event.before).toMatchObject({ name: "GHT de test", supportEstablishmentId: support });
  });

  it.each([
    ["an empty body", {}, "BAD_INPUT", /Saisissez le nom du GHT/, "name"],
    ["an empty name", { name: "", regionId: "x" }, "BAD_INPUT", /Saisissez le nom du GHT/, "name"],
    ["a name too long", { name: "G".repeat(201), regionId: "x" }, "BAD_INPUT", /dépasser 200/, "name"],
    ["an unknown region", { name: "GHT X", regionId: "inconnue" }, "BAD_INPUT", /région est inconnue/, "regionId"],
    ["a duplicate name", { name: "GHT d'Armor", regionId: "@bretagne" }, "CONFLICT", /déjà ce nom/, "name"],
    [
      "a support of another region",
      { name: "GHT X", regionId: "@bretagne", supportEstablishmentId: "@nantes" },
      "BAD_INPUT",
      /région du GHT/,
      "supportEstablishmentId",
    ],
    [
      "a support member of another GHT",
      { name: "GHT X", regionId: "@bretagne", supportEstablishmentId: "@guingamp" },
      "BAD_INPUT",
      /membre d'un autre GHT/,
      "supportEstablishmentId",
    ],
    [
      "an unknown support",
      { name: "GHT X", regionId: "@bretagne", supportEstablishmentId: "inconnu" },
      "BAD_INPUT",
      /établissement est inconnu/,
      "supportEstablishmentId",
    ],
  ] as const)("[ADMIN] refuses to create a GHT with %s: nothing written", async (_label, raw, code, message, field) => {
    const body = Object.fromEntries(
      Object.entries(raw).map(([k, v]) => [
        k,
        typeof v === "string" && v.startsWith("@") ? ids[v.slice(1) as keyof typeof ids] : v,
      ]),
    );
    await expectRefused(db, () => createGht(body), code, message, field);
  });

  it("[ADMIN] refuses bad GHT edits: unknown id, a region its members are not in", async () => {
    await expectRefused(
      db,
      () => updateGht("inconnu", { name: "GHT X", regionId: ids.bretagne }),
      "NOT_FOUND",
      /introuvable/,
    );
    await expectRefused(
      db,
      () => updateGht(ids.armor, { name: "GHT d'Armor", regionId: ids.pdl }),
      "BAD_INPUT",
      /autre région/,
      "regionId",
    );
    await expectRefused(
      db,
      () => updateGht(ids.armor, { name: "GHT Union Hospitalière de Cornouaille", regionId: ids.bretagne }),
      "CONFLICT",
      /déjà ce nom/,
      "name",
    );
  });
});

describe("[ADMIN] regions", () => {
  const createRegion = (raw: unknown) => viaRoute(S.ZRegionInput, raw, (i) => A.createRegion(db, admin, i, RID));
  const updateRegion = (id: string, raw: unknown) =>
    viaRoute(S.ZRegionUpdate, raw, (i) => A.updateRegion(db, admin, id, i, RID));

  it("[ADMIN] creates a region and renames it; one audit event each", async () => {
    const { result, event } = await expectOneAudit(
      db,
      () => createRegion({ code: "99", name: "Région d'essai" }),
      "region.create",
    );
    expect(event).toMatchObject({
      entity: "Region",
      entityId: result.id,
      before: null,
      after: { code: "99", name: "Région d'essai" },
    });
    const edit = await expectOneAudit(
      db,
      () => updateRegion(result.id, { name: "Région d'essai renommée" }),
      "region.update",
    );
    expect(edit.event).toMatchObject({
      before: { name: "Région d'essai" },
      after: { name: "Région d'essai renommée" },
    });
  });

  it.each([
    ["an empty body", {}, "BAD_INPUT", /code INSEE/, "code"],
    ["a code too short", { code: "5", name: "X" }, "BAD_INPUT", /2 ou 3 caractères/, "code"],
    ["a code too long", { code: "5333", name: "X" }, "BAD_INPUT", /2 ou 3 caractères/, "code"],
    ["an empty name", { code: "98", name: " " }, "BAD_INPUT", /nom de la région/, "name"],
    ["a name too long", { code: "98", name: "R".repeat(101) }, "BAD_INPUT", /dépasser 100/, "name"],
    ["a duplicate code", { code: "53", name: "Armorique" }, "CONFLICT", /déjà celui de la région Bretagne/, "code"],
    ["a duplicate name", { code: "98", name: "Bretagne" }, "CONFLICT", /déjà ce nom/, "name"],
  ] as const)(
    "[ADMIN] refuses to create a region with %s: nothing written",
    async (_label, raw, code, message, field) => {
      await expectRefused(db, () => createRegion(raw), code, message, field);
    },
  );

  it("[ADMIN] refuses bad region edits: unknown id, a code change, a taken name", async () => {
    await expectRefused(db, () => updateRegion("inconnue", { name: "X" }), "NOT_FOUND", /introuvable/);
    await expectRefused(
      db,
      () => updateRegion(ids.bretagne, { code: "54", name: "Bretagne" }),
      "BAD_INPUT",
      /Champ non prévu : code/,
      "_",
    );
    await expectRefused(
      db,
      () => updateRegion(ids.bretagne, { name: "Pays de la Loire" }),
      "CONFLICT",
      /déjà ce nom/,
      "name",
    );
  });
});

describe("[ADMIN] users", () => {
  const updateUser = (id: string, raw: unknown, actor = admin) =>
    viaRoute(S.ZUserUpdate, raw, (i) => A.updateUser(db, actor, id, i, RID));
  // Accounts are created by invitation (lib/invitations has its own tests).
  const createUser = (email: string) =>
    inviteByAdmin(
      db,
      admin,
      { email, name: "Nouvelle Personne", title: "DSI", membership: { role: "admin" } },
      "http://localhost",
      RID,
    ).then((issued) => ({ id: issued.userId }));

  it("[ADMIN] edits a user (name, title, disabled flag) with before/after, never a password", async () => {
    const user = await createUser("a.editer@exemple.fr");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
    const body = { name: "Nom changé", title: "", disabled: true };
    const { result, event } = await expectOneAudit(db, () => updateUser(user.id, body), "user.update");
    expect(result).toMatchObject({ name: "Nom changé", title: null, disabled: true });
    expect(event.before).toMatchObject({ name: "Nouvelle Personne", title: "DSI", disabled: false });
    expect(event.after).toMatchObject({ name: "Nom changé", disabled: true });
    // No admin ever types a password: the field does not exist any more (a reset link instead).
    await expectRefused(
      db,
      () => updateUser(user.id, { ...body, password: "un-autre-mot-de-passe" }),
      "BAD_INPUT",
      /Champ non prévu : password/,
      "_",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
  });

  it("[ADMIN] refuses bad user edits: unknown id, an unknown field, disabling oneself", async () => {
    const body = { name: "X", disabled: false };
    await expectRefused(db, () => updateUser("inconnu", body), "NOT_FOUND", /introuvable/);
    await expectRefused(
      db,
      () => updateUser(ids.nantesDirector, { ...body, email: "x@y.fr" }),
      "BAD_INPUT",
      /Champ non prévu : email/,
      "_",
    );
    await expectRefused(
      db,
      () => updateUser(admin.id, { name: admin.name, disabled: true }),
      "FORBIDDEN",
      /propre compte/,
      "disabled",
    );
  });
});

describe("[ADMIN] memberships", () => {
  const add = (userId: string, raw: unknown, actor = admin) =>
    viaRoute(ZMembershipInput, raw, (i) => A.addMembership(db, actor, userId, i, RID));
  const remove = (userId: string, membershipId: string, actor = admin) =>
    viaRoute(S.ZEmpty, {}, () => A.removeMembership(db, actor, userId, membershipId, RID));

  it("[ADMIN] adds memberships of every role with the scope it needs, then removes one (a delete, audited)", async () => {
    const target = ids.nantesDirector;
    const contributor = await expectOneAudit(
      db,
      () => add(target, { role: "contributor", function: "RSSI", establishmentId: ids.quimper }),
      "membership.create",
    );
    expect(contributor.result).toMatchObject({
      role: "contributor",
      function: "RSSI",
      establishmentId: ids.quimper,
      ghtId: null,
      regionId: null,
    });
    expect(contributor.event).toMatchObject({ entity: "Membership", establishmentId: ids.quimper, before: null });
    await expectOneAudit(db, () => add(target, { role: "ght_coordinator", ghtId: ids.uhc }), "membership.create");
    await expectOneAudit(db, () => add(target, { role: "ars_reviewer", regionId: ids.pdl }), "membership.create");
    await expectOneAudit(db, () => add(target, { role: "admin" }), "membership.create");
    const removed = await expectOneAudit(db, () => remove(target, contributor.result.id), "membership.delete");
    expect(removed.event).toMatchObject({ before: { role: "contributor", establishmentId: ids.quimper }, after: null });
    expect(await db.membership.count({ where: { id: contributor.result.id } })).toBe(0);
  });

  it.each([
    ["no role", {}, "BAD_INPUT", /Choisissez un rôle/, "role"],
    ["an unknown role", { role: "superadmin" }, "BAD_INPUT", /Choisissez un rôle/, "role"],
    [
      "a director without establishment",
      { role: "director" },
      "BAD_INPUT",
      /Choisissez l'établissement/,
      "establishmentId",
    ],
    [
      "a director with a GHT",
      { role: "director", establishmentId: "@quimper", ghtId: "@uhc" },
      "BAD_INPUT",
      /non prévu pour ce rôle : ghtId/,
      "_",
    ],
    [
      "a director with a function",
      { role: "director", function: "DSI", establishmentId: "@quimper" },
      "BAD_INPUT",
      /non prévu pour ce rôle : function/,
      "_",
    ],
    [
      "a contributor without function",
      { role: "contributor", establishmentId: "@quimper" },
      "BAD_INPUT",
      /fonction du contributeur/,
      "function",
    ],
    [
      "an admin with a region",
      { role: "admin", regionId: "@bretagne" },
      "BAD_INPUT",
      /non prévu pour ce rôle : regionId/,
      "_",
    ],
    [
      "a delegate with an establishment",
      { role: "regional_delegate", establishmentId: "@quimper" },
      "BAD_INPUT",
      /Choisissez la région/,
      "regionId",
    ],
    [
      "an unknown establishment",
      { role: "director", establishmentId: "inconnu" },
      "BAD_INPUT",
      /établissement est inconnu/,
      "establishmentId",
    ],
    ["an unknown GHT", { role: "ght_coordinator", ghtId: "inconnu" }, "BAD_INPUT", /GHT est inconnu/, "ghtId"],
    [
      "an unknown region",
      { role: "ars_reviewer", regionId: "inconnue" },
      "BAD_INPUT",
      /région est inconnue/,
      "regionId",
    ],
    ["a role already held", { role: "director", establishmentId: "@nantes" }, "CONFLICT", /déjà ce rôle/, undefined],
  ] as const)("[ADMIN] refuses a membership with %s: nothing written", async (_label, raw, code, message, field) => {
    const body = Object.fromEntries(
      Object.entries(raw).map(([k, v]) => [
        k,
        typeof v === "string" && v.startsWith("@") ? ids[v.slice(1) as keyof typeof ids] : v,
      ]),
    );
    await expectRefused(db, () => add(ids.nantesDirector, body), code, message, field);
  });

  it("[ADMIN] refuses a membership on a disabled establishment, for an unknown user, and bad removals", async () => {
    const closed = await createEst(establishment({ finess: withFinessKey("22088805"), name: "CH fermé" }));
    await A.setEstablishmentDisabled(db, admin, closed.id, { disabled: true }, RID);
    await expectRefused(
      db,
      () => add(ids.nantesDirector, { role: "director", establishmentId: closed.id }),
      "BAD_INPUT",
      /désactivé/,
      "establishmentId",
    );
    await expectRefused(db, () => add("inconnu", { role: "admin" }), "NOT_FOUND", /introuvable/);
    const other = await db.membership.findFirstOrThrow({ where: { userId: director.id } });
    await expectRefused(db, () => remove(ids.nantesDirector, other.id), "NOT_FOUND", /introuvable/);
    await expectRefused(db, () => remove(ids.nantesDirector, "inconnu"), "NOT_FOUND", /introuvable/);
    const own = await db.membership.findFirstOrThrow({ where: { userId: admin.id, role: "admin" } });
    await expectRefused(db, () => remove(admin.id, own.id), "FORBIDDEN", /propre rôle d'administrateur/);
  });

  it("[ADMIN] the admin cannot grant itself a role in an establishment, a GHT or a region", async () => {
    for (const body of [
      { role: "director", establishmentId: ids.rennes },
      { role: "contributor", function: "RSSI", establishmentId: ids.rennes },
      { role: "ght_coordinator", ghtId: ids.armor },
      { role: "regional_delegate", regionId: ids.bretagne },
      { role: "ars_reviewer", regionId: ids.bretagne },
    ]) {
      await expectRefused(db, () => add(admin.id, body), "FORBIDDEN", /vous attribuer un rôle/);
    }
  });

  it("[ADMIN] a password reset is a single-use link the person follows: the admin never knows the password", async () => {
    // Accounts come from invitations now; this one is written directly, with a password already set.
    const user = await db.user.create({
      data: {
        email: "reinit@exemple.fr",
        name: "Réinitialisée",
        passwordHash: await hashPassword("mot-de-passe-initial"),
      },
    });
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const { result: issued, event } = await expectOneAudit(
      db,
      () => sendPasswordReset(db, admin, user.id, "https://socle.example.fr", RID),
      "password_reset.issue",
    );
    expect(issued.purpose).toBe("password_reset");
    expect(issued.link).toMatch(/^https:\/\/socle\.example\.fr\/invitation\/[A-Za-z0-9_-]{43}$/);
    expect(issued.mail).toBe("off"); // no SMTP_URL here: the link is printed for the admin
    expect(JSON.stringify(event.after)).not.toContain(issued.link.split("/invitation/")[1]);
    // Until the person chooses, the current password still works and no session ended.
    const unchanged = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(unchanged.passwordHash).toBe(before.passwordHash);
    expect(unchanged.sessionVersion).toBe(before.sessionVersion);

    const token = issued.link.split("/invitation/")[1]!;
    expect(await findUsableInvitation(db, token)).toMatchObject({ purpose: "password_reset", userId: user.id });
    await acceptWithPassword(
      db,
      { token, password: "mon-nouveau-mot-de-passe", confirmation: "mon-nouveau-mot-de-passe" },
      RID,
    );
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await bcrypt.compare("mon-nouveau-mot-de-passe", after.passwordHash ?? "")).toBe(true);
    expect(after.mustChangePassword).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1); // every open session ends
    expect(await loadActor(db, user.id, before.sessionVersion)).toBeNull();
    const accepted = await db.auditEvent.findFirstOrThrow({
      where: { entityId: user.id, action: "password_reset.accept" },
    });
    expect(accepted.actorId).toBe(user.id);
    // Single use.
    expect(await findUsableInvitation(db, token)).toBeNull();
    // An account that never chose a password gets an invitation instead; a disabled one nothing.
    const invited = await inviteByAdmin(
      db,
      admin,
      { email: "jamais.active@exemple.fr", name: "Jamais active", membership: { role: "admin" } },
      "http://localhost",
      RID,
    ).then((i) => ({ id: i.userId }));
    await expectRefused(
      db,
      () => sendPasswordReset(db, admin, invited.id, "https://socle.example.fr", RID),
      "CONFLICT",
      /lien d'invitation/,
    );
  });

  it("[ADMIN] resets another admin's authenticator (audited, sessions end); one's own only with a current code", async () => {
    const secret = newTotpSecret();
    const other = await db.user.create({
      data: {
        email: "autre.admin@exemple.fr",
        name: "Autre admin",
        passwordHash: await hashPassword("mot-de-passe-initial"),
        totpSecret: sealSecret(secret),
        totpEnabledAt: new Date(),
        memberships: { create: { role: "admin" } },
        recoveryCodes: { create: [{ codeHash: "a" }, { codeHash: "b" }] },
      },
    });
    const reset = (userId: string, raw: unknown, actor = admin) =>
      viaRoute(S.ZSecondFactorReset, raw, (i) => A.resetSecondFactor(db, actor, userId, i, RID));
    const { event } = await expectOneAudit(db, () => reset(other.id, {}), "totp.reset");
    expect(event.before).toMatchObject({ recoveryCodesLeft: 2 });
    expect(JSON.stringify([event.before, event.after])).not.toContain(secret);
    const after = await db.user.findUniqueOrThrow({ where: { id: other.id } });
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, sessionVersion: 1 });
    expect(await db.recoveryCode.count({ where: { userId: other.id } })).toBe(0);
    await expectRefused(db, () => reset(other.id, {}), "CONFLICT", /pas d'application/);

    // One's own: a stolen session alone cannot remove the factor.
    const own = newTotpSecret();
    await db.user.update({ where: { id: admin.id }, data: { totpSecret: sealSecret(own), totpEnabledAt: new Date() } });
    await expectRefused(db, () => reset(admin.id, {}), "BAD_INPUT", /code qu'elle affiche/, "code");
    await expectRefused(db, () => reset(admin.id, { code: "000000" }), "BAD_INPUT", /code qu'elle affiche/, "code");
    const self = await expectOneAudit(db, () => reset(admin.id, { code: totpCode(own, Date.now()) }), "totp.reset");
    expect(self.event.after).toMatchObject({ self: true });
    admin = (await loadActor(db, admin.id))!;
  });
});

describe("[ADMIN] non-admins", () => {
  it.each([
    ["director", () => director],
    ["regional delegate", () => delegate],
  ] as const)("[ADMIN] a %s gets NOT_FOUND on every action and query, nothing written", async (_label, who) => {
    const actor = who();
    const membership = await db.membership.findFirstOrThrow({ where: { userId: ids.nantesDirector } });
    const actions: (() => Promise<unknown>)[] = [
      () => A.createRegion(db, actor, { code: "97", name: "Nouvelle" }, RID),
      () => A.updateRegion(db, actor, ids.bretagne, { name: "Armorique" }, RID),
      () => A.createGht(db, actor, { name: "GHT pirate", regionId: ids.bretagne }, RID),
      () => A.updateGht(db, actor, ids.armor, { name: "GHT pirate", regionId: ids.bretagne }, RID),
      () => createEst(establishment({ finess: withFinessKey("22088806") }), actor),
      () => patchEst(ids.guingamp, establishment({ finess: demoFiness("22", "02") }), actor),
      () => patchEst(ids.guingamp, { disabled: true }, actor),
      () =>
        inviteByAdmin(
          db,
          actor,
          { email: "pirate@exemple.fr", name: "Pirate", membership: { role: "admin" } },
          "http://localhost",
          RID,
        ),
      () => A.updateUser(db, actor, ids.nantesDirector, { name: "Pirate", disabled: true }, RID),
      () => A.resetSecondFactor(db, actor, ids.nantesDirector, {}, RID),
      () => sendPasswordReset(db, actor, ids.nantesDirector, "http://localhost", RID),
      () => A.addMembership(db, actor, actor.id, { role: "admin" }, RID),
      () => A.removeMembership(db, actor, ids.nantesDirector, membership.id, RID),
      () => Q.getPlatformCounts(db, actor),
      () => Q.listAdminEstablishments(db, actor),
      () => Q.getAdminEstablishment(db, actor, ids.guingamp),
      () => Q.listAdminGhts(db, actor),
      () => Q.getAdminGht(db, actor, ids.armor),
      () => Q.listAdminRegions(db, actor),
      () => Q.getAdminRegion(db, actor, ids.bretagne),
      () => Q.listAdminUsers(db, actor),
      () => Q.getAdminUser(db, actor, ids.nantesDirector),
      () => Q.getAdminOptions(db, actor),
      () => Q.listRegionOptions(db, actor),
    ];
    for (const run of actions) await expectRefused(db, run, "NOT_FOUND", /introuvable ou ne vous est pas accessible/);
  });
});

describe("[ADMIN] queries", () => {
  it("[ADMIN] lists with counts, filters establishments by region and search, counts the platform", async () => {
    const counts = await Q.getPlatformCounts(db, admin);
    expect(counts.establishments).toBe(await db.establishment.count({ where: { disabled: false } }));
    const { rows, total } = await Q.listAdminEstablishments(db, admin, { regionId: ids.pdl });
    expect(rows.map((r) => r.name).sort()).toEqual(["CH du Mans", "CHU de Nantes"]);
    expect(total).toBe(await db.establishment.count());
    expect((await Q.listAdminEstablishments(db, admin, { q: "rennes" })).rows.map((r) => r.name)).toEqual([
      "CHU de Rennes",
    ]);
    expect(
      (await Q.listAdminEstablishments(db, admin, { q: demoFiness("29", "02").slice(0, 6) })).rows.length,
    ).toBeGreaterThan(0);
    const armor = (await Q.listAdminGhts(db, admin)).find((g) => g.id === ids.armor);
    expect(armor?._count.members).toBeGreaterThanOrEqual(5);
    const bretagne = (await Q.listAdminRegions(db, admin)).find((r) => r.id === ids.bretagne);
    expect(bretagne?.departements.map((d) => d.code)).toEqual(["22", "29", "35", "56"]);
    const user = await Q.getAdminUser(db, admin, director.id);
    expect(user).not.toHaveProperty("passwordHash");
    expect(user.memberships[0]?.establishment?.name).toBe("Groupe hospitalier Bretagne Sud (GHBS)");
  });
});
