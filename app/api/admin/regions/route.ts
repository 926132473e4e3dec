import { createRegion } from "@/lib/admin/commands";
import { ZRegionInput } from "@/lib/admin/schemas";
import { adminCommand } from "@/lib/admin/admin-command";
import { db } from "@/lib/core/db";

export const POST = adminCommand(
  ZRegionInput,
  ({ actor, input, requestId }) => createRegion(db, actor, input, requestId),
  { successStatus: 201 },
);
