import { changeOwnPassword } from "@/lib/account/commands";
import { ZPasswordChange } from "@/lib/account/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";

// The one command an account whose password an admin reset may run.
export const PUT = command(
  ZPasswordChange,
  ({ actor, input, requestId }) => changeOwnPassword(db, actor, input, requestId),
  { passwordChange: true },
);
