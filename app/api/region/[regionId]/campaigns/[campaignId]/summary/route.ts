import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { db } from "@/lib/core/db";
import { errorResponse, requireRouteActor } from "@/lib/core/http-command";
import { getCampaignComparison } from "@/lib/region/campaign-view";
import { regionSummary } from "@/lib/region/outputs/summary";
import { parseViewQuery } from "@/lib/region/view-query";

/**
 * The regional summary as JSON (read-only): the page's view object for the same actor, access check
 * and filters, projected onto the schema of lib/region/outputs/summary-schema.ts (/api/openapi.json).
 */
export async function GET(
  request: Request,
  context: { params: Promise<{ regionId: string; campaignId: string }> },
): Promise<Response> {
  const requestId = randomUUID();
  try {
    const actor = await requireRouteActor();
    const { regionId, campaignId } = await context.params;
    const query = parseViewQuery(Object.fromEntries(new URL(request.url).searchParams));
    const view = await getCampaignComparison(db, actor, { kind: "region", id: regionId }, campaignId, query);
    return NextResponse.json(regionSummary(view), { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
