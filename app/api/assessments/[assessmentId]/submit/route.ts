import { randomUUID } from "node:crypto";
import { after } from "next/server";
import { submitAssessment } from "@/lib/assessments/commands";
import { ZSubmitAssessment } from "@/lib/assessments/schemas";
import { getRouteActor } from "@/lib/auth/current";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";
import { getDossierPdf } from "@/lib/dossier/generate";
import { requestOrigin } from "@/lib/dossier/origin";

const submit = command(ZSubmitAssessment, ({ actor, input, params, requestId }) =>
  submitAssessment({ db, actor, requestId }, params.assessmentId!, input),
);

/**
 * Submits, then seals the dossier once the answer has gone out: the director who submitted is the
 * one it is issued by, and its generation date is the submission's, not the first download's. If
 * that fails, the first download issues it instead (lib/dossier/generate.ts).
 */
export async function POST(request: Request, context: { params: Promise<{ assessmentId: string }> }) {
  const response = await submit(request, context);
  if (response.status !== 200) return response;
  const { assessmentId } = await context.params;
  const origin = requestOrigin(request);
  const actor = await getRouteActor();
  if (!actor) return response;
  after(async () => {
    await getDossierPdf(db, actor, assessmentId, { origin, requestId: randomUUID() }).catch((error: unknown) => {
      console.error(`[socle] dossier of ${assessmentId} not sealed at submission; the first download will`, error);
    });
  });
  return response;
}
