import "server-only";
import {
  assertCanEditSection,
  assertDraft,
  getAssessmentOrThrow,
  type LoadedAssessment,
} from "@/lib/assessments/access";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { AppError, forbidden, isAppError, notFound } from "@/lib/core/errors";
import { toAppError } from "@/lib/core/prisma-errors";
import { sanitizeFileName } from "./file-name";
import { hasMacros, isAcceptedExtension, isMacroExtension, sniff } from "./sniff";
import { commitStaged, discardStaged, removeStored, stageUpload, storageKeyFor, type UploadSource } from "./storage";
import {
  EMPTY_FILE_MESSAGE,
  MACRO_MESSAGE,
  quotaMessage,
  type EvidenceUnlinkResult,
  type EvidenceUploadResult,
  type EvidenceLinkView,
  UNSUPPORTED_MESSAGE,
} from "./types";
import { evidenceSelect, linkSelect, toLibraryEntry, toLinkView, userNames } from "./views";

// Evidence commands. Who may attach or detach a file is who may answer the requirement: the
// director, or a contributor in a section assigned to them, on a draft assessment. Each change
// writes its audit row in its own transaction. A file, once stored, stays: removing a link sets
// removedAt, so what supported which answer can always be shown.

/** What the upload route hands over: a File from formData() fits. */
export type EvidenceFile = { name: string; stream(): UploadSource };

/** Tests point the storage at a temporary folder and set the quota; the app uses env. */
export type EvidenceOptions = { evidenceDir?: string; quotaBytes?: number };

function requirementOf(assessment: LoadedAssessment, code: string) {
  const requirement = (assessment.referential.requirements ?? []).find((r) => r.code === code);
  if (!requirement)
    throw new AppError("BAD_INPUT", `L'exigence ${code.slice(0, 64)} n'existe pas dans ce référentiel.`);
  return requirement;
}

/** The assessment, if the actor may change the evidence of this requirement now. */
async function loadForEdit(
  db: Db | Tx,
  actor: Actor,
  assessmentId: string,
  requirementCode: string,
): Promise<LoadedAssessment> {
  const assessment = await getAssessmentOrThrow(db, actor, assessmentId, "assessment.answer");
  assertDraft(assessment);
  const requirement = requirementOf(assessment, requirementCode);
  await assertCanEditSection(db, actor, assessment, requirement.domain);
  return assessment;
}

/**
 * The cheap part of the upload checks, for the route to run before it reads the body: the
 * assessment is reachable for answering and still a draft. uploadEvidence checks everything again.
 */
export async function precheckUpload(db: Db, actor: Actor, assessmentId: string): Promise<void> {
  assertDraft(await getAssessmentOrThrow(db, actor, assessmentId, "assessment.answer"));
}

/**
 * Stores a file and links it to a requirement. Access is checked before a byte is read; the
 * content is then streamed to disk, hashed, size-limited (413) and sniffed (415). The
 * establishment's existing Evidence with the same SHA-256 is reused (one copy, one more link).
 * Uploading again a file already linked to this requirement changes nothing.
 */
