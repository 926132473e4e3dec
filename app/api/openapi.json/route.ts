import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/region/outputs/openapi";

// The OpenAPI document of the read-only API, generated from its zod schemas. Public: it describes
// the contract, never data.
export const dynamic = "force-static";

export function GET() {
  return NextResponse.json(openApiDocument());
}
