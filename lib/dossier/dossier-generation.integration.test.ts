import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ARTIFACTS, EVIDENCE_NAME, flat, ORIGIN, pdfText, dossierWorld } from "@/test/dossier/world";

// The dossier of a submitted assessment: generated once and stored, served byte for byte, and what
// its PDF says (read back with poppler). The shared world: test/dossier/world.ts.

const dirs = vi.hoisted(() => {
  const base = `${process.env.TMPDIR ?? "/tmp"}/socle-dossier-${globalThis.crypto.randomUUID()}`;
  process.env.SOCLE_DATA_DIR = `${base}/data`;
  process.env.EVIDENCE_DIR = `${base}/evidence`;
  return {
    base,
    dossiers: `${base}/data/dossiers`,
    evidence: `${base}/evidence`,
    db: null as unknown,
    actor: null as unknown,
  };
});

// The routes read the database and the session from these modules: the test's database and a
// chosen actor stand in (the library functions below take the database explicitly).
vi.mock("@/lib/core/db", () => ({
  get db() {
    return dirs.db;
  },
}));
vi.mock("@/lib/auth/current", () => ({ getActor: async () => dirs.actor, getRouteActor: async () => dirs.actor }));

const { buildDossierPayload } = await import("./build-payload");
const { formatVerificationCode } = await import("./seal");
const { makeSeal, renderDossierPdf } = await import("./render");

const w = dossierWorld(dirs);

describe("[DOSSIER] generation of a submitted assessment", () => {
  it("renders once, stores the PDF under <dataDir>/dossiers/<code>.pdf, and writes the row with its audit", async () => {
    const pdf = await w.download(w.actors.director);
    expect(pdf.generated).toBe(true);
    expect(pdf.isDraft).toBe(false);
    expect(pdf.fileName).toBe(`dossier-${w.finess}-campagne-2026.pdf`);
    expect(pdf.verificationCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/);
    const stored = readFileSync(path.join(dirs.dossiers, `${pdf.verificationCode}.pdf`));
    expect(stored.equals(pdf.bytes)).toBe(true);
    const rows = await w.db.dossier.findMany({ where: { assessmentId: w.submittedId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      verificationCode: pdf.verificationCode,
      sha256: pdf.sha256,
      size: pdf.bytes.length,
      pageCount: pdf.pageCount,
      generatedById: w.actors.director.id,
    });
    const audit = await w.db.auditEvent.findFirst({ where: { action: "dossier.generate", entityId: rows[0]!.id } });
    expect(audit?.actorId).toBe(w.actors.director.id);

    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, "dossier.pdf"), pdf.bytes);
    const png = spawnSync("pdftoppm", [
      "-r",
      "60",
      "-png",
      "-f",
      "1",
      "-l",
      "3",
      path.join(ARTIFACTS, "dossier.pdf"),
      path.join(ARTIFACTS, "page"),
    ]);
    expect(png.status).toBe(0);
  });

  it("serves the stored bytes afterwards, to every reader, without a second render", async () => {
    const first = await w.download(w.actors.director);
    const again = await w.download(w.actors.ars);
    expect(again.generated).toBe(false);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(await w.db.dossier.count({ where: { assessmentId: w.submittedId } })).toBe(1);
  });

  it("shows the establishment, FINESS, verdict, every requirement code and the evidence SHA-256", async () => {
    const pdf = await w.download(w.actors.director);
    const text = flat(pdfText(pdf.bytes));
    const payload = await buildDossierPayload(w.db, w.actors.director, w.submittedId);
    expect(payload.verdict.eligible).toBe(false);
    expect(payload.verdict.blockingMissing.map((r) => r.code).sort()).toEqual(["P2.1", "P2.6"]);
    expect(text).toContain(w.establishmentName);
    expect(text).toContain(w.finess);
    expect(text).toContain(flat(payload.verdict.headline.replace(/[\u00a0\u202f]/g, " ")));
    expect(text).toContain("P2.1");
    for (const r of w.referential.requirements) expect(text, r.code).toContain(r.code);
    expect(text).toContain(w.evidenceSha);
    expect(text).toContain(EVIDENCE_NAME);
    expect(text).toContain(formatVerificationCode(pdf.verificationCode!));
    expect(text).toContain("pas une signature électronique qualifiée");
    expect(text).toContain("Tester le plan de reprise d'activité");
    expect(text).not.toContain("BROUILLON");
    // French typography survives: the narrow no-break space before ":" is in the PDF's text.
    expect(pdfText(pdf.bytes).length).toBeGreaterThan(0);
    const raw = spawnSync("pdftotext", ["-", "-"], { input: pdf.bytes }).stdout.toString("utf8");
    expect(raw).toMatch(/Code de vérification[\u202f ]:/);
  });

  it("prints the funding held back by the missing prerequisites, with its assumption and rule", async () => {
    const text = flat(pdfText((await w.download(w.actors.director)).bytes));
    expect(text).toContain("Financement à débloquer : 850 000 €");
    expect(text).toContain("Montant notifié par l'ARS pour le socle HOP'EN 2026");
    expect(text).toContain("les 2 prérequis bloquants manquants");
    expect(text).toContain("Tout ou rien");
  });

  it("is cut into pages as planned (no fallback to react-pdf's slower pagination)", async () => {
    const payload = await buildDossierPayload(w.db, w.actors.director, w.submittedId);
    const rendered = await renderDossierPdf(payload, makeSeal(ORIGIN, "ABCD2345EFGH"));
    expect(rendered.fallback).toBe(false);
  });

  it("prints 'page X / Y' on every page, Y being the page count", async () => {
    const pdf = await w.download(w.actors.director);
    const info = spawnSync("pdfinfo", ["-"], { input: pdf.bytes }).stdout.toString("utf8");
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBe(pdf.pageCount);
    expect(pages).toBeGreaterThanOrEqual(6);
    const footers = [...pdfText(pdf.bytes).matchAll(/page (\d+) \/ (\d+)/g)];
    expect(footers).toHaveLength(pages);
    expect(footers.map((m) => Number(m[1]))).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    for (const m of footers) expect(Number(m[2])).toBe(pages);
    // And the verification code once per page in the footer.
    const code = formatVerificationCode(pdf.verificationCode!);
    expect(pdfText(pdf.bytes).split(code).length - 1).toBeGreaterThanOrEqual(pages);
  });
});
