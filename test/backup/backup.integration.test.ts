import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { RestoreRefused, restoreBackup, writeBackup, type Folders } from "@/lib/backup/archive";
import { getDossierPdf, sealDossier } from "@/lib/dossier/generate";
import { uploadEvidence } from "@/lib/evidence/commands";
import { createTestDb, type TestDb } from "@/test/db";
import { SAMPLES } from "@/test/evidence/bytes";
import { createCampaign, demoWorld, insertVersion, loadShipped } from "@/test/fixtures/assessment";

// npm run backup / npm run restore, through the functions they call, on the test's engine (PGlite,
// or PostgreSQL with TEST_DATABASE_URL): a sealed dossier downloaded after the restore has the
// same SHA-256 as before, every evidence file matches its hash, the audit chain is intact.

const ORIGIN = "https://socle.test";
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let base = "";
let source: TestDb;
let target: TestDb;
let folders: { source: Folders; target: Folders };
let archive = "";
let assessmentId = "";
let directorId = "";
let sealedSha = "";

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), "socle-backup-test-"));
  folders = {
    source: { evidenceDir: path.join(base, "a", "evidence"), dossierDir: path.join(base, "a", "dossiers") },
    target: { evidenceDir: path.join(base, "b", "evidence"), dossierDir: path.join(base, "b", "dossiers") },
  };
  archive = path.join(base, "sauvegarde.tar.gz");
  source = await createTestDb();
  const db = source.db;
  const w = await demoWorld(db);
  directorId = w.director.id;
  const referential = await loadShipped("hopen-socle", "2019.2");
  const version = await insertVersion(db, referential);
  const campaign = await createCampaign(db, version.id, [w.ghbs], 2026);
  const assessment = await db.assessment.create({
    data: {
      establishmentId: w.ghbs,
      campaignId: campaign.id,
      answers: {
        create: referential.requirements.slice(0, 6).map((r) => ({
          requirementCode: r.code,
          kind: "value" as const,
          value: "yes",
          comment: 'Réponse « accentuée », avec guillemets " et \\ barre',
          answeredById: w.director.id,
        })),
      },
    },
  });
  assessmentId = assessment.id;
  for (const [name, bytes, code] of [
    ["Charte sécurité.pdf", SAMPLES.pdf, referential.requirements[0]!.code],
    ["Schéma réseau.png", SAMPLES.png, referential.requirements[1]!.code],
  ] as const) {
    await uploadEvidence(db, w.director, assessmentId, code, { name, stream: () => new Blob([bytes]).stream() }, "t", {
      evidenceDir: folders.source.evidenceDir,
    });
  }
  await db.assessment.update({
    where: { id: assessmentId },
    data: { status: "submitted", submittedAt: new Date("2026-06-30T10:00:00Z"), submittedById: w.director.id },
  });
  // Sealed as the submit path seals (a download never seals).
  const sealed = await sealDossier(db, w.director, assessmentId, {
    origin: ORIGIN,
    dossierDir: folders.source.dossierDir,
  });
  expect(sealed.verificationCode).toBeTruthy();
  sealedSha = sha(sealed.bytes);
  target = await createTestDb();
}, 120_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
  if (base) await rm(base, { recursive: true, force: true });
});

describe("[BACKUP] backup and restore into an empty installation", () => {
  it("writes one archive with every table, file and a manifest of hashes", async () => {
    const manifest = await writeBackup(source.db, folders.source, archive);
    expect(manifest.tables.Evidence).toBe(2);
    expect(manifest.tables.Dossier).toBe(1);
    expect(manifest.tables.AuditEvent).toBeGreaterThan(0);
    expect(manifest.migrations.length).toBeGreaterThan(0);
    const evidenceFiles = Object.keys(manifest.files).filter((f) => f.startsWith("evidence/"));
    expect(evidenceFiles).toHaveLength(2);
    for (const file of evidenceFiles) expect(file.endsWith(manifest.files[file]!)).toBe(true); // content-addressed
    expect(Object.keys(manifest.files).filter((f) => f.startsWith("dossiers/"))).toHaveLength(1);
  });

  it("restores it: the sealed dossier has the same SHA-256, every evidence file its hash, the audit chain holds", async () => {
    const report = await restoreBackup(target.db, folders.target, archive);
    expect(report).toMatchObject({ evidence: 2, dossiers: 1 });

    const director = (await loadActor(target.db, directorId))!;
    const again = await getDossierPdf(target.db, director, assessmentId, {
      origin: ORIGIN,
      dossierDir: folders.target.dossierDir,
    });
    expect(again.generated).toBe(false); // served as stored, not sealed anew
    expect(sha(again.bytes)).toBe(sealedSha);

    for (const row of await target.db.evidence.findMany()) {
      const bytes = await readFile(path.join(folders.target.evidenceDir, ...row.storageKey.split("/")));
      expect(sha(bytes)).toBe(row.sha256);
    }
    const answers = await target.db.answer.findMany({ where: { assessmentId } });
    expect(answers[0]!.comment).toBe('Réponse « accentuée », avec guillemets " et \\ barre');
    expect(await target.db.auditEvent.count()).toBe(await source.db.auditEvent.count());
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
    // Sequences follow the restored rows: the next audit row chains on.
    await target.db.auditEvent.create({ data: { action: "after.restore", entity: "Test", entityId: "1" } });
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
  });

  it("refuses an installation that is not empty", async () => {
    await expect(restoreBackup(target.db, folders.target, archive)).rejects.toBeInstanceOf(RestoreRefused);
    const fresh = await createTestDb();
    try {
      await fresh.db.setting.create({ data: { key: "x", value: "y" } });
      await expect(
        restoreBackup(
          fresh.db,
          { evidenceDir: path.join(base, "c", "e"), dossierDir: path.join(base, "c", "d") },
          archive,
        ),
      ).rejects.toThrow(/contient déjà des données/);
    } finally {
      await fresh.close();
    }
  }, 120_000);
});
