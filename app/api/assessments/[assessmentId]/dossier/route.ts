import { randomUUID } from "node:crypto";
import { recordDownload } from "@/lib/audit/downloads";
import { db } from "@/lib/core/db";
import { errorResponse, requireRouteActor } from "@/lib/core/http-command";
import { getDossierPdf } from "@/lib/dossier/generate";
import { requestOrigin } from "@/lib/dossier/origin";

/**
 * The dossier PDF: the establishment's director and contributors, and the ARS reviewer of its
 * region once submitted ("dossier.read"); anyone else gets 404. A submitted revision is rendered
 * once and then served as stored, so its SHA-256 and verification code stay valid.
 */
export async function GET(request: Request, context: { params: Promise<{ assessmentId: string }> }) {
  const requestId = randomUUID();
  try {
    const actor = await requireRouteActor();
    const { assessmentId } = await context.params;
    const pdf = await getDossierPdf(db, actor, assessmentId, { origin: requestOrigin(request), requestId });
    // After the scope check above: the establishment, for its own audit view.
    const { establishmentId } = await db.assessment.findUniqueOrThrow({
      where: { id: assessmentId },
      select: { establishmentId: true },
    });
    await recordDownload(db, actor, {
      action: "dossier.download",
      entity: "Assessment",
      entityId: assessmentId,
      establishmentId,
      after: { fileName: pdf.fileName, draft: pdf.isDraft, sha256: pdf.sha256, verificationCode: pdf.verificationCode },
      requestId,
    });
    return new Response(new Uint8Array(pdf.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(pdf.bytes.length),
        "Content-Disposition": `attachment; filename="${pdf.fileName}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        ...(pdf.verificationCode ? { "X-Dossier-Sha256": pdf.sha256 } : {}),
      },
    });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
