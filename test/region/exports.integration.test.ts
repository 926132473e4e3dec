import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createTestDb, type TestDb } from "@/test/db";
import { buildRegionalWorld } from "./world";

// The exports called as Next calls them (Request in, Response out) on the demo world: the session is
// replaced by a chosen actor and the database by the test one.

const world = vi.hoisted(() => ({ db: null as unknown, actor: null as unknown }));
vi.mock("@/lib/core/db", () => ({
  get db() {
    return world.db;
  },
}));
vi.mock("@/lib/auth/current", () => ({ getActor: async () => world.actor, getRouteActor: async () => world.actor }));

const xlsxRoute = await import("@/app/api/region/[regionId]/campaigns/[campaignId]/export/comparaison.xlsx/route");
const membersRoute = await import("@/app/api/region/[regionId]/campaigns/[campaignId]/export/membres.csv/route");
const briefRoute = await import("@/app/api/region/[regionId]/campaigns/[campaignId]/export/synthese.pdf/route");
const answersRoute = await import("@/app/api/region/[regionId]/campaigns/[campaignId]/export/reponses.csv/route");

let t: TestDb;
let w: Awaited<ReturnType<typeof buildRegionalWorld>>;
beforeAll(async () => {
  t = await createTestDb();
  w = await buildRegionalWorld(t.db);
  world.db = t.db;
}, 120_000);
afterAll(() => t.close());

type Route = {
  GET: (r: Request, c: { params: Promise<{ regionId: string; campaignId: string }> }) => Promise<Response>;
};
function get(route: Route, actor: Actor, regionId: string, query = "") {
  world.actor = actor;
  const url = `http://socle.test/api/region/${regionId}/campaigns/${w.current.id}/export/x${query}`;
  return route.GET(new Request(url), { params: Promise.resolve({ regionId, campaignId: w.current.id }) });
}

async function workbook(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}
const sheetRows = (ws: ExcelJS.Worksheet) => {
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
};

describe("[REGION] exports of the delegate's view", () => {
  it("the Bretagne delegate's XLSX holds the page's rows, markers and sharing rule", async () => {
    const res = await get(xlsxRoute, w.actors.delegate, w.bretagne);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="comparaison-bretagne-\d+\.xlsx"/);
    const wb = await workbook(res);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["À propos", "Synthèse", "Membres", "Réponses"]);

    const members = wb.getWorksheet("Membres")!;
    expect(members.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const [header, ...rows] = sheetRows(members);
    expect(header!.slice(0, 3)).toEqual(["Identifiant", "Établissement", "Département"]);
    expect(rows).toHaveLength(25);
    expect(rows.map((r) => r[1])).not.toContain("CHU de Nantes");
    // l'Aven submitted without sharing detail: participation and verdict only, no score.
    const saintYvi = rows.find((r) => String(r[1]).startsWith("CH de l'Aven (établissement fictif)"))!;
    expect(saintYvi[6]).toBe("Soumise");
    expect(saintYvi[8]).toBe("non");
    expect(saintYvi.slice(9).every((v) => v === null || v === undefined)).toBe(true);
    const shared = rows.filter((r) => r[8] === "oui");
    expect(shared).toHaveLength(18);
    expect(shared.every((r) => typeof r[9] === "number" && r[9] >= 0 && r[9] <= 1)).toBe(true);
    expect(members.getColumn(10).numFmt).toBe("0 %");

    // One row per answer, from the 18 shared submitted revisions only: never l'Aven, never Quimper's draft.
    const [, ...answers] = sheetRows(wb.getWorksheet("Réponses")!);
    const names = new Set(answers.map((r) => r[1]));
    expect(names.size).toBe(18);
    expect([...names].some((n) => String(n).startsWith("CH de l'Aven (établissement fictif)"))).toBe(false);
    expect([...names].some((n) => String(n).startsWith("CH de Cornouaille"))).toBe(false);
    expect(answers.every((r) => typeof r[6] === "string" && ["oui", "non"].includes(r[6]))).toBe(true);

    const about = new Map(sheetRows(wb.getWorksheet("À propos")!).map((r) => [r[0], r[1]]));
    expect(about.get("Région")).toBe("Bretagne");
    expect(about.get("Seuil des effectifs et parts (k)")).toBe(5);
    expect(about.get("Seuil des médianes et quartiles (k)")).toBe(10);
    expect(about.get("Filtres")).toBe("aucun (tous les membres)");
    expect(about.get("Extraction")).toBeInstanceOf(Date);
  });

  it("carries the small-group markers of the filtered page (Finistère: medians hidden under 10)", async () => {
    const wb = await workbook(await get(xlsxRoute, w.actors.delegate, w.bretagne, "?departement=29"));
    const summary = sheetRows(wb.getWorksheet("Synthèse")!);
    const coverage = summary.find((r) => r[0] === "Couverture : établissements ayant soumis")!;
    expect(coverage.slice(1, 3)).toEqual([9, 10]);
    const overall = summary.find((r) => r[0] === "Score global : médiane")!;
    expect(overall[1] ?? null).toBeNull();
    expect(overall[4]).toBe("masqué (moins de 10 établissements)");
    const about = new Map(sheetRows(wb.getWorksheet("À propos")!).map((r) => [r[0], r[1]]));
    expect(about.get("Filtres")).toMatch(/^Département : Finistère \(29\)/);
    const [, ...rows] = sheetRows(wb.getWorksheet("Membres")!);
    expect(rows).toHaveLength(10);
  });

  it("the CSVs use stable keys, the French Excel dialect, and the same sharing rule", async () => {
    const res = await get(membersRoute, w.actors.delegate, w.bretagne);
    const text = await res.text();
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toMatch(
      /^etablissement_id;etablissement;departement;ght;categorie;taille;participation;eligible;/,
    );
    expect(lines).toHaveLength(26);
    const answers = await (await get(answersRoute, w.actors.delegate, w.bretagne)).text();
    expect(answers).not.toContain("CH de l'Aven (établissement fictif)");
    // Response.text() drops the BOM (UTF-8 decoding); the bytes carry it.
    expect(answers.split("\r\n")[0]).toBe(
      "etablissement_id;etablissement;domaine;exigence_code;exigence;statut;avec_piece",
    );
    const bytes = new Uint8Array(await (await get(answersRoute, w.actors.delegate, w.bretagne)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("the Pays de la Loire delegate gets 404 and no file, from every export", async () => {
    for (const route of [xlsxRoute, membersRoute, answersRoute, briefRoute]) {
      const res = await get(route, w.actors.delegatePdl, w.bretagne);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-disposition")).toBeNull();
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(JSON.stringify(await res.json())).not.toContain("Brest");
    }
    const director = await get(xlsxRoute, w.actors.director, w.bretagne);
    expect(director.status).toBe(404);
  });

  it("the PDF brief carries the page's figures and markers, and names no establishment", async () => {
    const text = async (query: string) => {
      const res = await get(briefRoute, w.actors.delegate, w.bretagne, query);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      const file = `${process.env.TMPDIR ?? "/tmp"}/socle-brief-${query ? "29" : "all"}.pdf`;
      writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
      return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    };
    const all = await text("");
    expect(all).toMatch(/Établissements ayant soumis/);
    expect(all).toMatch(/Écarts les plus fréquents/);
    expect(all).toMatch(/médiane \d+ %/);
    expect(all).not.toMatch(/CH de Cornouaille|CH de l'Aven|CHU de Brest/);
    const finistere = await text("?departement=29");
    expect(finistere).toMatch(/Département : Finistère \(29\)/);
    expect(finistere).toMatch(/masqué \(moins de 10 établissements\)/);
  });
});
