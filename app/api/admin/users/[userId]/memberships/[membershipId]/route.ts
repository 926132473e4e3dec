import { removeMembership } from "@/lib/admin/actions";
import { ZEmpty } from "@/lib/admin/schemas";
import { adminCommand } from "@/lib/admin/route";
import { db } from "@/lib/core/db";

export const DELETE = adminCommand(ZEmpty, ({ actor, requestId, params }) =>
  removeMembership(db, actor, params.userId ?? "", params.membershipId ?? "", requestId),
);
