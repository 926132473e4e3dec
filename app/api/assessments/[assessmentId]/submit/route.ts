import { randomUUID } from "node:crypto";
import { after } from "next/server";
import { submitAssessment } from "@/lib/assessments/commands";
import { ZSubmitAssessment } from "@/lib/assessments/schemas";
import { getRouteActor } from "@/lib/auth/current";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";
import { sealAfterSubmit } from "@/lib/dossier/generate";
import { sealOrigin } from "@/lib/dossier/origin";

const submit = command(ZSubmitAssessment, ({ actor, input, params, requestId }) =>
  submitAssessment({ db, actor, requestId }, params.assessmentId!, input),
);

/**
 * Submits, then seals the dossier once the answer has gone out: the director who submitted is the
 * one it is issued by, and its generation date is the submission's. A failed seal is retried here;
 * if every try fails, the director seals it from the assessment page (…/dossier/seal). A download
 * never seals. The address in its QR code is SOCLE_PUBLIC_URL, never this request's host.
 */
export async function POST(request: Request, context: { params: Promise<{ assessmentId: string }> }) {
  const response = await submit(request, context);
  if (response.status !== 200) return response;
  const { assessmentId } = await context.params;
  const actor = await getRouteActor();
  if (!actor) return response;
  after(() => sealAfterSubmit(db, actor, assessmentId, { origin: sealOrigin(), requestId: randomUUID() }));
  return response;
}
