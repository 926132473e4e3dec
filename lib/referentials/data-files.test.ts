import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listReferentialFiles, loadReferentialFile } from "./load-file";
import { formatParseErrors } from "./parse";
import type { TReferentialFile } from "./schemas";
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

function byId(id: string): TReferentialFile | undefined {
  // Files load in lexical order: fine while each id ships one version (2019.10 would sort before 2019.2).
  return referentials.filter((r) => r.id === id).at(-1);
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
      ]),
    );
    expect(referentials).toHaveLength(files.length);
  });

  it("[REFERENTIALS] HOP'EN socle has the 16 prerequisites plus QHN, all blocking", () => {
    const socle = byId("hopen-socle");
    const codes = socle?.requirements.map((r) => r.code) ?? [];
    expect(codes.filter((c) => c.startsWith("P"))).toHaveLength(16);
    expect(codes).toContain("QHN");
    expect(socle?.requirements.every((r) => r.blocking)).toBe(true);
    expect(
      socle?.requirements.filter((r) => r.answer.type === "percentage" && r.answer.computedFrom).map((r) => r.code),
    ).toEqual(["P1.3", "P1.4", "P3.2"]);
  });

  it("[REFERENTIALS] every requirement not marked H explains why", () => {
    const unexplained = referentials.flatMap((r) =>
      r.requirements.filter((q) => q.confidence !== "H" && !q.confidenceNote).map((q) => `${r.id}:${q.code}`),
    );
    expect(unexplained).toEqual([]);
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
