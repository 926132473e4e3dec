import { deleteAction, updateAction } from "@/lib/action-plan/commands";
import { ZActionDelete, ZActionUpdate } from "@/lib/action-plan/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";

/** Edit an action: 200 with the action, 409 STALE_VERSION with the current one. */
export const PATCH = command(ZActionUpdate, ({ actor, input, params, requestId }) =>
  updateAction(db, actor, params.assessmentId!, params.actionId!, input, requestId),
);

/** The director removes an action. */
export const DELETE = command(ZActionDelete, ({ actor, input, params, requestId }) =>
  deleteAction(db, actor, params.assessmentId!, params.actionId!, input, requestId),
);
