import { updateRegion } from "@/lib/admin/actions";
import { ZRegionUpdate } from "@/lib/admin/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/route";

export const PATCH = command(ZRegionUpdate, ({ actor, input, requestId, params }) => updateRegion(db, actor, params.regionId ?? "", input, requestId));
