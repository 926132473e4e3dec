import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Heatmap } from "@/components/region/heatmap";
import { MemberRow } from "@/components/region/member-row";
import { shareAssessment } from "@/lib/assessments/commands";
import { isAppError } from "@/lib/core/errors";
import { getCampaignComparison, type ViewScope } from "@/lib/region/campaign-view";
import { getPeerPosition } from "@/lib/region/peers";
import { listComparableCampaigns } from "@/lib/region/queries";
import { getSharingPreview } from "@/lib/region/sharing";
import { parseViewQuery } from "@/lib/region/view-query";
import { createTestDb, type TestDb } from "@/test/db";
import { buildRegionalWorld } from "./world";

let t: TestDb;
let w: Awaited<ReturnType<typeof buildRegionalWorld>>;
beforeAll(async () => {
  t = await createTestDb();
  w = await buildRegionalWorld(t.db);
}, 120_000);
afterAll(() => t.close());

const view = (actor: keyof typeof w.actors, scope: ViewScope, query: Record<string, string> = {}, campaign?: string) =>
  getCampaignComparison(t.db, w.actors[actor], scope, campaign ?? w.current.id, parseViewQuery(query));

async function code(p: Promise<unknown>) {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
}

describe("[REGION] who sees what", () => {
  it("the Bretagne delegate sees Bretagne's members, and nothing of another region", async () => {
    const v = await view("delegate", { kind: "region", id: w.bretagne });
    expect(v.rows.length).toBe(25);
    expect(v.rows.map((r) => r.name)).not.toContain("CHU de Nantes");
    expect(await code(view("delegate", { kind: "region", id: w.paysDeLaLoire }))).toBe("NOT_FOUND");
    expect(await code(view("delegatePdl", { kind: "region", id: w.bretagne }))).toBe("NOT_FOUND");
  });

  it("the GHT coordinator sees only the GHT, never the region nor another GHT", async () => {
    const v = await view("coordinator", { kind: "ght", id: w.uhc });
    expect(v.rows.map((r) => r.name).sort()).toEqual(
      [
        "CH de Cornouaille Quimper-Concarneau",
        "CH de Douarnenez",
        "EPSM du Finistère Sud",
        "Hôtel-Dieu de Pont-l'Abbé",
      ].sort(),
    );
    expect(await code(view("coordinator", { kind: "region", id: w.bretagne }))).toBe("NOT_FOUND");
    expect(await code(view("coordinator", { kind: "ght", id: w.armor }))).toBe("NOT_FOUND");
  });

  it("directors, the ARS and the admin have no comparison view", async () => {
    for (const actor of ["director", "ars", "admin"] as const) {
      expect(await code(view(actor, { kind: "region", id: w.bretagne }))).toBe("NOT_FOUND");
      expect(await code(view(actor, { kind: "ght", id: w.uhc }))).toBe("NOT_FOUND");
      expect(await listComparableCampaigns(t.db, w.actors[actor], { regionId: w.bretagne })).toEqual([]);
    }
  });

  it("never carries the detail of a member that did not share it, nor anything of a draft", async () => {
    const v = await view("delegate", { kind: "region", id: w.bretagne });
    const saintYvi = v.rows.find((r) => r.name.startsWith("CH de l'Aven (établissement fictif)"))!;
    expect(saintYvi).toMatchObject({ participation: "submitted", detailShared: false, overall: null });
    expect(saintYvi.domains.every((d) => d.score === null)).toBe(true);
    const heat = v.heatmap.find((h) => h.id === saintYvi.id)!;
    expect(heat.missing).toBe("not_shared");
    expect(heat.cells.every((c) => c.status === null)).toBe(true);
    // Quimper chose "detail" on a draft: a draft never leaves the establishment.
    const quimper = v.heatmap.find((h) => h.name.startsWith("CH de Cornouaille"))!;
    expect(quimper.missing).toBe("not_submitted");
    expect(quimper.cells.every((c) => c.status === null)).toBe(true);
    // Aggregates count shared detail only: 18 members shared a submitted revision.
    expect(v.detailCell).toMatchObject({ shown: true, value: 18 });
    expect(v.gaps[0]!.missed.n).toBeLessThanOrEqual(18);
  });
});

