import { removeMembership } from "@/lib/admin/commands";
import { ZEmpty } from "@/lib/admin/schemas";
import { adminCommand } from "@/lib/admin/admin-command";
import { db } from "@/lib/core/db";

export const DELETE = adminCommand(ZEmpty, ({ actor, requestId, params }) =>
  removeMembership(db, actor, params.userId ?? "", params.membershipId ?? "", requestId),
);
