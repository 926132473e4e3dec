import { setSiteCoverage } from "@/lib/assessments/commands";
import { ZSiteCoverage } from "@/lib/assessments/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";

export const PUT = command(ZSiteCoverage, ({ actor, input, params, requestId }) =>
  setSiteCoverage({ db, actor, requestId }, params.assessmentId!, input),
);
