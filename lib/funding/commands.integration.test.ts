import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/core/command";
import { type ErrorCode, isAppError } from "@/lib/core/errors";
import { DEMO_FUNDING_CAMPAIGN, seedDemoFunding } from "@/prisma/seed/demo-funding";
import { createTestDb, type TestDb } from "@/test/db";
import { createCampaign, demoWorld, insertVersion, loadShipped } from "@/test/fixtures/assessment";
import { deleteFundingParameter, setFundingParameter, updateFundingParameter } from "./commands";
import { fundingAtStake } from "./compute";
import { getFundingAdminView, getFundingForAssessment } from "./queries";
import { type FundingParameterInput, ZFundingParameterInput } from "./schemas";

// Funding assumptions on a real database with the demo world: who may set them (admin anywhere,
// a delegate for their region only), bad input, and the figure an assessment then shows.

let t: TestDb;
let w: Awaited<ReturnType<typeof demoWorld>>;
let pdlDelegate: Actor;
const ids = { campaign: "", bretagne: "", pdl: "", nantes: "", assessment: "", versionId: "" };

async function rejects(run: Promise<unknown>, code: ErrorCode) {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error) ? error.code : error).toBe(code);
}
const counts = async () => ({
  parameters: await t.db.fundingParameter.count(),
  audits: await t.db.auditEvent.count({ where: { entity: "FundingParameter" } }),
});

beforeAll(async () => {
  t = await createTestDb();
  w = await demoWorld(t.db);
  pdlDelegate = (await loadActor(
    t.db,
    (await t.db.user.findUniqueOrThrow({ where: { email: "delegue.pdl@demo.socle.fr" } })).id,
  ))!;
  ids.bretagne = (await t.db.region.findUniqueOrThrow({ where: { code: "53" } })).id;
  ids.pdl = (await t.db.region.findUniqueOrThrow({ where: { code: "52" } })).id;
  ids.nantes = (await t.db.establishment.findFirstOrThrow({ where: { name: "CHU de Nantes" } })).id;
  const all = (await t.db.establishment.findMany({ select: { id: true } })).map((e) => e.id);
  ids.versionId = (await insertVersion(t.db, await loadShipped("hopen-socle", "2019.2"))).id;
  ids.campaign = (await createCampaign(t.db, ids.versionId, all)).id;
  ids.assessment = (await t.db.assessment.create({ data: { establishmentId: w.ghbs, campaignId: ids.campaign } })).id;
});
afterAll(() => t.close());

const envelope = (over: Partial<FundingParameterInput> = {}): FundingParameterInput => ({
  campaignId: ids.campaign,
  scope: "region",
  regionId: ids.bretagne,
  amountEuros: 21_000_000,
  eligibleCount: 60,
  assumption: "Enveloppe régionale HOP'EN annoncée en 2019 (exemple), 60 établissements éligibles supposés.",
  isExample: true,
  ...over,
});

describe("[FUNDING] setting parameters", () => {
  it("lets the Bretagne delegate set a parameter for Bretagne, audited", async () => {
    const p = await setFundingParameter(t.db, w.delegate, envelope(), "f1");
    expect(p).toMatchObject({
      regionId: ids.bretagne,
      establishmentId: null,
      amountEuros: 21_000_000,
      isExample: true,
      setById: w.delegate.id,
    });
    expect(await t.db.auditEvent.count({ where: { action: "funding.set", entityId: p.id, requestId: "f1" } })).toBe(1);
    await rejects(setFundingParameter(t.db, w.delegate, envelope(), "f"), "CONFLICT"); // one per campaign, scope and domain
    // The database holds the rule too, for two saves racing past the command's check.
    const twin = {
      campaignId: ids.campaign,
      regionId: ids.bretagne,
      amountEuros: 1,
      assumption: "x",
      setById: w.delegate.id,
    };
    await expect(t.db.fundingParameter.create({ data: twin })).rejects.toThrow();
    await t.db.fundingParameter
      .create({ data: { ...twin, domainCode: "P2" } })
      .then((row) => t.db.fundingParameter.delete({ where: { id: row.id } }));
  });

  it("refuses Pays de la Loire to the Bretagne delegate (404), writing nothing and no audit row", async () => {
    const before = await counts();
    await rejects(setFundingParameter(t.db, w.delegate, envelope({ regionId: ids.pdl }), "f"), "NOT_FOUND");
    await rejects(
      setFundingParameter(
        t.db,
        w.delegate,
        envelope({ scope: "establishment", regionId: null, establishmentId: ids.nantes }),
        "f",
      ),
      "NOT_FOUND",
    );
    await rejects(
      setFundingParameter(t.db, w.director, envelope({ regionId: ids.bretagne, domainCode: "P2" }), "f"),
      "NOT_FOUND",
    );
    const bzh = await t.db.fundingParameter.findFirstOrThrow({ where: { regionId: ids.bretagne } });
    await rejects(updateFundingParameter(t.db, pdlDelegate, bzh.id, envelope({ regionId: ids.pdl }), "f"), "NOT_FOUND");
    await rejects(deleteFundingParameter(t.db, pdlDelegate, bzh.id, "f"), "NOT_FOUND");
    expect(await counts()).toEqual(before);
  });

  it("answers bad input with 400/404 and a French message, writing nothing", async () => {
    const before = await counts();
    const run = (body: unknown) =>
      executeCommand(
        ZFundingParameterInput,
        ({ actor, input, requestId }) => setFundingParameter(t.db, actor, input, requestId),
        { actor: w.admin, body, params: {}, requestId: "bad" },
      );
    const cases: [unknown, number, string][] = [
      [{ ...envelope({ domainCode: "P1" }), assumption: "" }, 400, "Décrivez l'hypothèse"],
      [{ ...envelope({ domainCode: "P1" }), amountEuros: -5 }, 400, "Le montant ne peut pas être négatif."],
      [{ ...envelope({ domainCode: "P1" }), amountEuros: 10_000_000_001 }, 400, "10 milliards"],
      [envelope({ domainCode: "P1", regionId: null }), 400, "Choisissez la région."],
      [envelope({ domainCode: "ZZ" }), 400, "n'existe pas dans le référentiel"],
      [envelope({ domainCode: "P1", campaignId: "unknown-campaign" }), 404, "Cette campagne est introuvable"],
    ];
    for (const [body, status, message] of cases) {
      const result = await run(body);
      expect(result.status).toBe(status);
      expect(JSON.stringify(result.body)).toContain(message);
    }
    expect(await counts()).toEqual(before);
  });

  it("lets the admin set an establishment's own amount, change and delete it", async () => {
    const own = await setFundingParameter(
      t.db,
      w.admin,
      envelope({
        scope: "establishment",
        regionId: null,
        establishmentId: w.quimper,
        amountEuros: 900_000,
        isExample: false,
      }),
      "f",
    );
    const changed = await updateFundingParameter(
      t.db,
      w.admin,
      own.id,
      envelope({ scope: "establishment", regionId: null, establishmentId: w.quimper, amountEuros: 1_000_000 }),
      "f",
    );
    expect(changed.amountEuros).toBe(1_000_000);
    expect(await deleteFundingParameter(t.db, w.admin, own.id, "f")).toEqual({ id: own.id, deleted: true });
    expect(await t.db.auditEvent.count({ where: { entityId: own.id } })).toBe(3);
  });
});

