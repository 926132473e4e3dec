import { ZSaveAnswer } from "@/lib/assessments/answer-schemas";
import { saveAnswer } from "@/lib/assessments/save-answer";
import { db } from "@/lib/core/db";
import { userCommand } from "@/lib/core/http-command";

/** Autosave of one answer: 200 with the stored answer, 409 with the other person's on a stale version. */
export const PUT = userCommand(ZSaveAnswer, ({ actor, input, params, requestId }) =>
  saveAnswer(db, actor, params.assessmentId!, input, requestId),
);
