import { adminCommand } from "@/lib/admin/admin-command";
import { resetSecondFactor } from "@/lib/admin/commands";
import { ZSecondFactorReset } from "@/lib/admin/schemas";
import { db } from "@/lib/core/db";

/** Resets the account's authenticator (audited): its next sign-in enrols a new one. */
export const DELETE = adminCommand(ZSecondFactorReset, ({ actor, input, requestId, params }) =>
  resetSecondFactor(db, actor, params.userId ?? "", input, requestId),
);
