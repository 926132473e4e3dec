import { randomUUID } from "node:crypto";
import { db } from "@/lib/core/db";
import { errorResponse, requireRouteActor } from "@/lib/core/http-command";
import { openDossierBundle } from "@/lib/dossier/bundle";
import { requestOrigin } from "@/lib/dossier/origin";

/** The evidence bundle (dossier PDF, every linked file, manifest), streamed: the director only, else 404. */
export async function GET(request: Request, context: { params: Promise<{ assessmentId: string }> }) {
  const requestId = randomUUID();
  try {
    const actor = await requireRouteActor();
    const { assessmentId } = await context.params;
    const { stream, fileName } = await openDossierBundle(db, actor, assessmentId, {
      origin: requestOrigin(request),
      requestId,
    });
    return new Response(stream, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
