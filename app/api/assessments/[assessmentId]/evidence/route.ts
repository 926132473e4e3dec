import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { db } from "@/lib/core/db";
import { assertSameOrigin, errorResponse, requireRouteActor } from "@/lib/core/http-command";
import { precheckUpload, uploadEvidence } from "@/lib/evidence/commands";
import { readUploadForm } from "@/lib/evidence/upload-form";

/**
 * Upload one evidence file for a requirement (multipart/form-data: `file`, `requirementCode`).
 * 201 with the new link; 200 when that file was already linked to the requirement; 413 over
 * 20 Mo; 415 when the content is not an accepted type or disagrees with the extension.
 */
export async function POST(request: Request, context: { params: Promise<{ assessmentId: string }> }) {
  const requestId = randomUUID();
  try {
    assertSameOrigin(request);
    const actor = await requireRouteActor();
    const { assessmentId } = await context.params;
    // A miss or a submitted assessment is answered before up to 20 Mo are read.
    await precheckUpload(db, actor, assessmentId);
    const { file, requirementCode } = await readUploadForm(request);
    const result = await uploadEvidence(db, actor, assessmentId, requirementCode, file, requestId);
    return NextResponse.json(result, { status: result.alreadyLinked ? 200 : 201 });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
