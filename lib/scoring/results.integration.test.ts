import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { shareAssessment, startAssessment } from "@/lib/assessments/commands";
import { saveAnswer } from "@/lib/assessments/save-answer";
import type { TReferentialFile } from "@/lib/referentials/schemas";
import { codeOf, createCampaign, demoWorld, insertVersion, loadShipped } from "@/test/fixtures/assessment";
import { createTestDb, type TestDb } from "@/test/db";
import { getAssessmentResults, getEstablishmentHistory } from "./queries";

let t: TestDb;
let w: Awaited<ReturnType<typeof demoWorld>>;
let referential: TReferentialFile;
let assessmentId: string;
const rid = "test-request";

const results = (actor: Actor, establishmentId = w.ghbs) =>
  getAssessmentResults(t.db, actor, establishmentId, assessmentId);

beforeAll(async () => {
  t = await createTestDb();
  w = await demoWorld(t.db);
  referential = await loadShipped("hopen-socle", "2019.2");
  const version = await insertVersion(t.db, referential);
  const campaign = await createCampaign(t.db, version.id, [w.ghbs, w.quimper]);
  assessmentId = (
    await startAssessment(
      { db: t.db, actor: w.director, requestId: rid },
      { campaignId: campaign.id, establishmentId: w.ghbs, carryForward: false },
    )
  ).id;
  for (const r of referential.requirements) {
    const value = ["P2.1", "P2.6"].includes(r.code)
      ? "no"
      : r.answer.type === "percentage"
        ? { percent: 95, numerator: 19, denominator: 20 }
        : "yes";
    await saveAnswer(
      t.db,
      w.director,
      assessmentId,
      { requirementCode: r.code, kind: "value", value, expectedVersion: 0 },
      rid,
    );
  }
});
afterAll(() => t.close());

describe("[SCORING] results of the HOP'EN assessment", () => {
  it("is not eligible with P2.1 and P2.6 answered no, naming both", async () => {
    const { score } = await results(w.director);
    expect(score.verdict.eligible).toBe(false);
    expect(score.verdict.headline).toBe("Pas encore éligible : 2 prérequis manquent");
    expect(score.verdict.blockingMissing.map((r) => r.code)).toEqual(["P2.1", "P2.6"]);
    expect(score.gaps.map((g) => g.code)).toEqual(["P2.1", "P2.6"]);
  });

  it("becomes eligible once both are answered yes", async () => {
    for (const code of ["P2.1", "P2.6"]) {
      await saveAnswer(
        t.db,
        w.director,
        assessmentId,
        { requirementCode: code, kind: "value", value: "yes", expectedVersion: 1 },
        rid,
      );
    }
    const { score } = await results(w.director);
    expect(score.verdict).toMatchObject({ eligible: true, headline: "Prérequis atteints", blockingMissing: [] });
    expect(score.overall).toBe(100);
  });

  it("hides the results from the delegate until the director shares them", async () => {
    expect(await codeOf(results(w.delegate))).toBe("NOT_FOUND");
    expect((await getEstablishmentHistory(t.db, w.delegate, w.ghbs)).assessments).toEqual([]);
    await shareAssessment({ db: t.db, actor: w.director, requestId: rid }, assessmentId, "detail");
    // Detail shared, but still a draft: draft answers never leave the establishment.
    expect(await codeOf(results(w.delegate))).toBe("NOT_FOUND");
    await t.db.assessment.update({ where: { id: assessmentId }, data: { status: "submitted" } });
    const { score } = await results(w.delegate);
    expect(score.verdict.eligible).toBe(true);
    expect((await getEstablishmentHistory(t.db, w.delegate, w.ghbs)).assessments).toHaveLength(1);
  });

  it("answers NOT_FOUND to another establishment's director, under either establishment's path", async () => {
    expect(await codeOf(results(w.otherDirector))).toBe("NOT_FOUND");
    expect(await codeOf(results(w.otherDirector, w.quimper))).toBe("NOT_FOUND");
    expect(await codeOf(getEstablishmentHistory(t.db, w.otherDirector, w.ghbs))).toBe("NOT_FOUND");
  });

  it("lists the establishment's history with verdict and domain scores", async () => {
    const { assessments } = await getEstablishmentHistory(t.db, w.director, w.ghbs);
    expect(assessments).toHaveLength(1);
    expect(assessments[0]).toMatchObject({
      campaign: { year: 2026 },
      referential: { id: "hopen-socle", version: "2019.2" },
      verdict: { eligible: true },
    });
    expect(assessments[0]!.domains.map((d) => [d.code, d.score])).toEqual([
      ["C", 100],
      ["P1", 100],
      ["P2", 100],
      ["P3", 100],
      ["P4", 100],
    ]);
  });
});

