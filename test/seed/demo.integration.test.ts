import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/scope";
import { getCampaignComparison } from "@/lib/region/campaign-view";
import { parseViewQuery } from "@/lib/region/view-query";
import { DEMO_GHT_LABEL } from "@/prisma/seed/demo-data";
import { createTestDb, type TestDb } from "@/test/db";
import { buildRegionalWorld } from "@/test/region/world";

// Issue 11, the demo's truthfulness: every public establishment is in a GHT whose support
// establishment is marked; a GHT's name is the one the press gives or visibly a demo label; HOP'EN
// campaigns are dated when HOP'EN ran, a usage application among them; and every submission has a
// submitter who may seal it (so the dossiers are sealed at start and verify).

let t: TestDb;
let w: Awaited<ReturnType<typeof buildRegionalWorld>>;

beforeAll(async () => {
  t = await createTestDb();
  w = await buildRegionalWorld(t.db);
}, 180_000);
afterAll(() => t?.close());

/** The GHTs the press articles name (their public names). */
const PRESS_NAMED = [
  "GHT d'Armor",
  "GHT Union Hospitalière de Cornouaille",
  "GHT Brocéliande Atlantique",
  "GHT Rance Émeraude",
];

describe("[FIDELITY] the demo data", () => {
  it("puts every public establishment in a GHT, each GHT with its support establishment among its members", async () => {
    const establishments = await t.db.establishment.findMany({ select: { name: true, category: true, ghtId: true } });
    expect(establishments.length).toBeGreaterThan(20);
    expect(establishments.filter((e) => !e.ghtId).map((e) => e.name)).toEqual([]);
    const ghts = await t.db.ght.findMany({
      select: { name: true, supportEstablishmentId: true, members: { select: { id: true } } },
    });
    for (const g of ghts) {
      expect(g.supportEstablishmentId, g.name).not.toBeNull();
      expect(
        g.members.map((m) => m.id),
        g.name,
      ).toContain(g.supportEstablishmentId);
    }
    const named = await t.db.establishment.findFirstOrThrow({
      where: { name: "CH du Centre-Bretagne (Pontivy)" },
      select: { ght: { select: { name: true, supportEstablishmentId: true } }, id: true },
    });
    expect(named.ght?.supportEstablishmentId).toBe(named.id);
  });

  it("names a GHT as the press does, or with a visible demo label", async () => {
    const names = (await t.db.ght.findMany({ select: { name: true } })).map((g) => g.name);
    expect(names.filter((n) => !PRESS_NAMED.includes(n) && !n.endsWith(DEMO_GHT_LABEL))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(PRESS_NAMED));
  });

  it("dates HOP'EN campaigns when HOP'EN ran, with GHBS's usage application among them", async () => {
    const hopen = await t.db.campaign.findMany({
      where: { referentialVersion: { referentialId: { in: ["hopen-socle", "hopen-usage"] } } },
      select: { year: true, name: true },
    });
    expect(hopen.every((c) => c.year <= 2021)).toBe(true);
    const usage = await t.db.assessment.findFirstOrThrow({
      where: { campaign: { referentialVersion: { referentialId: "hopen-usage" } } },
      select: { options: true, establishment: { select: { name: true } }, campaign: { select: { year: true } } },
    });
    expect(usage).toMatchObject({ options: { domains: ["D2", "D3"] }, campaign: { year: 2021 } });
    const examples = await t.db.fundingParameter.findMany({
      where: { domainCode: { in: ["D2", "D3"] } },
      select: { isExample: true, assumption: true },
    });
    expect(examples).toHaveLength(2);
    expect(examples.every((p) => p.isExample && p.assumption.includes("pas un montant officiel"))).toBe(true);
    // The delegate's comparison opens on it (a draft only: nothing shared yet).
    const campaign = await t.db.campaign.findFirstOrThrow({ where: { name: "HOP'EN — usage 2021" } });
    const bretagne = (await t.db.region.findUniqueOrThrow({ where: { code: "53" } })).id;
    await expect(
      getCampaignComparison(t.db, w.actors.delegate, { kind: "region", id: bretagne }, campaign.id, parseViewQuery({})),
    ).resolves.toBeDefined();
  });

  it("has every submission made by someone who may seal it (a fictitious director without a password)", async () => {
    const submitted = await t.db.assessment.findMany({
      where: { status: "submitted" },
      select: {
        submittedById: true,
        status: true,
        sharing: true,
        establishmentId: true,
        establishment: { select: { ghtId: true, regionId: true } },
      },
    });
    expect(submitted.length).toBeGreaterThan(30);
    for (const a of submitted) {
      const submitter = await loadActor(t.db, a.submittedById!);
      const facts = { ...a.establishment, establishmentId: a.establishmentId, sharing: a.sharing, status: a.status };
      expect(submitter && can(submitter, "assessment.manage", facts), a.establishmentId).toBe(true);
    }
    const fictitious = await t.db.user.findMany({ where: { name: { startsWith: "Direction fictive" } } });
    expect(fictitious.length).toBeGreaterThan(10);
    expect(fictitious.every((u) => u.isDemo && u.passwordHash === null)).toBe(true);
  });
});
