import { assignSection } from "@/lib/assessments/commands";
import { ZAssignSection } from "@/lib/assessments/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";

export const PUT = command(ZAssignSection, ({ actor, input, params, requestId }) =>
  assignSection({ db, actor, requestId }, params.assessmentId!, input),
);
