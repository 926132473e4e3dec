import { startAssessment } from "@/lib/assessments/commands";
import { ZStartAssessment } from "@/lib/assessments/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";

export const POST = command(
  ZStartAssessment,
  ({ actor, input, requestId }) => startAssessment({ db, actor, requestId }, input),
  { successStatus: 201 },
);
