import { createUser } from "@/lib/admin/commands";
import { ZUserCreate } from "@/lib/admin/schemas";
import { adminCommand } from "@/lib/admin/admin-command";
import { db } from "@/lib/core/db";

export const POST = adminCommand(
  ZUserCreate,
  ({ actor, input, requestId }) => createUser(db, actor, input, requestId),
  { successStatus: 201 },
);
