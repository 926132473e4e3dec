import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";
import { deleteApplication, updateApplication } from "@/lib/inventory/commands";
import { ZApplicationInput, ZEmpty } from "@/lib/inventory/schemas";

/** Replaces one application's fields (the form sends the whole application). */
export const PATCH = command(ZApplicationInput, ({ actor, input, params, requestId }) =>
  updateApplication(db, actor, params.establishmentId ?? "", params.applicationId ?? "", input, requestId),
);

export const DELETE = command(ZEmpty, ({ actor, params, requestId }) =>
  deleteApplication(db, actor, params.establishmentId ?? "", params.applicationId ?? "", requestId),
);
