import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";
import { assertAdmin, fieldError, withUniqueField } from "./guard";
import type { RegionInput, RegionUpdate } from "./schemas";

const regionSelect = { id: true, code: true, name: true } as const;
const NAME_TAKEN = "Une région porte déjà ce nom.";

export async function createRegion(db: Db, actor: Actor, input: RegionInput, requestId: string) {
  assertAdmin(actor);
  const run = db.$transaction(async (tx) => {
    const sameCode = await tx.region.findUnique({ where: { code: input.code }, select: { name: true } });
    if (sameCode)
      throw fieldError("code", `Le code « ${input.code} » est déjà celui de la région ${sameCode.name}.`, "CONFLICT");
    if (await tx.region.findUnique({ where: { name: input.name }, select: { id: true } }))
      throw fieldError("name", NAME_TAKEN, "CONFLICT");
    const created = await tx.region.create({ data: { code: input.code, name: input.name }, select: regionSelect });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "region.create",
      entity: "Region",
      entityId: created.id,
      before: null,
      after: created,
      requestId,
    });
    return created;
  });
  return withUniqueField(run, "name", NAME_TAKEN);
}

export async function updateRegion(db: Db, actor: Actor, regionId: string, input: RegionUpdate, requestId: string) {
  assertAdmin(actor);
  const run = db.$transaction(async (tx) => {
    const before = await tx.region.findUnique({ where: { id: regionId }, select: regionSelect });
    if (!before) throw notFound("Cette région");
    const sameName = await tx.region.findUnique({ where: { name: input.name }, select: { id: true } });
    if (sameName && sameName.id !== before.id) throw fieldError("name", NAME_TAKEN, "CONFLICT");
    const after = await tx.region.update({
      where: { id: before.id },
      data: { name: input.name },
      select: regionSelect,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "region.update",
      entity: "Region",
      entityId: after.id,
      before,
      after,
      requestId,
    });
    return after;
  });
  return withUniqueField(run, "name", NAME_TAKEN);
}
