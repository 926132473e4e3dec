import { createGht } from "@/lib/admin/actions";
import { ZGhtInput } from "@/lib/admin/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/route";

export const POST = command(ZGhtInput, ({ actor, input, requestId }) => createGht(db, actor, input, requestId), { successStatus: 201 });
