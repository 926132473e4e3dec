// Client-safe: what the evidence routes return and the panel shows, and the limits both sides
// enforce (the server is the authority; the panel checks first only to spare a useless upload).

import { formatStorage } from "./format";

/** 20 Mo: the largest file accepted, counted while the upload streams to disk. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

export const TOO_LARGE_MESSAGE = "Le fichier dépasse 20 Mo";
export const UNSUPPORTED_MESSAGE =
  "Le contenu du fichier ne correspond pas à un type accepté (PDF, image, document bureautique)";
export const EMPTY_FILE_MESSAGE = "Le fichier est vide.";
export const quotaMessage = (quotaBytes: number, usedBytes: number) =>
  `Le quota de stockage des pièces justificatives de l'établissement (${formatStorage(quotaBytes)}) serait dépassé : ${formatStorage(usedBytes)} déjà utilisés. Réutilisez un fichier déjà déposé ou demandez à l'administrateur de la plateforme d'augmenter le quota.`;
export const MACRO_MESSAGE =
  "Les documents Office contenant des macros sont refusés : une macro peut exécuter du code à l'ouverture. Enregistrez le document sans macros (.docx, .xlsx, .pptx) ou en PDF, puis déposez-le à nouveau.";

/** Shown beside the upload control. */
export const ACCEPTED_TYPES_TEXT =
  "PDF, images PNG, JPEG ou WebP, documents Word, Excel ou PowerPoint (y compris 97-2003), OpenDocument, texte ou CSV en UTF-8 ; 20 Mo maximum";

/** One active link between a file and a requirement of an assessment. Dates are ISO strings. */
export type EvidenceLinkView = EvidenceLibraryEntry & {
  linkId: string;
  requirementCode: string;
  linkedByName: string | null;
  linkedAt: string;
};

/** A file of the establishment's library, to link it to another requirement. */
export type EvidenceLibraryEntry = {
  evidenceId: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  uploadedByName: string | null;
  uploadedAt: string;
};

/** Body of a successful upload. */
export type EvidenceUploadResult = {
  link: EvidenceLinkView;
  evidence: EvidenceLibraryEntry;
  /** The establishment already held this exact content: no new copy, the existing file is linked. */
  reused: boolean;
  /** It was already linked to this requirement: nothing changed. */
  alreadyLinked: boolean;
};

export type EvidenceUnlinkResult = { linkId: string; removedAt: string };
