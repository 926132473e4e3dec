import { createRegion } from "@/lib/admin/actions";
import { ZRegionInput } from "@/lib/admin/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/route";

export const POST = command(ZRegionInput, ({ actor, input, requestId }) => createRegion(db, actor, input, requestId), { successStatus: 201 });
