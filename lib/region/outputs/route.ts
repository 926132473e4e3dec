import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/core/db";
import { errorResponse, requireRouteActor } from "@/lib/core/http-command";
import { getCampaignComparison, type CampaignComparison } from "../campaign-view";
import { parseViewQuery } from "../view-query";

type Context = { params: Promise<{ regionId: string; campaignId: string }> };
export type Download = { body: string | Buffer; contentType: string; fileName: string };

/**
 * A GET route answering from the delegate's view: the same actor, the same access check and the same
 * filters (the page's query string) as /region/[regionId]/campaigns/[campaignId]. A viewer outside
 * the region gets the JSON 404 of lib/core/http-command.ts, never a figure.
 */
export function regionViewRoute(answer: (view: CampaignComparison, extractedAt: Date) => Promise<Response> | Response) {
  return async (request: Request, context: Context): Promise<Response> => {
    const requestId = randomUUID();
    try {
      const actor = await requireRouteActor();
      const { regionId, campaignId } = await context.params;
      const query = parseViewQuery(Object.fromEntries(new URL(request.url).searchParams));
      const view = await getCampaignComparison(db, actor, { kind: "region", id: regionId }, campaignId, query);
      return await answer(view, new Date());
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}

/** A file built from the delegate's view (CSV, XLSX, PDF brief), as an attachment. */
export function regionDownload(build: (view: CampaignComparison, extractedAt: Date) => Promise<Download> | Download) {
  return regionViewRoute(async (view, extractedAt) => {
    const { body, contentType, fileName } = await build(view, extractedAt);
    return new Response(typeof body === "string" ? body : new Uint8Array(body), {
      headers: {
        "Content-Type": contentType,
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  });
}

/** [A-Za-z0-9-] only: no header escaping needed. */
export function exportFileName(view: CampaignComparison, what: string, ext: string) {
  const slug = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase()
      .slice(0, 40);
  return `${what}-${slug(view.place.name)}-${view.campaign.year}.${ext}`;
}
