import { updateUser } from "@/lib/admin/actions";
import { ZUserUpdate } from "@/lib/admin/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/route";

export const PATCH = command(ZUserUpdate, ({ actor, input, requestId, params }) => updateUser(db, actor, params.userId ?? "", input, requestId));
