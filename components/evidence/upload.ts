// The upload half of the evidence panel: the checks made before sending and the XHR that reports
// progress. Loaded by the panel when a file is chosen, so pages that only show evidence don't
// ship it. The server checks everything again (access, 20 Mo, real content type).
import type { JsonResult } from "@/lib/core/client-fetch";
import { isAcceptedExtension, isMacroExtension } from "@/lib/evidence/kinds";
import {
  EMPTY_FILE_MESSAGE,
  type EvidenceUploadResult,
  MACRO_MESSAGE,
  MAX_EVIDENCE_BYTES,
  TOO_LARGE_MESSAGE,
  UNSUPPORTED_MESSAGE,
} from "@/lib/evidence/types";

/** Why this file would be refused, or null: spares a useless upload. */
export function fileProblem(file: File): string | null {
  if (file.size > MAX_EVIDENCE_BYTES) return TOO_LARGE_MESSAGE;
  if (file.size === 0) return EMPTY_FILE_MESSAGE;
  if (isMacroExtension(file.name)) return MACRO_MESSAGE;
  if (!isAcceptedExtension(file.name)) return UNSUPPORTED_MESSAGE;
  return null;
}

/** POST the file for a requirement, with upload progress (fetch has none), answering like sendJson. */
export function uploadEvidence(
  url: string,
  requirementCode: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<JsonResult<EvidenceUploadResult>> {
  const body = new FormData();
  body.append("requirementCode", requirementCode);
  body.append("file", file);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const payload = xhr.response as { error?: { code?: string; message?: string } } | null;
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ ok: true, data: payload as EvidenceUploadResult });
        return;
      }
      resolve({
        ok: false,
        status: xhr.status,
        code: payload?.error?.code ?? "UNKNOWN",
        message:
          payload?.error?.message ?? (xhr.status === 413 ? TOO_LARGE_MESSAGE : `Erreur ${xhr.status} : réessayez.`),
      });
    };
    const network = () =>
      resolve({
        ok: false,
        status: 0,
        code: "NETWORK",
        message: "Connexion impossible : vérifiez votre réseau puis réessayez.",
      });
    xhr.onerror = network;
    xhr.onabort = network;
    xhr.send(body);
  });
}
