import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { withFinessKey } from "@/lib/establishments/finess";
import { demoFiness, seedDemo, seedPlaces } from "@/prisma/seed/seed";
import { createTestDb, type TestDb } from "@/test/db";
import * as A from "./actions";
import * as Q from "./queries";
import * as S from "./schemas";
import { actorByEmail, expectOneAudit, expectRefused, viaRoute } from "./test-kit";

// Every admin action on a real database (PGlite, or TEST_DATABASE_URL's PostgreSQL), called as the
// route would: parse with the shared zod schema (a failure is the 400), then the action.

let t: TestDb;
let db: PrismaClient;
let admin: Actor;
let director: Actor;
let delegate: Actor;
const ids = { bretagne: "", pdl: "", armor: "", uhc: "", rennes: "", nantes: "", guingamp: "", saintBrieuc: "", quimper: "", nantesDirector: "" };
const RID = "req-admin-test";

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
  const est = (d: string, s: string) => db.establishment.findUniqueOrThrow({ where: { finess: demoFiness(d, s) } }).then((e) => e.id);
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
const createEst = (raw: unknown, actor = admin) => viaRoute(S.ZEstablishmentInput, raw, (i) => A.createEstablishment(db, actor, i, RID));
const patchEst = (id: string, raw: unknown, actor = admin) =>
  viaRoute(S.ZEstablishmentPatch, raw, (i) =>
    "finess" in i ? A.updateEstablishment(db, actor, id, i, RID) : A.setEstablishmentDisabled(db, actor, id, i, RID),
  );