describe("[FUNDING] the figure at stake", () => {
  it("gives the Bretagne envelope as an order of magnitude over the eligible establishments it names", async () => {
    const inputs = (await getFundingForAssessment(t.db, w.director, {
      id: ids.assessment,
      establishmentId: w.ghbs,
      campaignId: ids.campaign,
    }))!;
    const result = fundingAtStake({
      ...inputs,
      blockingMissing: [
        { code: "P2.1", domain: "P2" },
        { code: "P2.6", domain: "P2" },
      ],
    })!;
    // 21 M€ among the 60 eligible establishments the example names: about 350 k€, not 2 217 672 €.
    expect(result.amount).toEqual({ low: 350_000, high: 350_000 });
    expect(result.perRequirement).toEqual({ "P2.1": result.amount, "P2.6": result.amount });
    expect(result.isExample).toBe(true);
    await rejects(
      getFundingForAssessment(t.db, pdlDelegate, {
        id: ids.assessment,
        establishmentId: w.ghbs,
        campaignId: ids.campaign,
      }),
      "NOT_FOUND",
    );
  });

  it("has no figure for a campaign without parameters", async () => {
    const other = await createCampaign(t.db, ids.versionId, [w.ghbs], 2027);
    const assessment = await t.db.assessment.create({ data: { establishmentId: w.ghbs, campaignId: other.id } });
    expect(
      await getFundingForAssessment(t.db, w.director, {
        id: assessment.id,
        establishmentId: w.ghbs,
        campaignId: other.id,
      }),
    ).toBeNull();
  });

  it("shows each delegate only their region's parameters", async () => {
    expect((await getFundingAdminView(t.db, w.delegate, ids.bretagne)).parameters.length).toBe(1);
    expect((await getFundingAdminView(t.db, pdlDelegate, ids.pdl)).parameters.length).toBe(0);
    expect((await getFundingAdminView(t.db, pdlDelegate)).regions.map((r) => r.id)).toEqual([ids.pdl]);
  });

  it("seeds the demo example for Bretagne once, flagged as an example", async () => {
    await t.db.campaign.create({
      data: {
        name: DEMO_FUNDING_CAMPAIGN,
        year: 2026,
        referentialVersionId: ids.versionId,
        opensOn: new Date("2026-01-15"),
        closesOn: new Date("2026-12-15"),
      },
    });
    await seedDemoFunding(t.db);
    await seedDemoFunding(t.db);
    const seeded = await t.db.fundingParameter.findMany({ where: { campaign: { name: DEMO_FUNDING_CAMPAIGN } } });
    expect(seeded).toHaveLength(1);
    expect(seeded[0]).toMatchObject({
      regionId: ids.bretagne,
      amountEuros: 21_000_000,
      eligibleCount: 60,
      isExample: true,
    });
    expect(seeded[0]!.assumption).toMatch(/Exemple.*pas une promesse.*Ouest-France, juin 2019/);
  });
});
