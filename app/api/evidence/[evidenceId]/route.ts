import { randomUUID } from "node:crypto";
import { recordDownload } from "@/lib/audit/downloads";
import { db } from "@/lib/core/db";
import { errorResponse, requireRouteActor } from "@/lib/core/http-command";
import { contentDisposition } from "@/lib/evidence/file-name";
import { getEvidenceForDownload } from "@/lib/evidence/queries";
import { openEvidenceStream } from "@/lib/evidence/storage";

/**
 * Download an evidence file: the establishment's director and contributors only; anyone else,
 * including the regional delegate and the ARS, gets 404. Always an attachment, with the type
 * found by sniffing at upload, never rendered by the browser.
 */
export async function GET(_request: Request, context: { params: Promise<{ evidenceId: string }> }) {
  const requestId = randomUUID();
  try {
    const actor = await requireRouteActor();
    const { evidenceId } = await context.params;
    const evidence = await getEvidenceForDownload(db, actor, evidenceId);
    const { stream, size } = await openEvidenceStream(evidence.storageKey);
    await recordDownload(db, actor, {
      action: "evidence.download",
      entity: "Evidence",
      entityId: evidence.id,
      establishmentId: evidence.establishmentId,
      after: { fileName: evidence.fileName, size, sha256: evidence.sha256 },
      requestId,
    });
    return new Response(stream, {
      headers: {
        "Content-Type": evidence.mimeType,
        "Content-Length": String(size),
        "Content-Disposition": contentDisposition(evidence.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
