import { updateGht } from "@/lib/admin/actions";
import { ZGhtInput } from "@/lib/admin/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/route";

export const PATCH = command(ZGhtInput, ({ actor, input, requestId, params }) => updateGht(db, actor, params.ghtId ?? "", input, requestId));
