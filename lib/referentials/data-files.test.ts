import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listReferentialFiles, loadReferentialFile } from "./load-file";
import { formatParseErrors } from "./parse";
import { compareVersions } from "./store";
import { confidenceMarks, type TReferentialFile } from "./schemas";
import { VALID_YAML } from "@/test/referentials/fixtures";

// The shipped data files: they must load, and the links between them must hold.

const referentials: TReferentialFile[] = [];

beforeAll(async () => {
  for (const file of await listReferentialFiles()) {
    const result = await loadReferentialFile(file);
    if (!result.ok) throw new Error(formatParseErrors(result.errors));
    referentials.push(result.referential);
  }
});

/** The latest shipped version of a referential, or the named one. */
function byId(id: string, version?: string): TReferentialFile | undefined {
  const versions = referentials.filter((r) => r.id === id).sort((a, b) => compareVersions(a.version, b.version));
  return version ? versions.find((r) => r.version === version) : versions.at(-1);
}

describe("shipped referentials", () => {
  it("[REFERENTIALS] every data file parses and is named <id>/<version>.yaml", async () => {
    const files = await listReferentialFiles();
    expect(files.map((f) => path.relative(path.join(process.cwd(), "data", "referentials"), f))).toEqual(
      expect.arrayContaining([
        "hopen-socle/2019.2.yaml",
        "hopen-usage/2019.2.yaml",
        "hospiconnect/2026.1.yaml",
        "care-d2/2025.1.yaml",
        "care-d1/2024.0.yaml",
        "hopen-socle/2019.3.yaml",
        "hopen-usage/2019.3.yaml",
        "hospiconnect/2026.2.yaml",
        "care-d2/2025.2.yaml",
        "hopen-socle/2019.4.yaml",
        "care-d1/2024.1.yaml",
        "care-d2/2025.3.yaml",
      ]),
    );
    expect(referentials).toHaveLength(files.length);
  });

  it("[REFERENTIALS] HOP'EN socle 2019.2 has the 16 prerequisites plus QHN, all blocking (kept as published)", () => {
    const old = byId("hopen-socle", "2019.2");
    expect(old?.requirements.every((r) => r.blocking)).toBe(true);
    expect(old?.requirements.filter((r) => r.provisional)).toEqual([]);
  });

  it("[FIDELITY] HOP'EN socle 2019.3: P1.2 is not blocking, the invented targets are provisional", () => {
    const socle = byId("hopen-socle", "2019.3");
    expect(socle?.version).toBe("2019.3");
    const codes = socle?.requirements.map((r) => r.code) ?? [];
    expect(codes.filter((c) => c.startsWith("P"))).toHaveLength(16);
    expect(codes).toContain("QHN");
    expect(socle?.requirements.filter((r) => !r.blocking).map((r) => r.code)).toEqual(["P1.2"]);
    expect(socle?.requirements.filter((r) => r.provisional?.target).map((r) => r.code)).toEqual([
      "P1.3",
      "P1.4",
      "P3.2",
    ]);
    expect(socle?.requirements.find((r) => r.code === "P2.1")?.help).toMatch(/plan de tests.*exécuté/);
    expect(
      socle?.requirements.filter((r) => r.answer.type === "percentage" && r.answer.computedFrom).map((r) => r.code),
    ).toEqual(["P1.3", "P1.4", "P3.2"]);
  });

  it("[FIDELITY] HOP'EN socle 2019.4: QHN is computed from the inventory's per-application flag, both readings", () => {
    const socle = byId("hopen-socle");
    expect(socle?.version).toBe("2019.4");
    const qhn = socle?.requirements.find((r) => r.code === "QHN");
    expect(qhn?.answer).toMatchObject({
      type: "percentage",
      target: 100,
      computedFrom: "qhn_committed",
      scope: { strict: { healthDataOnly: true }, broad: {}, confidence: "L" },
    });
    expect(socle?.eligibility).toMatchObject({ alsoRequire: ["QHN"] });
    // Everything else as in 2019.3.
    const previous = byId("hopen-socle", "2019.3")!;
    const others = (r: TReferentialFile) => r.requirements.filter((q) => q.code !== "QHN");
    expect(others(socle!)).toEqual(others(previous));
  });

  it("[FIDELITY] CaRE D1 2024.1: the crisis plan is 'related' to D2.O1.B, the crisis exercise is not linked", () => {
    const d1 = byId("care-d1");
    expect(d1?.version).toBe("2024.1");
    const req = (code: string) => d1?.requirements.find((r) => r.code === code);
    expect(req("D1.P1")?.mappings).toEqual([{ referential: "care-d2", code: "D2.O1.B", kind: "related" }]);
    expect(req("D1.P2")?.mappings).toEqual([]);
    expect(req("D1.P2")?.confidenceNote).toMatch(/Aucun lien avec D2\.O1\.B/);
    const o1b = byId("care-d2")?.requirements.find((r) => r.code === "D2.O1.B");
    expect(byId("care-d2")?.version).toBe("2025.3");
    expect(o1b?.mappings).toContainEqual({ referential: "care-d1", code: "D1.P1", kind: "related" });
    expect(o1b?.mappings.some((m) => m.code === "D1.P2")).toBe(false);
    // Never "equivalent" towards an unsourced placeholder.
    const towardsD1 = referentials.flatMap((r) =>
      r.requirements.flatMap((q) => q.mappings.filter((m) => m.referential === "care-d1" || r.id === "care-d1")),
    );
    expect(towardsD1.filter((m) => m.kind === "equivalent")).toEqual([]);
    // The published 2024.0 is kept as it was.
    expect(byId("care-d1", "2024.0")?.requirements.find((r) => r.code === "D1.P1")?.mappings).toEqual([]);
  });

  it("[REFERENTIALS] every requirement with a mark below H explains why", () => {
    const unexplained = referentials.flatMap((r) =>
      r.requirements
        .filter((q) => Object.values(confidenceMarks(q)).some((m) => m !== "H") && !q.confidenceNote)
        .map((q) => `${r.id}:${r.version}:${q.code}`),
    );
    expect(unexplained).toEqual([]);
  });

  it("[FIDELITY] HOP'EN usage 2019.3: only D2.2 (98 %) and D2.5 (80 %) are sourced and block", () => {
    const usage = byId("hopen-usage");
    expect(usage?.eligibility).toEqual({ kind: "per_usage_domain", option: "domains", prerequisites: "hopen-socle" });
    expect(
      usage?.requirements
        .filter((r) => r.blocking)
        .map((r) => [r.code, r.answer.type === "percentage" && r.answer.target]),
    ).toEqual([
      ["D2.2", 98],
      ["D2.5", 80],
    ]);
    const others = usage?.requirements.filter((r) => !["D2.2", "D2.5"].includes(r.code)) ?? [];
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((r) => r.provisional?.blocking && confidenceMarks(r).target === "L")).toBe(true);
    expect(usage?.description).toMatch(/8 des 26/);
  });

  it("[FIDELITY] HospiConnect 2026.2: only the mandatory objective blocks, 1.0 scores its three parts", () => {
    const hc = byId("hospiconnect");
    expect(hc?.title).toBe(
      "Programme HospiConnect - HOP'EN2 : Sécurisation et simplification de l'accès au SIH et aux services numériques externes",
    );
    const firmBlocking = hc?.requirements.filter((r) => r.blocking && !r.provisional?.blocking).map((r) => r.code);
    expect(firmBlocking).toEqual(["1.0", "1.0.pssi", "1.0.maturite"]);
    expect(hc?.requirements.filter((r) => r.domain === "OBLIGATOIRE").every((r) => r.blocking)).toBe(true);
    expect(hc?.requirements.find((r) => r.code === "1.0.maturite")?.targetsByYear?.["2028"]).toBeDefined();
    const r12 = hc?.requirements.find((r) => r.code === "1.2");
    const met2028 = r12?.targetsByYear?.["2028"]?.metValues ?? [];
    const options = r12?.answer.type === "choice" ? r12.answer.options : [];
    expect(met2028.map((v) => options.find((o) => o.value === v)?.label)).toEqual([
      expect.stringMatching(/activités RPPS à jour/),
    ]);
    expect(hc?.requirements.find((r) => r.code === "1.4")?.label).toMatch(/AIR simplifié.*API Pro Santé Connect/);
    // The ANS gives no proofs: every list is Socle's proposal, and says so.
    expect(hc?.requirements.filter((r) => r.proofs.length && !r.provisional?.proofs).map((r) => r.code)).toEqual([]);
  });

  it("[FIDELITY] CaRE D2 2025.2: the ANS proofs and windows, P-labels marked M", () => {
    const care = byId("care-d2");
    const req = (code: string) => care?.requirements.find((r) => r.code === code);
    expect(req("D2.O3.A")?.proofs.join(" ")).toMatch(/nom et la version de la solution de sauvegarde/);
    expect(req("D2.O4")?.proofs.join(" ")).toMatch(/non nominative/);
    expect(req("D2.O4")?.proofs.join(" ")).not.toMatch(/Référent métier désigné/);
    expect(req("D2.O3.C")?.label).toMatch(/jalons/);
    expect(req("D2.O3.C")?.recommendedAction).not.toMatch(/mettre en place une première copie immuable/);
    expect(req("D2.O1.C")?.help).toMatch(/s'ils existent/);
    expect(req("D2.O2.A")?.label).toMatch(/dépôt de la déclaration d'atteinte des objectifs/);
    expect([confidenceMarks(req("D2.P1")!).wording, confidenceMarks(req("D2.P2")!).wording]).toEqual(["M", "M"]);
  });

  it("[REFERENTIALS] every mapping points to an existing requirement that maps back", () => {
    const problems: string[] = [];
    for (const ref of referentials) {
      for (const req of ref.requirements) {
        for (const mapping of req.mappings) {
          const target = byId(mapping.referential)?.requirements.find((q) => q.code === mapping.code);
          const from = `${ref.id}:${req.code} → ${mapping.referential}:${mapping.code}`;
          if (!target) problems.push(`${from} : cible introuvable`);
          else if (!target.mappings.some((m) => m.referential === ref.id && m.code === req.code))
            problems.push(`${from} : pas de lien retour`);
          else {
            const back = target.mappings.find((m) => m.referential === ref.id && m.code === req.code);
            if (mapping.kind && back?.kind && back.kind !== mapping.kind)
              problems.push(`${from} : nature du lien différente (${mapping.kind} / ${back.kind})`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("[REFERENTIALS] refuses a file whose place disagrees with its id and version", async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "socle-ref-")), "test-ref");
    await mkdir(dir);
    await writeFile(path.join(dir, "2.0.yaml"), VALID_YAML);
    const result = await loadReferentialFile(path.join(dir, "2.0.yaml"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toContain("« test-ref/1.0.yaml »");
  });
});
