import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { loadActor } from "@/lib/auth/actor";
import { syncShippedReferentials } from "@/lib/referentials/store";
import { seedDemoCampaigns } from "@/prisma/seed/demo-campaigns";
import { createTestDb, type TestDb } from "@/test/db";
import { demoWorld } from "@/test/fixtures/assessment";
import { buildDossierPayload } from "./build-payload";
import { makeSeal, renderDossierPdf } from "./render";

// Issue 11: the PDF of the demo draft (the seeded HOP'EN socle draft, on the shipped 2019.4 file)
// prints what is provisional, the three confidence marks, the full "Inconnu" legend and the weighted
// score as Socle's internal indicator. Read back with poppler's pdftotext.

let t: TestDb;
let db: PrismaClient;
let text = "";

function pdfText(bytes: Uint8Array): string {
  const out = spawnSync("pdftotext", ["-", "-"], { input: bytes, maxBuffer: 64 * 1024 * 1024 });
  expect(out.status).toBe(0);
  return out.stdout
    .toString("utf8")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ");
}

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  await demoWorld(db);
  await syncShippedReferentials(db, { log: () => {} });
  await seedDemoCampaigns(db);
  // The demo draft: the seeded HOP'EN socle draft with answers (whoever the demo people are).
  const draft = await db.assessment.findFirstOrThrow({
    where: {
      status: "draft",
      campaign: { referentialVersion: { referentialId: "hopen-socle" } },
      answers: { some: {} },
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, establishmentId: true },
  });
  const director = await db.membership.findFirstOrThrow({
    where: { role: "director", establishmentId: draft.establishmentId },
    select: { userId: true },
  });
  const actor = (await loadActor(db, director.userId))!;
  const payload = await buildDossierPayload(db, actor, draft.id);
  expect(payload.referential.version).toBe("2019.4");
  const { bytes } = await renderDossierPdf(payload, makeSeal("https://socle.test", null));
  text = pdfText(bytes);
  // Kept for a look (pdftoppm): test-results/fidelity/demo-draft.pdf.
  const artifacts = path.resolve("test-results", "fidelity");
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(path.join(artifacts, "demo-draft.pdf"), bytes);
}, 120_000);
afterAll(() => t?.close());

describe("[FIDELITY] the demo draft's PDF", () => {
  it("prints the provisional targets with their note, not a bare 'Cible : ≥ 90 %'", () => {
    expect(text).toContain("Cible : ≥ 90 % (provisoire)");
    expect(text).toContain("Cible : ≥ 80 % (provisoire)");
    expect(text).toContain("Cible provisoire : Aucune source ne donne la cible HOP'EN");
    expect(text).not.toMatch(/Cible : ≥ 90 % ·/);
  });

  it("prints the three marks of each requirement and their legend", () => {
    expect(text).toMatch(/fiab\. libellé H · code L · cible L/);
    expect(text).toContain("« libellé » (la formulation), « code » (le code de l'exigence) et « cible »");
    expect(text).toContain("« Provisoire »");
  });

  it("explains 'Inconnu' as unanswered, 'je ne sais pas' or an unconfirmed carried-over answer", () => {
    expect(text).toContain(
      "« Inconnu » sans réponse, réponse « je ne sais pas » ou réponse reprise de l'an passé pas encore confirmée",
    );
  });

  it("labels the weighted score as Socle's internal indicator, not a programme criterion", () => {
    expect(text).toContain("Score pondéré : indicateur interne à Socle");
    expect(text).toContain("ce n'est pas un critère du programme");
  });
});

describe("[FIDELITY] the QHN condition in the demo draft's PDF (hopen-socle 2019.4)", () => {
  it("prints QHN as computed from the inventory's per-application flag, under both readings", () => {
    // GHBS: 7 applications hold health data, all their vendors committed; the payroll's vendor is not.
    expect(text).toContain("QHN");
    expect(text).toContain("lecture stricte 7 / 7 applications (100 %) ; lecture large 8 / 9 applications");
    expect(text).toContain("Périmètre des applications incertain (QHN)");
  });
});
