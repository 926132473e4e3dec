import { z } from "zod";
import { reopenAssessment } from "@/lib/assessments/commands";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";

export const POST = command(
  z.object({}).strict(),
  ({ actor, params, requestId }) => reopenAssessment({ db, actor, requestId }, params.assessmentId!),
  { successStatus: 201 },
);
