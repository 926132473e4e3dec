import "server-only";
import type { UserNames } from "@/lib/core/user-names";
import type { EvidenceLibraryEntry, EvidenceLinkView } from "./types";

export { userNames } from "@/lib/core/user-names";

// Rows → what the routes return and the panel shows. Evidence and links keep user ids without a
// relation, so names are looked up in one query per call.

export const evidenceSelect = {
  id: true,
  fileName: true,
  mimeType: true,
  size: true,
  sha256: true,
  uploadedById: true,
  uploadedAt: true,
} as const;
export const linkSelect = {
  id: true,
  requirementCode: true,
  linkedById: true,
  linkedAt: true,
  evidence: { select: evidenceSelect },
} as const;

type EvidenceRow = {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  uploadedById: string;
  uploadedAt: Date;
};
type LinkRow = { id: string; requirementCode: string; linkedById: string; linkedAt: Date; evidence: EvidenceRow };

export function toLibraryEntry(e: EvidenceRow, names: UserNames): EvidenceLibraryEntry {
  return {
    evidenceId: e.id,
    fileName: e.fileName,
    mimeType: e.mimeType,
    size: e.size,
    sha256: e.sha256,
    uploadedByName: names.get(e.uploadedById) ?? null,
    uploadedAt: e.uploadedAt.toISOString(),
  };
}

export function toLinkView(link: LinkRow, names: UserNames): EvidenceLinkView {
  const { evidenceId, ...file } = toLibraryEntry(link.evidence, names);
  return {
    linkId: link.id,
    evidenceId,
    requirementCode: link.requirementCode,
    ...file,
    linkedByName: names.get(link.linkedById) ?? null,
    linkedAt: link.linkedAt.toISOString(),
  };
}
