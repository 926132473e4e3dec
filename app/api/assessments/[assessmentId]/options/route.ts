import { setAssessmentOptions } from "@/lib/assessments/actions";
import { ZAssessmentOptions } from "@/lib/assessments/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/route";

export const PUT = command(ZAssessmentOptions, ({ actor, input, params, requestId }) => setAssessmentOptions({ db, actor, requestId }, params.assessmentId!, input.options));
