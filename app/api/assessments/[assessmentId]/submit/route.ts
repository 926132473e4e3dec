import { submitAssessment } from "@/lib/assessments/actions";
import { ZSubmitAssessment } from "@/lib/assessments/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/route";

export const POST = command(ZSubmitAssessment, ({ actor, input, params, requestId }) => submitAssessment({ db, actor, requestId }, params.assessmentId!, input));
