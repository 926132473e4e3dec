import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { badInput } from "@/lib/core/command";
import { db } from "@/lib/core/db";
import { assertSameOrigin, errorResponse, readJson } from "@/lib/core/http-command";
import { acceptWithPassword } from "@/lib/invitations/commands";
import { ZInvitationAccept } from "@/lib/invitations/schemas";

// Public (no session yet): the token in the body is the proof. Same-origin, JSON, French 4xx.
export async function POST(request: Request) {
  const requestId = randomUUID();
  try {
    assertSameOrigin(request);
    const parsed = ZInvitationAccept.safeParse(await readJson(request, 4096));
    if (!parsed.success) throw badInput(parsed.error);
    const result = await acceptWithPassword(db, parsed.data, requestId);
    return NextResponse.json(result, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
