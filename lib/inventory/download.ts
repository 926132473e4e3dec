import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { recordDownload } from "@/lib/audit/downloads";
import { db } from "@/lib/core/db";
import { errorResponse, requireRouteActor } from "@/lib/core/http-command";

type RouteContext = { params: Promise<{ establishmentId: string }> };

/**
 * A GET route that answers a CSV attachment built by `build` (which loads through the scope, so
 * anyone outside the establishment gets the JSON 404 of lib/core/http-command.ts, never a file).
 */
export function csvDownload(
  build: (
    actor: Actor,
    establishmentId: string,
  ) => Promise<{
    text: string;
    fileName: string;
    /** set for an export of the establishment's data */ audit?: "inventory.export";
  }>,
) {
  return async (_request: Request, context: RouteContext): Promise<Response> => {
    const requestId = randomUUID();
    try {
      const actor = await requireRouteActor();
      const { establishmentId } = await context.params;
      const { text, fileName, audit } = await build(actor, establishmentId);
      if (audit) {
        await recordDownload(db, actor, {
          action: audit,
          entity: "Establishment",
          entityId: establishmentId,
          establishmentId,
          after: { fileName, bytes: Buffer.byteLength(text, "utf8") },
          requestId,
        });
      }
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
      return errorResponse(error, requestId);
    }
  };
}
