import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { loadActor } from "@/lib/auth/actor";
import { syncShippedReferentials } from "@/lib/referentials/store";
import { DEMO_USAGE_CAMPAIGN, seedDemoCampaigns } from "@/prisma/seed/demo-campaigns";
import { createTestDb, type TestDb } from "@/test/db";
import { demoWorld } from "@/test/fixtures/assessment";
import { buildDossierPayload } from "./build-payload";
import { makeSeal, renderDossierPdf } from "./render";
import type { DossierPayload } from "./types";

// Issue 11: HOP'EN usage is paid per domain. The demo's usage draft (GHBS, D2 and D3, 2021) prints
// each domain's verdict with its own funding figure (an order of magnitude over the population the
// example assumption names, capped by its ceiling) and the total, flagged as an example.

let t: TestDb;
let db: PrismaClient;
let payload: DossierPayload;
let text = "";

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  const w = await demoWorld(db);
  await syncShippedReferentials(db, { log: () => {} });
  await seedDemoCampaigns(db);
  const draft = await db.assessment.findFirstOrThrow({
    where: { establishmentId: w.ghbs, campaign: { name: DEMO_USAGE_CAMPAIGN } },
    select: { id: true },
  });
  payload = await buildDossierPayload(db, (await loadActor(db, w.director.id))!, draft.id);
  const { bytes } = await renderDossierPdf(payload, makeSeal("https://socle.test", null));
  const out = spawnSync("pdftotext", ["-", "-"], { input: bytes, maxBuffer: 64 * 1024 * 1024 });
  text = out.stdout
    .toString("utf8")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ");
  // Kept for a look (pdftoppm): test-results/fidelity/demo-usage-draft.pdf.
  const artifacts = path.resolve("test-results", "fidelity");
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(path.join(artifacts, "demo-usage-draft.pdf"), bytes);
}, 120_000);
afterAll(() => t?.close());

describe("[FIDELITY] the demo's HOP'EN usage draft: a funding figure per domain", () => {
  it("is dated when HOP'EN ran and gated by GHBS's socle: no domain eligible while P2.1 and P2.6 are missing", () => {
    expect(payload.campaign).toEqual({ name: "HOP'EN — usage 2021", year: 2021 });
    expect(payload.verdict.domains.map((d) => [d.code, d.status])).toEqual([
      ["D2", "not_eligible"],
      ["D3", "not_eligible"],
    ]);
    expect(payload.verdict.domains[0]!.reasons[0]).toMatch(/Prérequis du socle manquants.*P2\.1, P2\.6/);
  });

  it("gives each domain its own order of magnitude and the total, from example assumptions", () => {
    const usage = payload.funding?.usage;
    expect(usage?.domains.map((d) => [d.code, d.amount, d.isExample])).toEqual([
      // 52 % of 21 M€ shared among 60 establishments: 182 000 €, two significant digits.
      ["D2", { low: 180_000, high: 180_000 }, true],
      // 1 to 2 M€ by activity (98 000 of 1 500 000 stays), capped at 100 000 €.
      ["D3", { low: 65_000, high: 100_000 }, true],
    ]);
    expect(usage?.total).toEqual({ low: 245_000, high: 280_000 });
    expect(usage?.held).toEqual(usage?.total);
    expect(
      usage?.domains.every((d) => d.assumption?.startsWith("Domaine") && /Exemple de démonstration/.test(d.assumption)),
    ).toBe(true);
  });

  it("prints them in the PDF, each with its verdict, the total and the example's words", () => {
    expect(text).toContain("Financement en jeu par domaine d'usage");
    expect(text).toContain(
      "D2 — DPI interopérable et DMP (pas encore éligible) : environ 180 k€ à débloquer (exemple)",
    );
    expect(text).toContain("entre 65 k€ et 100 k€ à débloquer (exemple)");
    expect(text).toContain("Total des domaines choisis : entre 245 k€ et 280 k€");
    expect(text).toContain("Hypothèse (exemple de démonstration)");
    expect(text).toContain("pas un montant officiel");
  });
});
