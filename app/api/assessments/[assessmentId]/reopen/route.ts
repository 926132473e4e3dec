import { z } from "zod";
import { reopenAssessment } from "@/lib/assessments/actions";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/route";

export const POST = command(z.object({}).strict(), ({ actor, params, requestId }) => reopenAssessment({ db, actor, requestId }, params.assessmentId!), { successStatus: 201 });