describe("[REGION] small groups on the demo", () => {
  it("Finistère: counts shown, medians hidden under 10, EPSM hidden under 5", async () => {
    const fin = await view("delegate", { kind: "region", id: w.bretagne }, { departement: "29" });
    expect(fin.coverage.cell).toMatchObject({ shown: true, n: 10, value: 9 });
    expect(fin.distribution[0]!.cell).toMatchObject({ shown: false, reason: "small", k: 10 });
    const epsm = await view("delegate", { kind: "region", id: w.bretagne }, { category: "EPSM" });
    expect(epsm.coverage.cell).toMatchObject({ shown: false, reason: "small", k: 5, n: 2 });
    const region = await view("delegate", { kind: "region", id: w.bretagne });
    expect(region.distribution[0]!.cell).toMatchObject({ shown: true, n: 18 });
  });

  it("counts switch at 4/5 shared members and medians at 9/10", async () => {
    const armor = () => view("delegate", { kind: "region", id: w.bretagne }, { departement: "22" });
    expect((await armor()).detailCell).toMatchObject({ shown: true, value: 5 });
    const treguier = await w.establishment("CH de Tréguier");
    await t.db.assessment.updateMany({ where: { establishmentId: treguier }, data: { sharing: "participation" } });
    expect((await armor()).detailCell).toMatchObject({ shown: false, reason: "small", n: 4 });
    expect((await armor()).gaps).toEqual([]);
    await t.db.assessment.updateMany({ where: { establishmentId: treguier }, data: { sharing: "detail" } });

    const finistere = () => view("delegate", { kind: "region", id: w.bretagne }, { departement: "29" });
    const saintYvi = await w.establishment("CH de l'Aven (établissement fictif)");
    await t.db.assessment.updateMany({ where: { establishmentId: saintYvi }, data: { sharing: "detail" } });
    expect((await finistere()).distribution[0]!.cell).toMatchObject({ shown: false, reason: "small", n: 9 });
    const quimper = await w.establishment("CH de Cornouaille");
    await t.db.assessment.updateMany({
      where: { establishmentId: quimper, campaignId: w.current.id },
      data: { status: "submitted", submittedAt: new Date() },
    });
    const ten = (await finistere()).distribution[0]!.cell;
    expect(ten).toMatchObject({ shown: true, n: 10 });
    await t.db.assessment.updateMany({ where: { establishmentId: saintYvi }, data: { sharing: "participation" } });
  });

  it("shows movement since the previous campaign on comparable requirements", async () => {
    const v = await view("delegate", { kind: "region", id: w.bretagne });
    expect(v.movement).toMatchObject({ breakInSeries: false, comparable: 17, total: 17 });
    expect(v.movement!.improved.length).toBeGreaterThan(0);
    expect(v.movement!.improved[0]!.delta).toBeGreaterThan(0);
  });

  it("filters the aggregates to evidence-backed answers", async () => {
    const all = await view("delegate", { kind: "region", id: w.bretagne });
    const proved = await view("delegate", { kind: "region", id: w.bretagne }, { evidenceOnly: "1" });
    const n = (v: typeof all) => v.gaps.reduce((s, g) => s + (g.missed.shown ? g.missed.n : 0), 0);
    expect(n(proved)).toBeLessThan(n(all));
    expect(proved.heatmap.some((h) => h.cells.some((c) => c.declaredOnly))).toBe(true);
  });
});

describe("[REGION] the director's preview", () => {
  it("draws the establishment's row with the same markup as the delegate's view, and audits the change", async () => {
    const ghbs = await w.establishment("Groupe hospitalier Bretagne Sud");
    const submitted = await t.db.assessment.findFirstOrThrow({
      where: { establishmentId: ghbs, campaignId: w.previous.id },
    });
    await shareAssessment({ db: t.db, actor: w.actors.director, requestId: "r" }, submitted.id, "detail");
    const audit = await t.db.auditEvent.findFirst({ where: { action: "assessment.share", entityId: submitted.id } });
    expect(audit?.after).toEqual({ sharing: "detail" });

    const preview = await getSharingPreview(t.db, w.actors.director, ghbs, submitted.id);
    const mine = preview.previews.find((p) => p.level === "detail")!;
    const theirs = await view("delegate", { kind: "region", id: w.bretagne }, {}, w.previous.id);
    const row = theirs.rows.find((r) => r.id === ghbs)!;
    const heat = theirs.heatmap.find((h) => h.id === ghbs)!;
    expect(row.detailShared).toBe(true);
    const line = (r: typeof row) => renderToStaticMarkup(createElement(MemberRow, { row: r }));
    expect(line(mine.row!)).toBe(line(row));
    const grid = (r: typeof heat) =>
      renderToStaticMarkup(
        createElement(Heatmap, {
          id: "x",
          caption: "x",
          domains: preview.domains,
          requirements: preview.requirements,
          rows: [r],
        }),
      );
    expect(grid(mine.heat!)).toBe(grid(heat));
    // The participation preview is what the delegate sees without detail.
    const participation = preview.previews.find((p) => p.level === "participation")!;
    expect(participation.row).toMatchObject({ detailShared: false, overall: null });
    await shareAssessment({ db: t.db, actor: w.actors.director, requestId: "r" }, submitted.id, "participation");
  });
});

describe("[REGION] a director's position among peers", () => {
  it("gives bands and the group's n, never a name or a value", async () => {
    const ghbs = await w.establishment("Groupe hospitalier Bretagne Sud");
    const submitted = await t.db.assessment.findFirstOrThrow({
      where: { establishmentId: ghbs, campaignId: w.previous.id },
    });
    const region = await getPeerPosition(t.db, w.actors.director, ghbs, submitted.id, "region");
    expect(region).toMatchObject({ shown: true, group: "region" });
    expect(region.n).toBeGreaterThanOrEqual(10);
    const text = JSON.stringify(region);
    const names = (await t.db.establishment.findMany({ select: { name: true } })).map((e) => e.name);
    for (const name of names) expect(text).not.toContain(name);
    expect(Object.keys(region.shown ? region.rows[0]! : {})).toEqual(["code", "title", "band"]);
    const size = await getPeerPosition(t.db, w.actors.director, ghbs, submitted.id, "sizeBand");
    expect(size).toMatchObject({ shown: false, k: 10 });
    expect(await code(getPeerPosition(t.db, w.actors.directorQuimper, ghbs, submitted.id, "region"))).toBe("NOT_FOUND");
  });
});
