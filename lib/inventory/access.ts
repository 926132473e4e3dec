import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can, establishmentScope } from "@/lib/auth/scope";
import type { Db, Tx } from "@/lib/core/db";
import { forbidden, notFound } from "@/lib/core/errors";

// Who sees and who edits an establishment's application inventory.
//
// See: `evidence.read` holders of the establishment (its director and contributors, whatever
// their function). Anyone else, including the GHT coordinator, the regional delegate, the ARS
// reviewer and the platform admin, gets NOT_FOUND: the inventory never leaves the establishment
// (the submitted assessment carries a frozen copy for those who may read it).
//
// Edit: the establishment's director, and its contributors whose function is DSI: the inventory
// is the IT department's map of its applications, and it decides three blocking indicators.
// Other contributors (RSSI, DPO, identity-vigilance…) read it. A visible-but-not-editable
// inventory answers FORBIDDEN to a write, as lib/core/errors.ts reserves it for.

export function canEditInventory(actor: Actor, establishmentId: string): boolean {
  return can(actor, "inventory.edit", { establishmentId });
}

/** The establishment whose inventory the actor may see, else NOT_FOUND. */
export async function loadInventoryEstablishment(db: Db | Tx, actor: Actor, establishmentId: string) {
  const establishment = await db.establishment.findFirst({
    where: { AND: [{ id: establishmentId }, establishmentScope(actor, "evidence.read")] },
    select: { id: true, name: true, finess: true },
  });
  if (!establishment) throw notFound("Cet établissement");
  return establishment;
}

/** The establishment whose inventory the actor may edit: NOT_FOUND if unseen, FORBIDDEN if read-only. */
export async function loadEditableEstablishment(db: Db | Tx, actor: Actor, establishmentId: string) {
  const establishment = await loadInventoryEstablishment(db, actor, establishmentId);
  if (!canEditInventory(actor, establishment.id)) {
    throw forbidden("Seules la direction et la DSI de l'établissement modifient l'inventaire des applications.");
  }
  return establishment;
}
