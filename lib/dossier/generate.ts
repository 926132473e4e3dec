import "server-only";
import { getAssessmentOrThrow, type LoadedAssessment } from "@/lib/assessments/access";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { type BuildOptions, payloadFor } from "./build-payload";
import { slugify } from "./format";
import { makeSeal, renderDossierPdf } from "./render";
import { generateVerificationCode, sha256Hex } from "./seal";
import { readDossierFile, removeDossierFile, storageKeyForCode, writeDossierFile } from "./storage";

// The dossier of an assessment. A submitted revision is SEALED once, in the submit path only
// (sealDossier, called after the submission answers, with retries; or the director's "seal" command
// if all of them failed), never by a download: the code is drawn first so every page can print it,
// the bytes are stored under <dataDir>/dossiers, and the Dossier row (code + SHA-256 of those exact
// bytes) is written with its audit row in one transaction. Downloads serve the stored bytes, so the
// hash and the code stay valid. A draft is rendered on the fly, watermarked, never stored and never
// verifiable.

export type DossierOptions = BuildOptions & {
  /** Scheme and host the QR code points to, e.g. "https://socle.example.fr". */
  origin: string;
  requestId?: string | null;
  /** Tests point the storage elsewhere; the app uses <dataDir>/dossiers. */
  dossierDir?: string;
};

export type DossierPdf = {
  bytes: Buffer;
  fileName: string;
  isDraft: boolean;
  /** Canonical code (no dashes), null for a draft. */
  verificationCode: string | null;
  sha256: string;
  pageCount: number;
  generatedAt: Date;
  /** True when this call rendered and stored it. */
  generated: boolean;
};

/** `dossier-<finess>-<campaign-slug>.pdf` (`-brouillon` added on a draft). */
export function dossierFileName(finess: string, campaignName: string, isDraft: boolean, extension = "pdf"): string {
  return `dossier-${slugify(finess)}-${slugify(campaignName)}${isDraft ? "-brouillon" : ""}.${extension}`;
}

// Two requests for the same first render in one process share it.
const inFlight = new Map<string, Promise<DossierPdf>>();

/** The dossier PDF of an assessment the actor may read as a dossier, else NOT_FOUND. */
export async function getDossierPdf(
  db: Db,
  actor: Actor,
  assessmentId: string,
  options: DossierOptions,
): Promise<DossierPdf> {
  const assessment = await getAssessmentOrThrow(db, actor, assessmentId, "dossier.read");
  return dossierForLoaded(db, actor, assessment, options);
}

/** Same, for an assessment already loaded through the right scope (the bundle loads it as "dossier.bundle"). */
export async function dossierForLoaded(
  db: Db,
  actor: Actor,
  assessment: LoadedAssessment,
  options: DossierOptions,
): Promise<DossierPdf> {
  const fileName = dossierFileName(
    assessment.establishment.finess,
    assessment.campaign.name,
    assessment.status === "draft",
  );
  if (assessment.status === "draft") {
    const generatedAt = new Date();
    const payload = await payloadFor(db, assessment, options);
    const { bytes, pageCount } = await renderDossierPdf(payload, makeSeal(options.origin, null, generatedAt));
    return {
      bytes,
      fileName,
      isDraft: true,
      verificationCode: null,
      sha256: sha256Hex(bytes),
      pageCount,
      generatedAt,
      generated: true,
    };
  }
  const stored = await readStored(db, assessment.id, fileName, options.dossierDir);
  if (stored) return stored;
  throw new AppError("CONFLICT", NOT_SEALED);
}

export const NOT_SEALED =
  "Le dossier définitif de cette évaluation n'est pas encore scellé. La direction de l'établissement peut le sceller depuis la page de l'évaluation (« Sceller le dossier »).";

/**
 * Seals a submitted (or superseded) revision: the director's act, in the submit path or its retry
 * command. Returns the stored dossier when it is sealed already. `options.origin` must be the
 * configured public address (lib/dossier/origin.ts sealOrigin), never one read from a request.
 */