describe("[SCORING] CaRE coverage from the GHT members' activity", () => {
  it("counts the applicant and the members that shared an assessment reaching the objectives", async () => {
    const care = await loadShipped("care-d2", "2025.1");
    const version = await insertVersion(t.db, care);
    const quimper = await t.db.establishment.findUniqueOrThrow({ where: { id: w.quimper }, select: { ghtId: true } });
    const members = await t.db.establishment.findMany({
      where: { ghtId: quimper.ghtId },
      select: { id: true, name: true },
    });
    const douarnenez = members.find((m) => m.name.startsWith("CH de Douarnenez"))!.id;
    // Quimper alone: 50,000 of 80,000 stays (62,5 %), under the 66 % rule; with Douarnenez: 62,000 (77,5 %).
    await t.db.establishment.update({ where: { id: w.quimper }, data: { annualActivity: 50_000 } });
    const campaign = await createCampaign(
      t.db,
      version.id,
      members.map((m) => m.id),
    );
    const ctx = { db: t.db, actor: w.otherDirector, requestId: rid };
    const id = (
      await startAssessment(ctx, { campaignId: campaign.id, establishmentId: w.quimper, carryForward: false })
    ).id;
    for (const r of care.requirements) {
      await saveAnswer(
        t.db,
        w.otherDirector,
        id,
        { requirementCode: r.code, kind: "value", value: "yes", expectedVersion: 0 },
        rid,
      );
    }
    const read = () => getAssessmentResults(t.db, w.otherDirector, w.quimper, id);

    const alone = await read();
    expect(alone.coverage?.members).toHaveLength(members.length);
    expect(alone.coverage?.members.filter((m) => m.reaches.length === 2).map((m) => m.id)).toEqual([w.quimper]);
    expect(alone.score.verdict.eligible).toBe(false);
    expect(alone.score.verdict.blockingMissing.map((r) => r.code)).toEqual(["D2.O1.C", "D2.O1.D"]);
    expect(alone.score.verdict.reasons.some((r) => r.includes("D2.O1.C : couverture 62,5 % < 66 %"))).toBe(true);

    const other = await t.db.assessment.create({
      data: {
        establishmentId: douarnenez,
        campaignId: campaign.id,
        answers: {
          create: care.requirements.map((r) => ({ requirementCode: r.code, kind: "value" as const, value: "yes" })),
        },
      },
    });
    expect((await read()).score.verdict.eligible).toBe(false); // not shared: its answers are its own
    await t.db.assessment.update({ where: { id: other.id }, data: { sharing: "detail" } });
    const together = await read();
    expect(together.score.verdict).toMatchObject({ eligible: true, headline: "Éligible" });
    expect(together.coverage?.members.filter((m) => m.reaches.includes("D2.O1.C"))).toHaveLength(2);
  });
});

describe("[SCORING] CaRE coverage over the sites of an applicant outside a GHT (EG)", () => {
  it("weighs the sites by activity, from what the director declares per site, objective by objective", async () => {
    const care = await loadShipped("care-d2", "2025.1");
    const version = await insertVersion(t.db, { ...care, version: "2025.7" });
    // GHBS alone in its GHT: the sites of its legal entity carry the rule.
    const sites = await Promise.all(
      [
        ["560999710", "Site de Lorient", 60_000],
        ["560999728", "Site de Quimperlé", 30_000],
        ["560999736", "Site de Port-Louis", null],
      ].map(([finess, name, annualActivity]) =>
        t.db.site.create({
          data: {
            establishmentId: w.ghbs,
            finess: String(finess),
            name: String(name),
            annualActivity: annualActivity as number | null,
          },
        }),
      ),
    );
    const campaign = await createCampaign(t.db, version.id, [w.ghbs], 2025);
    const ctx = { db: t.db, actor: w.director, requestId: rid };
    const id = (await startAssessment(ctx, { campaignId: campaign.id, establishmentId: w.ghbs, carryForward: false }))
      .id;
    for (const r of care.requirements)
      await saveAnswer(
        t.db,
        w.director,
        id,
        { requirementCode: r.code, kind: "value", value: "yes", expectedVersion: 0 },
        rid,
      );
    const read = () => getAssessmentResults(t.db, w.director, w.ghbs, id);

    const none = await read();
    expect(none.coverage?.members.map((m) => [m.name, m.kind, m.activity])).toEqual([
      ["Site de Lorient", "site", 60_000],
      ["Site de Port-Louis", "site", null],
      ["Site de Quimperlé", "site", 30_000],
    ]);
    expect(none.score.verdict.blockingMissing.map((r) => r.code)).toEqual(["D2.O1.C", "D2.O1.D"]);

    const { setSiteCoverage } = await import("@/lib/assessments/commands");
    const [lorient, quimperle, portLouis] = sites;
    await setSiteCoverage(ctx, id, { siteId: lorient!.id, code: "D2.O1.C", reached: true });
    await setSiteCoverage(ctx, id, { siteId: lorient!.id, code: "D2.O1.D", reached: true });
    await setSiteCoverage(ctx, id, { siteId: portLouis!.id, code: "D2.O1.C", reached: true });
    const partly = await read();
    // O1.C: Lorient (67 % of the known activity) and Port-Louis (unknown, covered): met whatever Port-Louis weighs.
    // O1.D: Lorient only, Port-Louis' activity unknown and not covered: à instruire.
    expect(partly.score.requirements.find((r) => r.code === "D2.O1.C")!.status).toBe("met");
    expect(partly.score.requirements.find((r) => r.code === "D2.O1.D")!.status).toBe("unknown");
    expect(
      partly.score.verdict.reasons.some((r) => r.includes("activité non renseignée pour Site de Port-Louis")),
    ).toBe(true);
    expect(await t.db.auditEvent.count({ where: { action: "assessment.site_coverage", entityId: id } })).toBe(3);

    expect(await codeOf(setSiteCoverage(ctx, id, { siteId: quimperle!.id, code: "D2.O3.A", reached: true }))).toBe(
      "BAD_INPUT",
    );
    expect(
      await codeOf(
        setSiteCoverage({ ...ctx, actor: w.otherDirector }, id, {
          siteId: quimperle!.id,
          code: "D2.O1.C",
          reached: true,
        }),
      ),
    ).toBe("NOT_FOUND");
  });
});
