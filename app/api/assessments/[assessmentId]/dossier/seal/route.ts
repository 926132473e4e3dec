import { z } from "zod";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";
import { sealDossier } from "@/lib/dossier/generate";
import { sealOrigin } from "@/lib/dossier/origin";

// The retry of the submit path's seal, for the director, when every automatic try failed. A
// download never seals; the address printed is the configured one, never this request's host.
export const POST = command(z.object({}).strict(), async ({ actor, params, requestId }) => {
  const pdf = await sealDossier(db, actor, params.assessmentId!, { origin: sealOrigin(), requestId });
  return { verificationCode: pdf.verificationCode, sha256: pdf.sha256, sealedNow: pdf.generated };
});
