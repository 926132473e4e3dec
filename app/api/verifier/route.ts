import { NextResponse } from "next/server";
import { db } from "@/lib/core/db";
import { handleVerifyRequest } from "@/lib/dossier/verify-request";

/**
 * Public check of a dossier (no session): JSON `{ code }` or a multipart upload of the PDF in
 * `file` (20 Mo at most). Answers only whether Socle issued it and, if so, the establishment, the
 * campaign and the dates. Rate-limited per address (30 checks per 10 minutes).
 */
export async function POST(request: Request) {
  const { status, body } = await handleVerifyRequest(db, request);
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
