import { setAssessmentOptions } from "@/lib/assessments/commands";
import { ZAssessmentOptions } from "@/lib/assessments/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";

export const PUT = command(ZAssessmentOptions, ({ actor, input, params, requestId }) =>
  setAssessmentOptions({ db, actor, requestId }, params.assessmentId!, input.options),
);
