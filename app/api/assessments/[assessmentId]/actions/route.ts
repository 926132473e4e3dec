import { createAction } from "@/lib/action-plan/commands";
import { ZActionInput } from "@/lib/action-plan/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";

/** The director adds an action to the plan (from a gap, or free): 201 with the action. */
export const POST = command(
  ZActionInput,
  ({ actor, input, params, requestId }) => createAction(db, actor, params.assessmentId!, input, requestId),
  { successStatus: 201 },
);
