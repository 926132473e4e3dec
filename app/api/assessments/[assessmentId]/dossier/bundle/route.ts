import { randomUUID } from "node:crypto";
import { getActor } from "@/lib/auth/current";
import { db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { handleUnexpected } from "@/lib/core/route";
import { openDossierBundle } from "@/lib/dossier/bundle";
import { requestOrigin } from "@/lib/dossier/origin";

/** The evidence bundle (dossier PDF, every linked file, manifest), streamed: the director only, else 404. */
export async function GET(request: Request, context: { params: Promise<{ assessmentId: string }> }) {
  const requestId = randomUUID();
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Votre session a expiré : reconnectez-vous.");
    const { assessmentId } = await context.params;
    const { stream, fileName } = await openDossierBundle(db, actor, assessmentId, { origin: requestOrigin(request), requestId });
    return new Response(stream, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return handleUnexpected(error, requestId);
  }
}
