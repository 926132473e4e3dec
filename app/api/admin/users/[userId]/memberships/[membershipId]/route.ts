import { removeMembership } from "@/lib/admin/actions";
import { ZEmpty } from "@/lib/admin/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/route";

export const DELETE = command(ZEmpty, ({ actor, requestId, params }) =>
  removeMembership(db, actor, params.userId ?? "", params.membershipId ?? "", requestId),
);
