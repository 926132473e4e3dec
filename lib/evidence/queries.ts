import "server-only";
import { getAssessmentOrThrow } from "@/lib/assessments/access";
import type { Actor } from "@/lib/auth/actor";
import { establishmentScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";
import type { EvidenceLibraryEntry, EvidenceLinkView } from "./types";
import { evidenceSelect, linkSelect, toLibraryEntry, toLinkView, userNames } from "./views";

// Evidence is read by the establishment's own people only ("evidence.read": director and
// contributors). A delegate, a GHT coordinator or the ARS who can read a shared or submitted
// assessment still sees none of its files: every miss is NOT_FOUND.

/** Most recent first; a library larger than this is cut (the select would be unusable anyway). */
const LIBRARY_LIMIT = 500;

/** Active links of an assessment, grouped by requirement code, oldest first within a requirement. */
export async function listEvidenceForAssessment(
  db: Db,
  actor: Actor,
  assessmentId: string,
): Promise<Record<string, EvidenceLinkView[]>> {
  await getAssessmentOrThrow(db, actor, assessmentId, "evidence.read");
  const links = await db.evidenceLink.findMany({
    where: { assessmentId, removedAt: null },
    orderBy: [{ linkedAt: "asc" }, { id: "asc" }],
    select: linkSelect,
  });
  const names = await userNames(
    db,
    links.flatMap((l) => [l.linkedById, l.evidence.uploadedById]),
  );
  const byRequirement: Record<string, EvidenceLinkView[]> = {};
  for (const link of links) (byRequirement[link.requirementCode] ??= []).push(toLinkView(link, names));
  return byRequirement;
}

/** The establishment's files, to link one already uploaded; empty when the actor may not see them. */
export async function listEstablishmentEvidence(
  db: Db,
  actor: Actor,
  establishmentId: string,
): Promise<EvidenceLibraryEntry[]> {
  const rows = await db.evidence.findMany({
    where: { establishmentId, establishment: establishmentScope(actor, "evidence.read") },
    orderBy: [{ uploadedAt: "desc" }, { id: "asc" }],
    take: LIBRARY_LIMIT,
    select: evidenceSelect,
  });
  const names = await userNames(
    db,
    rows.map((r) => r.uploadedById),
  );
  return rows.map((r) => toLibraryEntry(r, names));
}

/** A file the actor may download, else NOT_FOUND. */
export async function getEvidenceForDownload(db: Db, actor: Actor, evidenceId: string) {
  const evidence = await db.evidence.findFirst({
    where: { id: evidenceId, establishment: establishmentScope(actor, "evidence.read") },
    select: {
      id: true,
      establishmentId: true,
      fileName: true,
      mimeType: true,
      size: true,
      sha256: true,
      storageKey: true,
    },
  });
  if (!evidence) throw notFound("Ce fichier");
  return evidence;
}
