import { updateGht } from "@/lib/admin/commands";
import { ZGhtInput } from "@/lib/admin/schemas";
import { adminCommand } from "@/lib/admin/admin-command";
import { db } from "@/lib/core/db";

export const PATCH = adminCommand(ZGhtInput, ({ actor, input, requestId, params }) =>
  updateGht(db, actor, params.ghtId ?? "", input, requestId),
);
