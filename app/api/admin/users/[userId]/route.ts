import { updateUser } from "@/lib/admin/commands";
import { ZUserUpdate } from "@/lib/admin/schemas";
import { adminCommand } from "@/lib/admin/admin-command";
import { db } from "@/lib/core/db";

export const PATCH = adminCommand(ZUserUpdate, ({ actor, input, requestId, params }) =>
  updateUser(db, actor, params.userId ?? "", input, requestId),
);
