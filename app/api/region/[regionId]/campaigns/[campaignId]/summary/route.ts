import { NextResponse } from "next/server";
import { regionViewRoute } from "@/lib/region/outputs/route";
import { regionSummary } from "@/lib/region/outputs/summary";

/**
 * The regional summary as JSON (read-only): the page's view object for the same actor, access check
 * and filters, projected onto the schema of lib/region/outputs/summary-schema.ts (/api/openapi.json).
 */
export const GET = regionViewRoute((view) =>
  NextResponse.json(regionSummary(view), { headers: { "cache-control": "private, no-store" } }),
);