export async function uploadEvidence(
  db: Db,
  actor: Actor,
  assessmentId: string,
  requirementCode: string,
  file: EvidenceFile,
  requestId: string,
  options: EvidenceOptions = {},
): Promise<EvidenceUploadResult> {
  const assessment = await loadForEdit(db, actor, assessmentId, requirementCode);
  const fileName = sanitizeFileName(file.name);
  if (isMacroExtension(fileName)) throw new AppError("UNSUPPORTED_MEDIA", MACRO_MESSAGE);
  if (!isAcceptedExtension(fileName)) throw new AppError("UNSUPPORTED_MEDIA", UNSUPPORTED_MESSAGE);

  const dir = options.evidenceDir ?? env.evidenceDir;
  const staged = await stageUpload(file.stream(), { dir });
  let committed: { storageKey: string; created: boolean } | null = null;
  try {
    if (staged.size === 0) throw new AppError("BAD_INPUT", EMPTY_FILE_MESSAGE);
    const type = sniff(staged, fileName);
    if (!type) throw new AppError("UNSUPPORTED_MEDIA", UNSUPPORTED_MESSAGE);
    if (hasMacros(staged)) throw new AppError("UNSUPPORTED_MEDIA", MACRO_MESSAGE);
    committed = await commitStaged(staged, storageKeyFor(assessment.establishmentId, staged.sha256));
    const storageKey = committed.storageKey;

    const result = await retryOnConflict(() =>
      db.$transaction(async (tx) => {
        // Again inside the transaction: the assessment may have been submitted meanwhile.
        const current = await loadForEdit(tx, actor, assessmentId, requirementCode);
        const existing = await tx.evidence.findFirst({
          where: { establishmentId: current.establishmentId, sha256: staged.sha256 },
          orderBy: { uploadedAt: "asc" },
          select: { ...evidenceSelect, storageKey: true },
        });
        if (!existing) await assertWithinQuota(tx, current.establishmentId, staged.size, options.quotaBytes);
        const evidence =
          existing ??
          (await tx.evidence.create({
            data: {
              establishmentId: current.establishmentId,
              fileName,
              mimeType: type.mime,
              size: staged.size,
              sha256: staged.sha256,
              storageKey,
              uploadedById: actor.id,
            },
            select: { ...evidenceSelect, storageKey: true },
          }));
        const active = await tx.evidenceLink.findFirst({
          where: { evidenceId: evidence.id, assessmentId, requirementCode, removedAt: null },
          select: linkSelect,
        });
        const link =
          active ??
          (await tx.evidenceLink.create({
            data: { evidenceId: evidence.id, assessmentId, requirementCode, linkedById: actor.id },
            select: linkSelect,
          }));
        if (!active) {
          await recordAudit(tx, {
            actorId: actor.id,
            action: "evidence.upload",
            entity: "Evidence",
            entityId: evidence.id,
            establishmentId: current.establishmentId,
            after: {
              fileName: evidence.fileName,
              uploadedAs: fileName,
              mimeType: evidence.mimeType,
              size: evidence.size,
              sha256: evidence.sha256,
              reused: Boolean(existing),
              linkId: link.id,
              assessmentId,
              requirementCode,
            },
            requestId,
          });
        }
        const names = await userNames(tx, [evidence.uploadedById, link.linkedById]);
        return {
          storedAt: evidence.storageKey,
          link: toLinkView(link, names),
          evidence: toLibraryEntry(evidence, names),
          reused: Boolean(existing),
          alreadyLinked: Boolean(active),
        };
      }),
    );
    // An older row kept the content under another key: the copy just made is not needed.
    if (committed.created && result.storedAt !== storageKey) await removeStored(storageKey, dir).catch(() => undefined);
    return { link: result.link, evidence: result.evidence, reused: result.reused, alreadyLinked: result.alreadyLinked };
  } catch (error) {
    await discardStaged(staged);
    if (committed?.created) await removeIfOrphan(db, committed.storageKey, dir);
    throw error;
  }
}

/**
 * The establishment's stored evidence plus `adding` stays within its quota (env.evidenceQuotaBytes),
 * else a 413 that names the quota. A transaction lock per establishment makes two parallel uploads
 * count one after the other; a file already stored (same content) costs nothing and skips this.
 */
