import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/current";
import { AppError } from "@/lib/core/errors";
import { handleUnexpected } from "@/lib/core/route";

type RouteContext = { params: Promise<{ establishmentId: string }> };

/**
 * A GET route that answers a CSV attachment built by `build` (which loads through the scope, so
 * anyone outside the establishment gets the JSON 404 of lib/core/route.ts, never a file).
 */
export function csvDownload(build: (actor: Actor, establishmentId: string) => Promise<{ text: string; fileName: string }>) {
  return async (_request: Request, context: RouteContext): Promise<Response> => {
    const requestId = randomUUID();
    try {
      const actor = await getActor();
      if (!actor) throw new AppError("UNAUTHENTICATED", "Votre session a expiré : reconnectez-vous.");
      const { establishmentId } = await context.params;
      const { text, fileName } = await build(actor, establishmentId);
      return new Response(text, {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          // File names are built from [A-Za-z0-9-] only (a FINESS may hold 2A/2B): no escaping needed.
          "Content-Disposition": `attachment; filename="${fileName}"`,
          "X-Content-Type-Options": "nosniff",
          "Cache-Control": "private, no-store",
        },
      });
    } catch (error) {
      return handleUnexpected(error, requestId);
    }
  };
}
