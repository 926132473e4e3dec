import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";
import { assertAdmin, fieldError, withUniqueField } from "./guard";
import type { GhtInput } from "./schemas";

const ghtSelect = { id: true, name: true, regionId: true, supportEstablishmentId: true } as const;
const NAME_TAKEN = "Un GHT porte déjà ce nom.";

async function checkRegionAndName(tx: Tx, input: GhtInput, selfId?: string): Promise<void> {
  const region = await tx.region.findUnique({ where: { id: input.regionId }, select: { id: true } });
  if (!region) throw fieldError("regionId", "Cette région est inconnue.");
  const sameName = await tx.ght.findUnique({ where: { name: input.name }, select: { id: true } });
  if (sameName && sameName.id !== selfId) throw fieldError("name", NAME_TAKEN, "CONFLICT");
}

/**
 * The support establishment is enabled, in the GHT's region, and a member of this GHT or of none
 * (it then joins). Returns whether it has to join.
 */
async function checkSupport(tx: Tx, supportId: string, regionId: string, selfId?: string): Promise<boolean> {
  const support = await tx.establishment.findUnique({
    where: { id: supportId },
    select: { regionId: true, ghtId: true, disabled: true, supportOf: { select: { id: true } } },
  });
  if (!support) throw fieldError("supportEstablishmentId", "Cet établissement est inconnu.");
  if (support.disabled)
    throw fieldError("supportEstablishmentId", "Un établissement désactivé ne peut pas être support d'un GHT.");
  if (support.regionId !== regionId)
    throw fieldError("supportEstablishmentId", "L'établissement support doit être dans la région du GHT.");
  if (support.ghtId && support.ghtId !== selfId) {
    throw fieldError(
      "supportEstablishmentId",
      "Cet établissement est membre d'un autre GHT : changez d'abord son rattachement.",
    );
  }
  if (support.supportOf && support.supportOf.id !== selfId) {
    throw fieldError("supportEstablishmentId", "Cet établissement est déjà le support d'un autre GHT.", "CONFLICT");
  }
  return support.ghtId === null;
}

export async function createGht(db: Db, actor: Actor, input: GhtInput, requestId: string) {
  assertAdmin(actor);
  const run = db.$transaction(async (tx) => {
    await checkRegionAndName(tx, input);
    const supportId = input.supportEstablishmentId ?? null;
    const joins = supportId ? await checkSupport(tx, supportId, input.regionId) : false;
    const created = await tx.ght.create({ data: { name: input.name, regionId: input.regionId }, select: { id: true } });
    if (supportId && joins) await tx.establishment.update({ where: { id: supportId }, data: { ghtId: created.id } });
    const after = await tx.ght.update({
      where: { id: created.id },
      data: { supportEstablishmentId: supportId },
      select: ghtSelect,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "ght.create",
      entity: "Ght",
      entityId: after.id,
      before: null,
      after: { ...after, supportJoined: joins },
      requestId,
    });
    return after;
  });
  return withUniqueField(run, "name", NAME_TAKEN);
}

/** `supportEstablishmentId`: absent keeps the support, null removes the designation (it stays a member). */
export async function updateGht(db: Db, actor: Actor, ghtId: string, input: GhtInput, requestId: string) {
  assertAdmin(actor);
  const run = db.$transaction(async (tx) => {
    const before = await tx.ght.findUnique({ where: { id: ghtId }, select: ghtSelect });
    if (!before) throw notFound("Ce GHT");
    await checkRegionAndName(tx, input, before.id);
    if (input.regionId !== before.regionId) {
      const elsewhere = await tx.establishment.count({
        where: { ghtId: before.id, regionId: { not: input.regionId } },
      });
      if (elsewhere > 0) {
        throw fieldError(
          "regionId",
          "Ce GHT compte des établissements d'une autre région : changez d'abord leur rattachement.",
        );
      }
    }
    const supportId =
      input.supportEstablishmentId === undefined ? before.supportEstablishmentId : input.supportEstablishmentId;
    const joins = supportId ? await checkSupport(tx, supportId, input.regionId, before.id) : false;
    if (supportId && joins) await tx.establishment.update({ where: { id: supportId }, data: { ghtId: before.id } });
    const after = await tx.ght.update({
      where: { id: before.id },
      data: { name: input.name, regionId: input.regionId, supportEstablishmentId: supportId },
      select: ghtSelect,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "ght.update",
      entity: "Ght",
      entityId: after.id,
      before,
      after: { ...after, supportJoined: joins },
      requestId,
    });
    return after;
  });
  return withUniqueField(run, "name", NAME_TAKEN);
}