export async function sealDossier(
  db: Db,
  actor: Actor,
  assessmentId: string,
  options: DossierOptions,
): Promise<DossierPdf> {
  const assessment = await getAssessmentOrThrow(db, actor, assessmentId, "assessment.manage");
  if (assessment.status === "draft") {
    throw new AppError("CONFLICT", "Une évaluation en brouillon ne se scelle pas : soumettez-la d'abord.");
  }
  const fileName = dossierFileName(assessment.establishment.finess, assessment.campaign.name, false);
  const stored = await readStored(db, assessment.id, fileName, options.dossierDir);
  if (stored) return stored;
  const key = `${options.dossierDir ?? ""}|${assessment.id}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = issue(db, actor, assessment, fileName, options).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

/** The submit path's seal, retried a few times before giving up to the director's command. */
export async function sealAfterSubmit(
  db: Db,
  actor: Actor,
  assessmentId: string,
  options: DossierOptions,
  delaysMs: number[] = [1_000, 5_000, 30_000],
): Promise<DossierPdf | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await sealDossier(db, actor, assessmentId, options);
    } catch (error) {
      const wait = delaysMs[attempt];
      if (wait === undefined) {
        console.error(`[socle] dossier of ${assessmentId} not sealed after ${attempt + 1} tries`, error);
        return null;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

async function readStored(db: Db, assessmentId: string, fileName: string, dir?: string): Promise<DossierPdf | null> {
  const row = await db.dossier.findFirst({ where: { assessmentId }, orderBy: [{ generatedAt: "asc" }, { id: "asc" }] });
  if (!row) return null;
  const bytes = await readDossierFile(row.storageKey, dir);
  if (!bytes || sha256Hex(bytes) !== row.sha256) {
    console.error(
      `[socle] dossier file ${bytes ? "altered" : "missing"} on disk: ${row.storageKey} (dossier ${row.id})`,
    );
    throw new AppError(
      "NOT_FOUND",
      "Le fichier de ce dossier est introuvable ou altéré sur le serveur : signalez-le à l'administrateur de la plateforme.",
    );
  }
  return {
    bytes,
    fileName,
    isDraft: false,
    verificationCode: row.verificationCode,
    sha256: row.sha256,
    pageCount: row.pageCount,
    generatedAt: row.generatedAt,
    generated: false,
  };
}

async function issue(
  db: Db,
  actor: Actor,
  assessment: LoadedAssessment,
  fileName: string,
  options: DossierOptions,
): Promise<DossierPdf> {
  const code = generateVerificationCode();
  const generatedAt = new Date();
  const payload = await payloadFor(db, assessment, options);
  const { bytes, pageCount } = await renderDossierPdf(payload, makeSeal(options.origin, code, generatedAt));
  const sha256 = sha256Hex(bytes);
  const storageKey = storageKeyForCode(code);
  await writeDossierFile(storageKey, bytes, options.dossierDir);
  try {
    const winner = await db.$transaction(async (tx) => {
      // One dossier per revision: the assessment row is locked, so a concurrent first render
      // (another server process) waits here and then finds this one.
      await tx.$queryRaw`SELECT "id" FROM "Assessment" WHERE "id" = ${assessment.id} FOR UPDATE`;
      const existing = await tx.dossier.findFirst({
        where: { assessmentId: assessment.id },
        orderBy: [{ generatedAt: "asc" }, { id: "asc" }],
        select: { id: true },
      });
      if (existing) return existing.id;
      const dossier = await tx.dossier.create({
        data: {
          assessmentId: assessment.id,
          verificationCode: code,
          sha256,
          size: bytes.length,
          pageCount,
          storageKey,
          generatedById: actor.id,
          generatedAt,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "dossier.generate",
        entity: "Dossier",
        entityId: dossier.id,
        establishmentId: assessment.establishmentId,
        after: {
          assessmentId: assessment.id,
          revision: assessment.revision,
          verificationCode: code,
          sha256,
          size: bytes.length,
          pageCount,
        },
        requestId: options.requestId ?? null,
      });
      return null;
    });
    if (winner) {
      await removeDossierFile(storageKey, options.dossierDir);
      const stored = await readStored(db, assessment.id, fileName, options.dossierDir);
      if (stored) return stored;
      throw new Error("concurrent dossier vanished");
    }
  } catch (error) {
    await removeDossierFile(storageKey, options.dossierDir).catch(() => undefined);
    throw error;
  }
  return { bytes, fileName, isDraft: false, verificationCode: code, sha256, pageCount, generatedAt, generated: true };
}
