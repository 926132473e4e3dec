import { expectRefusedWith } from "@/test/admin/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { AppError, type ErrorCode, type FieldErrors } from "@/lib/core/errors";
import { syncShippedReferentials } from "@/lib/referentials/store";
import { demoFiness, seedDemo, seedPlaces } from "@/prisma/seed/seed";
import { createTestDb, type TestDb } from "@/test/db";
import { createCampaign, updateCampaign } from "./commands";
import { getAdminCampaign, listAdminCampaigns, listEstablishmentChoices } from "./queries";
import { ZCampaignInput } from "./schemas";

// Campaign commands on a real database, called as the route would: parse with the shared zod
// schema (a failure is the 400), then the action.

let t: TestDb;
let db: PrismaClient;
let admin: Actor;
let director: Actor;
const ids = { socle: "", hospiconnect: "", ghbs: "", rennes: "", brest: "", quimper: "" };
const RID = "req-campaigns-test";

async function actor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const loaded = await loadActor(db, user.id);
  if (!loaded) throw new Error(`no actor for ${email}`);
  return loaded;
}

async function viaRoute<S extends z.ZodType, R>(
  schema: S,
  raw: unknown,
  run: (input: z.output<S>) => Promise<R>,
): Promise<R> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    throw new AppError("BAD_INPUT", "Certaines valeurs sont invalides : corrigez les champs signalés.", {
      fieldErrors,
    });
  }
  return run(parsed.data);
}

const create = (raw: unknown, as = admin) => viaRoute(ZCampaignInput, raw, (i) => createCampaign(db, as, i, RID));
const update = (id: string, raw: unknown, as = admin) =>
  viaRoute(ZCampaignInput, raw, (i) => updateCampaign(db, as, id, i, RID));

const campaign = (over: Record<string, unknown> = {}) => ({
  name: "Prérequis HOP'EN 2026",
  year: 2026,
  referentialVersionId: ids.socle,
  opensOn: "2026-01-05",
  closesOn: "2026-06-30",
  establishmentIds: [ids.ghbs, ids.rennes],
  ...over,
});

async function snapshot() {
  const [campaigns, links, assessments, auditEvents] = await Promise.all([
    db.campaign.findMany({ orderBy: { id: "asc" } }),
    db.campaignEstablishment.findMany({ orderBy: [{ campaignId: "asc" }, { establishmentId: "asc" }] }),
    db.assessment.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.count(),
  ]);
  return { campaigns, links, assessments, auditEvents };
}

/** Expects an AppError `code` whose message (or the message on `field`) matches, and nothing written. */
async function expectRefused(
  run: () => Promise<unknown>,
  code: ErrorCode,
  message: RegExp,
  field?: string,
): Promise<void> {
  await expectRefusedWith(snapshot, run, code, message, field);
}

/** Runs a successful command and returns its result with the one audit event it wrote. */
async function withOneAudit<R>(run: () => Promise<R>, action: string) {
  const last = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const result = await run();
  const events = await db.auditEvent.findMany({ where: { id: { gt: last?.id ?? BigInt(0) } } });
  expect(events).toHaveLength(1);
  expect(events[0]!.action).toBe(action);
  return { result, event: events[0]! };
}

const linkedIds = async (campaignId: string) =>
  (await db.campaignEstablishment.findMany({ where: { campaignId }, select: { establishmentId: true } }))
    .map((l) => l.establishmentId)
    .sort();

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  await seedPlaces(db);
  await seedDemo(db);
  await syncShippedReferentials(db, { log: () => {} });
  admin = await actor("admin@demo.socle.fr");
  director = await actor("directrice.ghbs@demo.socle.fr");
  const version = (referentialId: string) =>
    db.referentialVersion.findFirstOrThrow({ where: { referentialId } }).then((v) => v.id);
  const est = (d: string, s: string) =>
    db.establishment.findUniqueOrThrow({ where: { finess: demoFiness(d, s) } }).then((e) => e.id);
  Object.assign(ids, {
    socle: await version("hopen-socle"),
    hospiconnect: await version("hospiconnect"),
    ghbs: await est("56", "01"),
    rennes: await est("35", "01"),
    brest: await est("29", "01"),
    quimper: await est("29", "02"),
  });
});

afterAll(async () => {
  await t?.close();
});

