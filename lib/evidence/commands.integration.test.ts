import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { type ErrorCode, isAppError } from "@/lib/core/errors";
import { demoFiness, seedDemo, seedPlaces } from "@/prisma/seed/seed";
import { createTestDb, type TestDb } from "@/test/db";
import { linkEvidence, unlinkEvidence, uploadEvidence } from "./commands";
import { getEvidenceForDownload, listEstablishmentEvidence, listEvidenceForAssessment } from "./queries";
import { openEvidenceStream, storagePath } from "./storage";
import { bytes, oleWithMacros, ooxml, ooxmlWithMacros, SAMPLES } from "@/test/evidence/bytes";
import { MACRO_MESSAGE, MAX_EVIDENCE_BYTES, TOO_LARGE_MESSAGE, UNSUPPORTED_MESSAGE } from "./types";

// The evidence commands and queries on a real database (PGlite, or TEST_DATABASE_URL's
// PostgreSQL), with the files stored in a temporary folder.

let t: TestDb;
let db: PrismaClient;
let dir: string;
const RID = "req-evidence-test";
const actors = {} as Record<"director" | "rssi" | "dsi" | "quimper" | "delegate" | "ars" | "admin", Actor>;
const ids = { ghbs: "", quimper: "", draft: "", submitted: "", quimperDraft: "" };

const EMAILS = {
  director: "directrice.ghbs@demo.socle.fr",
  rssi: "rssi.ghbs@demo.socle.fr", // contributor, assigned section D2 below
  dsi: "dsi.ghbs@demo.socle.fr", // contributor, no section
  quimper: "directeur.quimper@demo.socle.fr",
  delegate: "delegue.bretagne@demo.socle.fr",
  ars: "ars.bretagne@demo.socle.fr",
  admin: "admin@demo.socle.fr",
} as const;

// A referential reduced to what the evidence commands read: domains and requirement codes.
const CONTENT = {
  id: "evidence-test",
  version: "1.0",
  domains: [
    { code: "D1", title: "Gouvernance", description: "Gouvernance" },
    { code: "D2", title: "Sécurité", description: "Sécurité" },
  ],
  requirements: [
    { code: "D1.1", domain: "D1", label: "Politique de sécurité" },
    { code: "D1.2", domain: "D1", label: "Comité" },
    { code: "D2.1", domain: "D2", label: "Sauvegardes" },
    { code: "D2.2", domain: "D2", label: "Plan de continuité" },
  ],
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "socle-evidence-"));
  t = await createTestDb();
  db = t.db;
  await seedPlaces(db);
  await seedDemo(db);
  for (const [key, email] of Object.entries(EMAILS) as [keyof typeof EMAILS, string][]) {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    actors[key] = (await loadActor(db, user.id))!;
  }
  ids.ghbs = (await db.establishment.findUniqueOrThrow({ where: { finess: demoFiness("56", "01") } })).id;
  ids.quimper = (await db.establishment.findUniqueOrThrow({ where: { finess: demoFiness("29", "02") } })).id;

  await db.referential.create({ data: { id: "evidence-test", title: "Référentiel de test", programme: "HOPEN" } });
  const version = await db.referentialVersion.create({
    data: {
      referentialId: "evidence-test",
      version: "1.0",
      title: "Test 1.0",
      content: CONTENT,
      contentHash: "0".repeat(64),
    },
  });
  const campaign = async (year: number) =>
    db.campaign.create({
      data: {
        name: `HOP'EN ${year}`,
        year,
        referentialVersionId: version.id,
        opensOn: new Date(`${year}-01-15T00:00:00Z`),
        closesOn: new Date(`${year}-06-30T00:00:00Z`),
        establishments: { create: [{ establishmentId: ids.ghbs }, { establishmentId: ids.quimper }] },
      },
    });
  const c2026 = await campaign(2026);
  const c2025 = await campaign(2025);
  // Shared with the region: the delegate may read the answers, never the files.
  ids.draft = (
    await db.assessment.create({ data: { establishmentId: ids.ghbs, campaignId: c2026.id, sharing: "detail" } })
  ).id;
  ids.submitted = (
    await db.assessment.create({
      data: {
        establishmentId: ids.ghbs,
        campaignId: c2025.id,
        status: "submitted",
        submittedAt: new Date("2025-06-01T00:00:00Z"),
      },
    })
  ).id;
  ids.quimperDraft = (await db.assessment.create({ data: { establishmentId: ids.quimper, campaignId: c2026.id } })).id;
  await db.sectionAssignment.create({
    data: { assessmentId: ids.draft, domainCode: "D2", userId: actors.rssi.id, assignedById: actors.director.id },
  });
});

afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// ─── Helpers ──────────────────────────────────────────────────────────────────

let serial = 0;
/** A distinct small PDF per call, so tests do not share content unless they mean to. */
const pdf = (tag = `doc-${++serial}`) => bytes(`%PDF-1.7\n% ${tag}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`);
const file = (content: Uint8Array, name: string) => new File([content as Uint8Array<ArrayBuffer>], name);
const sha = (content: Uint8Array) => createHash("sha256").update(content).digest("hex");

const upload = (actor: Actor, content: Uint8Array, name: string, requirementCode = "D1.1", assessmentId = ids.draft) =>
  uploadEvidence(db, actor, assessmentId, requirementCode, file(content, name), RID, { evidenceDir: dir });

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

async function state() {
  const [evidence, links, audits, files] = await Promise.all([
    db.evidence.findMany({ orderBy: { id: "asc" } }),
    db.evidenceLink.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.count(),
    storedFiles(),
  ]);
  return { evidence, links, audits, files };
}

/** Expects the AppError `code` (French message matching `message`) and no change at all: rows, audit, files. */
async function expectRefused(run: () => Promise<unknown>, code: ErrorCode, message?: RegExp) {
  const before = await state();
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error), `expected an AppError, got ${String(error)}`).toBe(true);
  if (!isAppError(error)) return;
  expect(error.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
  expect(await state()).toEqual(before);
}

/** Runs a change and returns its result with the single audit row it wrote. */
async function withOneAudit<R>(run: () => Promise<R>, action: string) {
  const last = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const result = await run();
  const events = await db.auditEvent.findMany({ where: { id: { gt: last?.id ?? BigInt(0) } } });
  expect(events.map((e) => e.action)).toEqual([action]);
  return { result, event: events[0]! };
}

// ─── Upload ──────────────────────────────────────────────────────────────────

