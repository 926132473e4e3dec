import { setEstablishmentDisabled, updateEstablishment } from "@/lib/admin/actions";
import { ZEstablishmentPatch } from "@/lib/admin/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/route";

// One PATCH for the edit form ({finess, name, …}) and the disable toggle ({disabled}).
export const PATCH = command(ZEstablishmentPatch, ({ actor, input, requestId, params }) => {
  const id = params.establishmentId ?? "";
  return "finess" in input ? updateEstablishment(db, actor, id, input, requestId) : setEstablishmentDisabled(db, actor, id, input, requestId);
});