describe("[ADMIN] establishments", () => {
  it("[ADMIN] creates an establishment: region derived from the département, one audit event", async () => {
    const { result, event } = await expectOneAudit(db, () => createEst(establishment({ finess: ` ${withFinessKey("22088801").toLowerCase()} ` })), "establishment.create");
    expect(result).toMatchObject({ finess: withFinessKey("22088801"), regionId: ids.bretagne, ghtId: ids.armor, disabled: false });
    expect(event).toMatchObject({ entity: "Establishment", entityId: result.id, establishmentId: result.id, actorId: admin.id, before: null, requestId: RID });
    expect(event.after).toMatchObject({ name: "CH de Lamballe", regionId: ids.bretagne });
  });

  it("[ADMIN] creates an overseas establishment: a 97x département takes a FINESS starting with 97", async () => {
    const { result } = await expectOneAudit(db, () => createEst(establishment({ finess: withFinessKey("97088801"), name: "CH de Basse-Terre", departementCode: "971", ghtId: null })), "establishment.create");
    expect(result.regionId).toBe((await db.region.findUniqueOrThrow({ where: { code: "01" } })).id);
  });

  it("[ADMIN] edits an establishment, with before and after in the audit event", async () => {
    const created = await createEst(establishment({ finess: withFinessKey("22088802"), name: "CH de Loudéac" }));
    const { result, event } = await expectOneAudit(db, () => patchEst(created.id, establishment({ finess: created.finess, name: "CH du Centre-Bretagne", ghtId: null, annualActivity: null })), "establishment.update");
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
    ["a name too long", () => establishment({ name: "x".repeat(201) }), "BAD_INPUT", /ne doit pas dépasser 200 caractères/, "name"],
    ["a wrong FINESS key", () => establishment({ finess: withFinessKey("22088809").slice(0, 8) + "0".replace("0", String((Number(withFinessKey("22088809")[8]) + 1) % 10)) }), "BAD_INPUT", /clé de contrôle/, "finess"],
    ["a FINESS of another département", () => establishment({ finess: withFinessKey("35088801") }), "BAD_INPUT", /commence par « 22 »/, "finess"],
    ["a metropolitan FINESS in a 97x département", () => establishment({ finess: withFinessKey("22088804"), departementCode: "972", ghtId: null }), "BAD_INPUT", /commence par « 97 »/, "finess"],
    ["an unknown département", () => establishment({ finess: withFinessKey("98088801"), departementCode: "988" }), "BAD_INPUT", /département est inconnu/, "departementCode"],
    ["an unknown GHT", () => establishment({ ghtId: "ght-inconnu" }), "BAD_INPUT", /GHT est inconnu/, "ghtId"],
    ["a GHT of another region", () => establishment({ finess: withFinessKey("44088801"), departementCode: "44" }), "BAD_INPUT", /autre région/, "ghtId"],
    ["a duplicate FINESS", () => establishment({ finess: demoFiness("35", "01") }), "CONFLICT", /déjà celui de « CHU de Rennes »/, "finess"],
    ["a regionId (derived, never input)", () => establishment({ regionId: "x" }), "BAD_INPUT", /Champ non prévu : regionId/, "_"],
    ["an unknown category", () => establishment({ category: "CLINIQUE" }), "BAD_INPUT", /Choisissez une catégorie/, "category"],
    ["a negative activity", () => establishment({ annualActivity: -1 }), "BAD_INPUT", /ne peut pas être négative/, "annualActivity"],
    ["an activity above 10,000,000", () => establishment({ annualActivity: 10_000_001 }), "BAD_INPUT", /dépasser 10 000 000/, "annualActivity"],
    ["a fractional activity", () => establishment({ annualActivity: 12.5 }), "BAD_INPUT", /nombre entier/, "annualActivity"],
  ];
  it.each(badCreates)("[ADMIN] refuses to create an establishment with %s: nothing written", async (_label, body, code, message, field) => {
    await expectRefused(db, () => createEst(body()), code, message, field);
  });

  it("[ADMIN] refuses bad edits and toggles: unknown id, bad flag, duplicate FINESS, support leaving its GHT", async () => {
    await expectRefused(db, () => patchEst("inconnu", establishment()), "NOT_FOUND", /introuvable/);
    await expectRefused(db, () => patchEst("inconnu", { disabled: true }), "NOT_FOUND", /introuvable/);
    await expectRefused(db, () => patchEst(ids.guingamp, { disabled: "oui" }), "BAD_INPUT", /vrai ou faux/, "disabled");
    await expectRefused(db, () => patchEst(ids.guingamp, establishment({ finess: demoFiness("22", "01") })), "CONFLICT", /déjà celui de/, "finess");
    const support = establishment({ finess: demoFiness("22", "01"), name: "CH de Saint-Brieuc", ghtId: null });
    await expectRefused(db, () => patchEst(ids.saintBrieuc, support), "BAD_INPUT", /support du GHT « GHT d'Armor »/, "ghtId");
  });
});

describe("[ADMIN] GHTs", () => {
  const createGht = (raw: unknown, actor = admin) => viaRoute(S.ZGhtInput, raw, (i) => A.createGht(db, actor, i, RID));
  const updateGht = (id: string, raw: unknown, actor = admin) => viaRoute(S.ZGhtInput, raw, (i) => A.updateGht(db, actor, id, i, RID));

  it("[ADMIN] creates a GHT whose support joins it, then edits it; one audit event each", async () => {
    const { result, event } = await expectOneAudit(db, () => createGht({ name: "GHT Haute-Bretagne", regionId: ids.bretagne, supportEstablishmentId: ids.rennes }), "ght.create");
    expect(result).toMatchObject({ regionId: ids.bretagne, supportEstablishmentId: ids.rennes });
    expect(event.after).toMatchObject({ supportJoined: true });
    expect((await db.establishment.findUniqueOrThrow({ where: { id: ids.rennes } })).ghtId).toBe(result.id);
    const edit = await expectOneAudit(db, () => updateGht(result.id, { name: "GHT de Haute-Bretagne", regionId: ids.bretagne, supportEstablishmentId: null }), "ght.update");
    expect(edit.result).toMatchObject({ name: "GHT de Haute-Bretagne", supportEstablishmentId: null });
    expect(edit.event.before).toMatchObject({ name: "GHT Haute-Bretagne", supportEstablishmentId: ids.rennes });
  });

  it.each([
    ["an empty body", {}, "BAD_INPUT", /Saisissez le nom du GHT/, "name"],
    ["an empty name", { name: "", regionId: "x" }, "BAD_INPUT", /Saisissez le nom du GHT/, "name"],
    ["a name too long", { name: "G".repeat(201), regionId: "x" }, "BAD_INPUT", /dépasser 200/, "name"],
    ["an unknown region", { name: "GHT X", regionId: "inconnue" }, "BAD_INPUT", /région est inconnue/, "regionId"],
    ["a duplicate name", { name: "GHT d'Armor", regionId: "@bretagne" }, "CONFLICT", /déjà ce nom/, "name"],
    ["a support of another region", { name: "GHT X", regionId: "@bretagne", supportEstablishmentId: "@nantes" }, "BAD_INPUT", /région du GHT/, "supportEstablishmentId"],
    ["a support member of another GHT", { name: "GHT X", regionId: "@bretagne", supportEstablishmentId: "@guingamp" }, "BAD_INPUT", /membre d'un autre GHT/, "supportEstablishmentId"],
    ["an unknown support", { name: "GHT X", regionId: "@bretagne", supportEstablishmentId: "inconnu" }, "BAD_INPUT", /établissement est inconnu/, "supportEstablishmentId"],
  ] as const)("[ADMIN] refuses to create a GHT with %s: nothing written", async (_label, raw, code, message, field) => {
    const body = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === "string" && v.startsWith("@") ? ids[v.slice(1) as keyof typeof ids] : v]));
    await expectRefused(db, () => createGht(body), code, message, field);
  });

  it("[ADMIN] refuses bad GHT edits: unknown id, a region its members are not in", async () => {
    await expectRefused(db, () => updateGht("inconnu", { name: "GHT X", regionId: ids.bretagne }), "NOT_FOUND", /introuvable/);
    await expectRefused(db, () => updateGht(ids.armor, { name: "GHT d'Armor", regionId: ids.pdl }), "BAD_INPUT", /autre région/, "regionId");
    await expectRefused(db, () => updateGht(ids.armor, { name: "GHT Union Hospitalière de Cornouaille", regionId: ids.bretagne }), "CONFLICT", /déjà ce nom/, "name");
  });
});

