import { createEstablishment } from "@/lib/admin/actions";
import { ZEstablishmentInput } from "@/lib/admin/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/route";

export const POST = command(ZEstablishmentInput, ({ actor, input, requestId }) => createEstablishment(db, actor, input, requestId), {
  successStatus: 201,
});
