import { shareAssessment } from "@/lib/assessments/commands";
import { ZShare } from "@/lib/assessments/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";

export const PUT = command(ZShare, ({ actor, input, params, requestId }) =>
  shareAssessment({ db, actor, requestId }, params.assessmentId!, input.sharing),
);
