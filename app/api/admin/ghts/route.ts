import { createGht } from "@/lib/admin/commands";
import { ZGhtInput } from "@/lib/admin/schemas";
import { adminCommand } from "@/lib/admin/admin-command";
import { db } from "@/lib/core/db";

export const POST = adminCommand(ZGhtInput, ({ actor, input, requestId }) => createGht(db, actor, input, requestId), {
  successStatus: 201,
});
