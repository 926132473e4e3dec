import { startAssessment } from "@/lib/assessments/actions";
import { ZStartAssessment } from "@/lib/assessments/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/route";

export const POST = command(ZStartAssessment, ({ actor, input, requestId }) => startAssessment({ db, actor, requestId }, input), { successStatus: 201 });
