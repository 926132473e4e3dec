import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";
import { createApplication } from "@/lib/inventory/commands";
import { ZApplicationInput } from "@/lib/inventory/schemas";

/** Adds one application to the inventory: 201 with the stored application, 409 if its name is taken. */
export const POST = command(
  ZApplicationInput,
  ({ actor, input, params, requestId }) => createApplication(db, actor, params.establishmentId ?? "", input, requestId),
  { successStatus: 201 },
);
