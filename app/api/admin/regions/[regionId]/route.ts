import { updateRegion } from "@/lib/admin/commands";
import { ZRegionUpdate } from "@/lib/admin/schemas";
import { adminCommand } from "@/lib/admin/admin-command";
import { db } from "@/lib/core/db";

export const PATCH = adminCommand(ZRegionUpdate, ({ actor, input, requestId, params }) =>
  updateRegion(db, actor, params.regionId ?? "", input, requestId),
);
