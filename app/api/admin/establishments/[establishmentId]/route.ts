import { setEstablishmentDisabled, updateEstablishment } from "@/lib/admin/commands";
import { ZEstablishmentPatch } from "@/lib/admin/schemas";
import { adminCommand } from "@/lib/admin/admin-command";
import { db } from "@/lib/core/db";

// One PATCH for the edit form ({finess, name, …}) and the disable toggle ({disabled}).
export const PATCH = adminCommand(ZEstablishmentPatch, ({ actor, input, requestId, params }) => {
  const id = params.establishmentId ?? "";
  return "finess" in input
    ? updateEstablishment(db, actor, id, input, requestId)
    : setEstablishmentDisabled(db, actor, id, input, requestId);
});