describe("[EVIDENCE] upload", () => {
  it("[EVIDENCE] stores the file under its SHA-256 with its size, one Evidence, one link, one audit row", async () => {
    const content = pdf();
    const { result, event } = await withOneAudit(
      () => upload(actors.director, content, "C:\\fakepath\\PSSI 2026.pdf"),
      "evidence.upload",
    );
    expect(result).toMatchObject({ reused: false, alreadyLinked: false });
    expect(result.link).toMatchObject({
      requirementCode: "D1.1",
      fileName: "PSSI 2026.pdf",
      mimeType: "application/pdf",
      size: content.length,
      sha256: sha(content),
    });
    expect(result.link.uploadedByName).toBe("Claire Exemple");

    const row = await db.evidence.findUniqueOrThrow({ where: { id: result.evidence.evidenceId } });
    expect(row).toMatchObject({
      establishmentId: ids.ghbs,
      fileName: "PSSI 2026.pdf",
      size: content.length,
      sha256: sha(content),
      uploadedById: actors.director.id,
    });
    expect(row.storageKey).toBe(`${ids.ghbs}/${sha(content).slice(0, 2)}/${sha(content)}`);
    const onDisk = await readFile(storagePath(row.storageKey, dir));
    expect(sha(onDisk)).toBe(sha(content));
    expect(onDisk.length).toBe(content.length);
    expect((await storedFiles()).some((f) => f.startsWith(".tmp"))).toBe(false);

    expect(event).toMatchObject({
      entity: "Evidence",
      entityId: row.id,
      establishmentId: ids.ghbs,
      actorId: actors.director.id,
      requestId: RID,
    });
    expect(event.after).toMatchObject({
      sha256: sha(content),
      reused: false,
      linkId: result.link.linkId,
      requirementCode: "D1.1",
    });
  });

  it("[EVIDENCE] the same content twice is one Evidence row and one file, with two links", async () => {
    const content = pdf();
    const first = await withOneAudit(() => upload(actors.director, content, "charte.pdf", "D1.1"), "evidence.upload");
    const filesAfterFirst = await storedFiles();
    const second = await withOneAudit(
      () => upload(actors.rssi, content, "charte-copie.pdf", "D2.1"),
      "evidence.upload",
    );
    expect(second.result).toMatchObject({ reused: true, alreadyLinked: false });
    expect(second.result.evidence.evidenceId).toBe(first.result.evidence.evidenceId);
    expect(second.result.link.fileName).toBe("charte.pdf"); // the name of the first upload
    expect(await db.evidence.count({ where: { sha256: sha(content) } })).toBe(1);
    expect(
      await db.evidenceLink.count({ where: { evidenceId: first.result.evidence.evidenceId, removedAt: null } }),
    ).toBe(2);
    expect(await storedFiles()).toEqual(filesAfterFirst);
  });

  it("[EVIDENCE] uploading again a file already linked to the requirement changes nothing", async () => {
    const content = pdf();
    await upload(actors.director, content, "a.pdf", "D1.2");
    const before = await state();
    const again = await upload(actors.director, content, "a.pdf", "D1.2");
    expect(again).toMatchObject({ reused: true, alreadyLinked: true });
    expect(await state()).toEqual(before);
  });

  it("[EVIDENCE] accepts an office document and stores its sniffed type, not the browser's", async () => {
    const { result } = await withOneAudit(
      () => upload(actors.director, ooxml("xl"), "inventaire.xlsx"),
      "evidence.upload",
    );
    expect(result.link.mimeType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });

  it("[EVIDENCE] a contributor outside the section is FORBIDDEN and nothing is stored", async () => {
    await expectRefused(
      () => upload(actors.dsi, pdf(), "dsi.pdf", "D1.1"),
      "FORBIDDEN",
      /section ne vous est pas confiée/,
    );
    await expectRefused(() => upload(actors.rssi, pdf(), "rssi.pdf", "D1.1"), "FORBIDDEN");
    await withOneAudit(() => upload(actors.rssi, pdf(), "rssi.pdf", "D2.2"), "evidence.upload"); // the assigned section
    // Refused before a byte of the upload is read.
    let read = false;
    const watched = { name: "dsi.pdf", stream: () => ((read = true), file(pdf(), "dsi.pdf").stream()) };
    await expectRefused(
      () => uploadEvidence(db, actors.dsi, ids.draft, "D1.1", watched, RID, { evidenceDir: dir }),
      "FORBIDDEN",
    );
    expect(read).toBe(false);
  });

  it("[EVIDENCE] another establishment's director, the delegate and the ARS get NOT_FOUND", async () => {
    for (const actor of [actors.quimper, actors.delegate, actors.ars, actors.admin]) {
      await expectRefused(() => upload(actor, pdf(), "x.pdf"), "NOT_FOUND", /introuvable/);
    }
  });

  it("[EVIDENCE] a submitted assessment is LOCKED", async () => {
    await expectRefused(
      () => upload(actors.director, pdf(), "x.pdf", "D1.1", ids.submitted),
      "LOCKED",
      /lecture seule/,
    );
  });

  it("[EVIDENCE] an unknown requirement is BAD_INPUT", async () => {
    await expectRefused(() => upload(actors.director, pdf(), "x.pdf", "Z9.9"), "BAD_INPUT", /n'existe pas/);
  });

  it("[EVIDENCE] content that disagrees with the extension is refused with 415 and nothing stored", async () => {
    await expectRefused(
      () => upload(actors.director, SAMPLES.png, "rapport.pdf"),
      "UNSUPPORTED_MEDIA",
      new RegExp(UNSUPPORTED_MESSAGE.replace(/[()]/g, "\\$&")),
    );
    await expectRefused(() => upload(actors.director, SAMPLES.exe, "facture.pdf"), "UNSUPPORTED_MEDIA");
    await expectRefused(() => upload(actors.director, SAMPLES.exe, "outil.exe"), "UNSUPPORTED_MEDIA");
    await expectRefused(() => upload(actors.director, new Uint8Array(0), "vide.pdf"), "BAD_INPUT", /vide/);
  });

  it("[EVIDENCE] over 20 Mo is refused with 413 while streaming, and the temporary file is removed", async () => {
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    big.set(pdf());
    await expectRefused(
      () => upload(actors.director, big, "enorme.pdf"),
      "PAYLOAD_TOO_LARGE",
      new RegExp(TOO_LARGE_MESSAGE),
    );
    const exact = new Uint8Array(MAX_EVIDENCE_BYTES);
    exact.set(pdf());
    const { result } = await withOneAudit(
      () => upload(actors.director, exact, "limite.pdf", "D1.2"),
      "evidence.upload",
    );
    expect(result.link.size).toBe(MAX_EVIDENCE_BYTES);
  });
});

describe("[EVIDENCE] macros and quota", () => {
  const macro = new RegExp(MACRO_MESSAGE.slice(0, 60).replace(/[()]/g, "\\$&"));

  it("[EVIDENCE] refuses macro-enabled Office files with a French 415: by name, by OOXML part, by OLE2 stream", async () => {
    await expectRefused(() => upload(actors.director, ooxml("word"), "budget.docm"), "UNSUPPORTED_MEDIA", macro);
    await expectRefused(() => upload(actors.director, ooxml("xl"), "budget.XLSM"), "UNSUPPORTED_MEDIA", macro);
    await expectRefused(
      () => upload(actors.director, ooxmlWithMacros("word"), "note.docx"),
      "UNSUPPORTED_MEDIA",
      macro,
    );
    await expectRefused(
      () => upload(actors.director, ooxmlWithMacros("ppt"), "revue.pptx"),
      "UNSUPPORTED_MEDIA",
      macro,
    );
    await expectRefused(() => upload(actors.director, oleWithMacros(2048), "ancien.doc"), "UNSUPPORTED_MEDIA", macro);
    // Past the head and the tail the sniffer keeps: found by the storage's scan of every chunk.
    const deep = oleWithMacros(3 * 1024 * 1024 + 7, 6 * 1024 * 1024);
    await expectRefused(() => upload(actors.director, deep, "ancien.xls"), "UNSUPPORTED_MEDIA", macro);
    expect(MACRO_MESSAGE).toMatch(/macros sont refusés/);
  });

  it("[EVIDENCE] refuses past the establishment's quota with a French 413 naming it; a file already stored costs nothing", async () => {
    const quota = { evidenceDir: dir, quotaBytes: 1024 };
    const put = (content: Uint8Array, name: string) =>
      uploadEvidence(db, actors.quimper, ids.quimperDraft, "D1.1", file(content, name), RID, quota);
    const used = (await db.evidence.aggregate({ where: { establishmentId: ids.quimper }, _sum: { size: true } }))._sum
      .size;
    expect(used ?? 0).toBe(0);
    const small = pdf("quota-small");
    await put(small, "petit.pdf");
    const big = new Uint8Array(1024);
    big.set(pdf("quota-big"));
    await expectRefused(
      () => put(big, "gros.pdf"),
      "PAYLOAD_TOO_LARGE",
      /quota de stockage .*\(1\sko\).* déjà utilisés/,
    );
    // Same content again, linked elsewhere: no new bytes, so no quota check.
    await uploadEvidence(db, actors.quimper, ids.quimperDraft, "D1.2", file(small, "copie.pdf"), RID, quota);
    // Another establishment's quota is its own.
    await withOneAudit(() => upload(actors.director, big, "gros.pdf", "D1.2"), "evidence.upload");
  });

  it("[EVIDENCE] the default quota is 2 Go, read from EVIDENCE_QUOTA_BYTES", async () => {
    const { env } = await import("@/lib/core/env");
    expect(env.evidenceQuotaBytes).toBe(2 * 1024 ** 3);
    const { quotaMessage } = await import("./types");
    expect(quotaMessage(env.evidenceQuotaBytes, 1536 * 1024 ** 2)).toMatch(/\(2\sGo\).*1,5\sGo déjà utilisés/);
  });
});

// ─── Link and unlink ─────────────────────────────────────────────────────────

describe("[EVIDENCE] link and unlink", () => {
  it("[EVIDENCE] links a library file to another requirement, once", async () => {
    const { result: uploaded } = await withOneAudit(
      () => upload(actors.director, pdf(), "procedure.pdf", "D1.1"),
      "evidence.upload",
    );
    const input = { evidenceId: uploaded.evidence.evidenceId, requirementCode: "D2.2" };
    const { result: link, event } = await withOneAudit(
      () => linkEvidence(db, actors.rssi, ids.draft, input, RID),
      "evidence.link",
    );
    expect(link).toMatchObject({ requirementCode: "D2.2", fileName: "procedure.pdf", linkedByName: "Yann Essai" });
    expect(event).toMatchObject({ entity: "EvidenceLink", entityId: link.linkId, establishmentId: ids.ghbs });
    await expectRefused(() => linkEvidence(db, actors.director, ids.draft, input, RID), "CONFLICT", /déjà joint/);
    await expectRefused(
      () => linkEvidence(db, actors.dsi, ids.draft, { ...input, requirementCode: "D1.2" }, RID),
      "FORBIDDEN",
    );
    await expectRefused(() => linkEvidence(db, actors.director, ids.submitted, input, RID), "LOCKED");
  });

  it("[EVIDENCE] another establishment's file cannot be linked: NOT_FOUND", async () => {
    const { evidence } = await upload(actors.director, pdf(), "ghbs.pdf");
    await expectRefused(
      () =>
        linkEvidence(
          db,
          actors.quimper,
          ids.quimperDraft,
          { evidenceId: evidence.evidenceId, requirementCode: "D1.1" },
          RID,
        ),
      "NOT_FOUND",
      /fichier est introuvable/,
    );
    await expectRefused(
      () =>
        linkEvidence(db, actors.quimper, ids.draft, { evidenceId: evidence.evidenceId, requirementCode: "D1.1" }, RID),
      "NOT_FOUND",
    );
  });

  it("[EVIDENCE] unlink sets removedAt and removedById, keeps the Evidence row and the file", async () => {
    const content = pdf();
    const { link, evidence } = await upload(actors.rssi, content, "sauvegardes.pdf", "D2.1");
    await expectRefused(() => unlinkEvidence(db, actors.dsi, ids.draft, link.linkId, RID), "FORBIDDEN");
    await expectRefused(() => unlinkEvidence(db, actors.quimper, ids.draft, link.linkId, RID), "NOT_FOUND");
    await expectRefused(() => unlinkEvidence(db, actors.director, ids.quimperDraft, link.linkId, RID), "NOT_FOUND");

    const { result, event } = await withOneAudit(
      () => unlinkEvidence(db, actors.rssi, ids.draft, link.linkId, RID),
      "evidence.unlink",
    );
    const row = await db.evidenceLink.findUniqueOrThrow({ where: { id: link.linkId } });
    expect(row.removedAt?.toISOString()).toBe(result.removedAt);
    expect(row.removedById).toBe(actors.rssi.id);
    expect(event).toMatchObject({ entity: "EvidenceLink", entityId: link.linkId });
    expect(event.before).toMatchObject({ removedAt: null, requirementCode: "D2.1" });
    const kept = await db.evidence.findUniqueOrThrow({ where: { id: evidence.evidenceId } });
    expect(sha(await readFile(storagePath(kept.storageKey, dir)))).toBe(sha(content));

    const listed = await listEvidenceForAssessment(db, actors.director, ids.draft);
    expect((listed["D2.1"] ?? []).map((l) => l.linkId)).not.toContain(link.linkId);
    await expectRefused(() => unlinkEvidence(db, actors.rssi, ids.draft, link.linkId, RID), "NOT_FOUND");
    // The file can be linked again: a new link, the old one stays in the history.
    await withOneAudit(
      () => linkEvidence(db, actors.rssi, ids.draft, { evidenceId: evidence.evidenceId, requirementCode: "D2.1" }, RID),
      "evidence.link",
    );
    expect(await db.evidenceLink.count({ where: { evidenceId: evidence.evidenceId, requirementCode: "D2.1" } })).toBe(
      2,
    );
  });

  it("[EVIDENCE] unlink on a submitted assessment is LOCKED", async () => {
    const { link } = await upload(actors.director, pdf(), "avant-soumission.pdf", "D1.1");
    await db.evidenceLink.update({ where: { id: link.linkId }, data: { assessmentId: ids.submitted } });
    await expectRefused(() => unlinkEvidence(db, actors.director, ids.submitted, link.linkId, RID), "LOCKED");
  });
});

// ─── Reading ─────────────────────────────────────────────────────────────────

describe("[EVIDENCE] reading and download scope", () => {
  it("[EVIDENCE] lists active links by requirement with uploader and dates", async () => {
    const { link } = await upload(actors.director, pdf(), "liste.pdf", "D1.2");
    const listed = await listEvidenceForAssessment(db, actors.dsi, ids.draft);
    const found = (listed["D1.2"] ?? []).find((l) => l.linkId === link.linkId);
    expect(found).toMatchObject({
      fileName: "liste.pdf",
      mimeType: "application/pdf",
      uploadedByName: "Claire Exemple",
      linkedByName: "Claire Exemple",
    });
    expect(
      Object.values(listed)
        .flat()
        .every((l) => Object.keys(listed).includes(l.requirementCode)),
    ).toBe(true);
    for (const actor of [actors.delegate, actors.ars, actors.quimper, actors.admin]) {
      await expectRefused(() => listEvidenceForAssessment(db, actor, ids.draft), "NOT_FOUND");
    }
  });

  it("[EVIDENCE] the library is the establishment's files, for its own people only", async () => {
    const { evidence } = await upload(actors.director, pdf(), "bibliotheque.pdf", "D1.1");
    for (const actor of [actors.director, actors.rssi, actors.dsi]) {
      expect((await listEstablishmentEvidence(db, actor, ids.ghbs)).map((e) => e.evidenceId)).toContain(
        evidence.evidenceId,
      );
    }
    for (const actor of [actors.quimper, actors.delegate, actors.ars, actors.admin]) {
      expect(await listEstablishmentEvidence(db, actor, ids.ghbs)).toEqual([]);
    }
  });

  it("[EVIDENCE] download: director and contributors of the establishment; delegate, ARS, other director, admin NOT_FOUND", async () => {
    const content = pdf();
    const { evidence } = await upload(actors.director, content, "telechargement.pdf", "D1.1");
    for (const actor of [actors.director, actors.rssi, actors.dsi]) {
      const found = await getEvidenceForDownload(db, actor, evidence.evidenceId);
      expect(found).toMatchObject({
        fileName: "telechargement.pdf",
        mimeType: "application/pdf",
        size: content.length,
      });
      const { stream, size } = await openEvidenceStream(found.storageKey, dir);
      expect(size).toBe(content.length);
      expect(sha(new Uint8Array(await new Response(stream).arrayBuffer()))).toBe(sha(content));
    }
    for (const actor of [actors.delegate, actors.ars, actors.quimper, actors.admin]) {
      await expectRefused(() => getEvidenceForDownload(db, actor, evidence.evidenceId), "NOT_FOUND", /introuvable/);
    }
    await expectRefused(() => getEvidenceForDownload(db, actors.director, "inconnu"), "NOT_FOUND");
  });

  it("[EVIDENCE] a file missing on disk is NOT_FOUND, never a path outside the folder", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(openEvidenceStream(`${ids.ghbs}/aa/${"a".repeat(64)}`, dir)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(() => storagePath("../../etc/passwd", dir)).toThrow();
  });
});
