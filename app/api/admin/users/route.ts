import { createUser } from "@/lib/admin/actions";
import { ZUserCreate } from "@/lib/admin/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/route";

export const POST = command(ZUserCreate, ({ actor, input, requestId }) => createUser(db, actor, input, requestId), { successStatus: 201 });