describe("[CAMPAIGNS] create and update", () => {
  it("[CAMPAIGNS] creates a campaign with its establishments and one audit event", async () => {
    const { result, event } = await withOneAudit(
      () => create(campaign({ name: "  Prérequis HOP'EN 2026  " })),
      "campaign.create",
    );
    expect(result).toMatchObject({
      name: "Prérequis HOP'EN 2026",
      year: 2026,
      referentialVersionId: ids.socle,
      opensOn: "2026-01-05",
      closesOn: "2026-06-30",
    });
    const row = await db.campaign.findUniqueOrThrow({ where: { id: result.id } });
    expect(row.opensOn.toISOString()).toBe("2026-01-05T00:00:00.000Z");
    expect(await linkedIds(result.id)).toEqual([ids.ghbs, ids.rennes].sort());
    expect(event).toMatchObject({
      entity: "Campaign",
      entityId: result.id,
      actorId: admin.id,
      before: null,
      requestId: RID,
    });
    expect(event.after).toMatchObject({
      name: "Prérequis HOP'EN 2026",
      establishmentIds: [ids.ghbs, ids.rennes].sort(),
    });
  });

  it("[CAMPAIGNS] updates fields, version and establishments (added and removed) with before and after audited", async () => {
    const created = await create(campaign({ name: "Campagne à modifier" }));
    const { result, event } = await withOneAudit(
      () =>
        update(
          created.id,
          campaign({
            name: "HospiConnect 2027",
            year: 2027,
            referentialVersionId: ids.hospiconnect,
            opensOn: "2027-01-04",
            closesOn: "2027-12-15",
            establishmentIds: [ids.rennes, ids.brest],
          }),
        ),
      "campaign.update",
    );
    expect(result).toMatchObject({
      name: "HospiConnect 2027",
      year: 2027,
      referentialVersionId: ids.hospiconnect,
      closesOn: "2027-12-15",
    });
    expect(await linkedIds(created.id)).toEqual([ids.rennes, ids.brest].sort());
    expect(event.before).toMatchObject({
      name: "Campagne à modifier",
      referentialVersionId: ids.socle,
      establishmentCount: 2,
    });
    expect(event.after).toMatchObject({
      name: "HospiConnect 2027",
      addedEstablishmentIds: [ids.brest],
      removedEstablishmentIds: [ids.ghbs],
    });
  });

  const badInputs: [string, () => Record<string, unknown>, ErrorCode, RegExp, string][] = [
    [
      "closing before opening",
      () => campaign({ opensOn: "2026-06-30", closesOn: "2026-01-05" }),
      "BAD_INPUT",
      /postérieure à la date d'ouverture/,
      "closesOn",
    ],
    [
      "closing the day it opens",
      () => campaign({ closesOn: "2026-01-05" }),
      "BAD_INPUT",
      /postérieure à la date d'ouverture/,
      "closesOn",
    ],
    ["an impossible date", () => campaign({ opensOn: "2026-02-30" }), "BAD_INPUT", /AAAA-MM-JJ/, "opensOn"],
    ["a missing date", () => campaign({ closesOn: "" }), "BAD_INPUT", /date de clôture/, "closesOn"],
    [
      "an unknown version",
      () => campaign({ referentialVersionId: "version-inconnue" }),
      "BAD_INPUT",
      /version de référentiel est inconnue/,
      "referentialVersionId",
    ],
    [
      "no establishment",
      () => campaign({ establishmentIds: [] }),
      "BAD_INPUT",
      /au moins un établissement/,
      "establishmentIds",
    ],
    [
      "an unknown establishment",
      () => campaign({ establishmentIds: [ids.ghbs, "inconnu"] }),
      "BAD_INPUT",
      /établissement choisi est inconnu/,
      "establishmentIds",
    ],
    [
      "an establishment twice",
      () => campaign({ establishmentIds: [ids.ghbs, ids.ghbs] }),
      "BAD_INPUT",
      /figure deux fois/,
      "establishmentIds",
    ],
    ["a year before 2019", () => campaign({ year: 2018 }), "BAD_INPUT", /entre 2019 et 2100/, "year"],
    ["a fractional year", () => campaign({ year: 2026.5 }), "BAD_INPUT", /nombre entier/, "year"],
    ["an empty name", () => campaign({ name: "  " }), "BAD_INPUT", /nom de la campagne/, "name"],
    [
      "an unexpected field",
      () => campaign({ createdAt: "2026-01-01" }),
      "BAD_INPUT",
      /Champ non prévu : createdAt/,
      "_",
    ],
  ];

  it.each(badInputs)(
    "[CAMPAIGNS] refuses to create a campaign with %s: nothing written",
    async (_label, body, code, message, field) => {
      await expectRefused(() => create(body()), code, message, field);
    },
  );

  it.each(badInputs)(
    "[CAMPAIGNS] refuses to update a campaign with %s: nothing written",
    async (_label, body, code, message, field) => {
      const existing = await create(campaign({ name: "Campagne stable" }));
      await expectRefused(() => update(existing.id, body()), code, message, field);
    },
  );

  it("[CAMPAIGNS] a non-admin gets NOT_FOUND on create, update and reads; an unknown campaign is NOT_FOUND; nothing written", async () => {
    const existing = await create(campaign({ name: "Campagne de l'admin" }));
    await expectRefused(() => create(campaign(), director), "NOT_FOUND", /introuvable/);
    await expectRefused(() => update(existing.id, campaign({ name: "Piratée" }), director), "NOT_FOUND", /introuvable/);
    await expectRefused(() => update("campagne-inconnue", campaign()), "NOT_FOUND", /Cette campagne est introuvable/);
    await expect(listAdminCampaigns(db, director)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getAdminCampaign(db, director, existing.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listEstablishmentChoices(db, director)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("[CAMPAIGNS] once an assessment is started, the version is locked and that establishment stays (LOCKED); other edits go through", async () => {
    const existing = await create(campaign({ name: "Campagne commencée" }));
    await db.assessment.create({ data: { campaignId: existing.id, establishmentId: ids.ghbs } });
    await expectRefused(
      () => update(existing.id, campaign({ name: "Campagne commencée", referentialVersionId: ids.hospiconnect })),
      "LOCKED",
      /1 évaluation est déjà commencée/,
    );
    await expectRefused(
      () => update(existing.id, campaign({ name: "Campagne commencée", establishmentIds: [ids.rennes] })),
      "LOCKED",
      /Groupe hospitalier Bretagne Sud/,
      "establishmentIds",
    );
    const { result } = await withOneAudit(
      () =>
        update(
          existing.id,
          campaign({
            name: "Campagne commencée, prolongée",
            closesOn: "2026-09-30",
            establishmentIds: [ids.ghbs, ids.rennes, ids.quimper],
          }),
        ),
      "campaign.update",
    );
    expect(result).toMatchObject({ closesOn: "2026-09-30", referentialVersionId: ids.socle });

    const row = (await listAdminCampaigns(db, admin)).find((c) => c.id === existing.id);
    expect(row).toMatchObject({
      establishments: 3,
      assessmentsStarted: 1,
      referentialVersion: { referential: { id: "hopen-socle" } },
    });
    expect(await getAdminCampaign(db, admin, existing.id)).toMatchObject({
      startedEstablishmentIds: [ids.ghbs],
      opensOn: "2026-01-05",
    });
  });

  it("[CAMPAIGNS] a disabled establishment cannot be added, but one already in the campaign can stay", async () => {
    const existing = await create(campaign({ name: "Campagne avec Brest", establishmentIds: [ids.brest] }));
    await db.establishment.update({ where: { id: ids.brest }, data: { disabled: true } });
    try {
      await expectRefused(
        () => create(campaign({ establishmentIds: [ids.brest] })),
        "BAD_INPUT",
        /désactivé.*CHU de Brest/,
        "establishmentIds",
      );
      await update(
        existing.id,
        campaign({ name: "Campagne avec Brest, renommée", establishmentIds: [ids.brest, ids.rennes] }),
      );
      expect(await linkedIds(existing.id)).toEqual([ids.brest, ids.rennes].sort());
      const choices = (await listEstablishmentChoices(db, admin, [ids.brest])).flatMap((g) =>
        g.establishments.map((e) => e.id),
      );
      expect(choices).toContain(ids.brest);
      expect(
        (await listEstablishmentChoices(db, admin)).flatMap((g) => g.establishments.map((e) => e.id)),
      ).not.toContain(ids.brest);
    } finally {
      await db.establishment.update({ where: { id: ids.brest }, data: { disabled: false } });
    }
  });
});