describe("[ADMIN] regions", () => {
  const createRegion = (raw: unknown) => viaRoute(S.ZRegionInput, raw, (i) => A.createRegion(db, admin, i, RID));
  const updateRegion = (id: string, raw: unknown) => viaRoute(S.ZRegionUpdate, raw, (i) => A.updateRegion(db, admin, id, i, RID));

  it("[ADMIN] creates a region and renames it; one audit event each", async () => {
    const { result, event } = await expectOneAudit(db, () => createRegion({ code: "99", name: "Région d'essai" }), "region.create");
    expect(event).toMatchObject({ entity: "Region", entityId: result.id, before: null, after: { code: "99", name: "Région d'essai" } });
    const edit = await expectOneAudit(db, () => updateRegion(result.id, { name: "Région d'essai renommée" }), "region.update");
    expect(edit.event).toMatchObject({ before: { name: "Région d'essai" }, after: { name: "Région d'essai renommée" } });
  });

  it.each([
    ["an empty body", {}, "BAD_INPUT", /code INSEE/, "code"],
    ["a code too short", { code: "5", name: "X" }, "BAD_INPUT", /2 ou 3 caractères/, "code"],
    ["a code too long", { code: "5333", name: "X" }, "BAD_INPUT", /2 ou 3 caractères/, "code"],
    ["an empty name", { code: "98", name: " " }, "BAD_INPUT", /nom de la région/, "name"],
    ["a name too long", { code: "98", name: "R".repeat(101) }, "BAD_INPUT", /dépasser 100/, "name"],
    ["a duplicate code", { code: "53", name: "Armorique" }, "CONFLICT", /déjà celui de la région Bretagne/, "code"],
    ["a duplicate name", { code: "98", name: "Bretagne" }, "CONFLICT", /déjà ce nom/, "name"],
  ] as const)("[ADMIN] refuses to create a region with %s: nothing written", async (_label, raw, code, message, field) => {
    await expectRefused(db, () => createRegion(raw), code, message, field);
  });

  it("[ADMIN] refuses bad region edits: unknown id, a code change, a taken name", async () => {
    await expectRefused(db, () => updateRegion("inconnue", { name: "X" }), "NOT_FOUND", /introuvable/);
    await expectRefused(db, () => updateRegion(ids.bretagne, { code: "54", name: "Bretagne" }), "BAD_INPUT", /Champ non prévu : code/, "_");
    await expectRefused(db, () => updateRegion(ids.bretagne, { name: "Pays de la Loire" }), "CONFLICT", /déjà ce nom/, "name");
  });
});