async function assertWithinQuota(tx: Tx, establishmentId: string, adding: number, quota = env.evidenceQuotaBytes) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`evidence-quota:${establishmentId}`}))`;
  const used = (await tx.evidence.aggregate({ where: { establishmentId }, _sum: { size: true } }))._sum.size ?? 0;
  if (used + adding > quota) throw new AppError("PAYLOAD_TOO_LARGE", quotaMessage(quota, used));
}

/** Links a file of the establishment's library to another requirement (one file, several requirements). */
export async function linkEvidence(
  db: Db,
  actor: Actor,
  assessmentId: string,
  input: { evidenceId: string; requirementCode: string },
  requestId: string,
): Promise<EvidenceLinkView> {
  return db.$transaction(async (tx) => {
    const assessment = await loadForEdit(tx, actor, assessmentId, input.requirementCode);
    // Another establishment's file is a miss, whatever the id.
    const evidence = await tx.evidence.findFirst({
      where: { id: input.evidenceId, establishmentId: assessment.establishmentId },
      select: evidenceSelect,
    });
    if (!evidence) throw notFound("Ce fichier");
    const active = await tx.evidenceLink.findFirst({
      where: { evidenceId: evidence.id, assessmentId, requirementCode: input.requirementCode, removedAt: null },
      select: { id: true },
    });
    if (active) throw new AppError("CONFLICT", "Ce fichier est déjà joint à cette exigence.");
    const link = await tx.evidenceLink.create({
      data: { evidenceId: evidence.id, assessmentId, requirementCode: input.requirementCode, linkedById: actor.id },
      select: linkSelect,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "evidence.link",
      entity: "EvidenceLink",
      entityId: link.id,
      establishmentId: assessment.establishmentId,
      after: {
        evidenceId: evidence.id,
        fileName: evidence.fileName,
        sha256: evidence.sha256,
        assessmentId,
        requirementCode: input.requirementCode,
      },
      requestId,
    });
    return toLinkView(link, await userNames(tx, [evidence.uploadedById, actor.id]));
  });
}

/** Detaches a file from a requirement: the link is marked removed, the file and the history stay. */
export async function unlinkEvidence(
  db: Db,
  actor: Actor,
  assessmentId: string,
  linkId: string,
  requestId: string,
): Promise<EvidenceUnlinkResult> {
  return db.$transaction(async (tx) => {
    const assessment = await getAssessmentOrThrow(tx, actor, assessmentId, "assessment.answer");
    assertDraft(assessment);
    const link = await tx.evidenceLink.findFirst({
      where: { id: linkId, assessmentId, removedAt: null },
      select: {
        id: true,
        requirementCode: true,
        evidenceId: true,
        evidence: { select: { fileName: true, sha256: true } },
      },
    });
    if (!link) throw notFound("Cette pièce jointe");
    const requirement = (assessment.referential.requirements ?? []).find((r) => r.code === link.requirementCode);
    if (requirement) await assertCanEditSection(tx, actor, assessment, requirement.domain);
    else if (!can(actor, "assessment.manage", { establishmentId: assessment.establishmentId }))
      throw forbidden("Seule la direction peut retirer une pièce d'une exigence qui n'existe plus.");

    const removedAt = new Date();
    // Conditional on removedAt still being empty: of two concurrent removals, one wins.
    const { count } = await tx.evidenceLink.updateMany({
      where: { id: link.id, removedAt: null },
      data: { removedAt, removedById: actor.id },
    });
    if (count !== 1) throw notFound("Cette pièce jointe");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "evidence.unlink",
      entity: "EvidenceLink",
      entityId: link.id,
      establishmentId: assessment.establishmentId,
      before: {
        evidenceId: link.evidenceId,
        fileName: link.evidence.fileName,
        sha256: link.evidence.sha256,
        requirementCode: link.requirementCode,
        removedAt: null,
      },
      after: { removedAt, removedById: actor.id },
      requestId,
    });
    return { linkId: link.id, removedAt: removedAt.toISOString() };
  });
}

// Two first uploads of the same content race: the loser's create hits the unique storage key.
// Running again finds the winner's row and links it.
async function retryOnConflict<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error) || toAppError(error)?.code !== "CONFLICT") throw error;
    return run();
  }
}

async function removeIfOrphan(db: Db, storageKey: string, dir: string): Promise<void> {
  const used = await db.evidence.count({ where: { storageKey } }).catch(() => 1);
  if (used === 0) await removeStored(storageKey, dir).catch(() => undefined);
}
