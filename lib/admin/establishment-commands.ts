import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";
import { assertAdmin, fieldError, withUniqueField } from "./guard";
import type { EstablishmentDisable, EstablishmentInput } from "./schemas";

const establishmentSelect = {
  id: true,
  finess: true,
  name: true,
  category: true,
  departementCode: true,
  regionId: true,
  ghtId: true,
  annualActivity: true,
  disabled: true,
} as const;

const FINESS_TAKEN = "Ce numéro FINESS est déjà enregistré pour un autre établissement.";

/** The FINESS starts with the département: "22" for 22, "2A" for 2A, "97" for every 97x. */
export function finessPrefixFor(departementCode: string): string {
  return departementCode.slice(0, 2);
}

/** Checks the département, the FINESS prefix and the GHT; returns the region, derived from the département. */
async function placement(tx: Tx, input: EstablishmentInput, selfId?: string): Promise<string> {
  const departement = await tx.departement.findUnique({
    where: { code: input.departementCode },
    select: { code: true, name: true, regionId: true },
  });
  if (!departement) throw fieldError("departementCode", "Ce département est inconnu.");
  const prefix = finessPrefixFor(departement.code);
  if (!input.finess.startsWith(prefix)) {
    throw fieldError(
      "finess",
      `Le FINESS d'un établissement du département ${departement.name} (${departement.code}) commence par « ${prefix} ».`,
    );
  }
  if (input.ghtId) {
    const ght = await tx.ght.findUnique({ where: { id: input.ghtId }, select: { regionId: true } });
    if (!ght) throw fieldError("ghtId", "Ce GHT est inconnu.");
    if (ght.regionId !== departement.regionId)
      throw fieldError("ghtId", "Ce GHT appartient à une autre région que le département de l'établissement.");
  }
  const sameFiness = await tx.establishment.findUnique({
    where: { finess: input.finess },
    select: { id: true, name: true },
  });
  if (sameFiness && sameFiness.id !== selfId) {
    throw fieldError("finess", `Ce numéro FINESS est déjà celui de « ${sameFiness.name} ».`, "CONFLICT");
  }
  return departement.regionId;
}

function data(input: EstablishmentInput, regionId: string) {
  return {
    finess: input.finess,
    name: input.name,
    category: input.category,
    departementCode: input.departementCode,
    regionId,
    ghtId: input.ghtId,
    annualActivity: input.annualActivity ?? null,
  };
}

export async function createEstablishment(db: Db, actor: Actor, input: EstablishmentInput, requestId: string) {
  assertAdmin(actor);
  const run = db.$transaction(async (tx) => {
    const regionId = await placement(tx, input);
    const created = await tx.establishment.create({ data: data(input, regionId), select: establishmentSelect });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "establishment.create",
      entity: "Establishment",
      entityId: created.id,
      establishmentId: created.id,
      before: null,
      after: created,
      requestId,
    });
    return created;
  });
  return withUniqueField(run, "finess", FINESS_TAKEN);
}

/** Full replacement of the editable fields. A GHT's support stays in its GHT until another is designated. */
export async function updateEstablishment(
  db: Db,
  actor: Actor,
  establishmentId: string,
  input: EstablishmentInput,
  requestId: string,
) {
  assertAdmin(actor);
  const run = db.$transaction(async (tx) => {
    const before = await tx.establishment.findUnique({ where: { id: establishmentId }, select: establishmentSelect });
    if (!before) throw notFound("Cet établissement");
    const regionId = await placement(tx, input, before.id);
    const supportOf = await tx.ght.findUnique({
      where: { supportEstablishmentId: before.id },
      select: { id: true, name: true },
    });
    if (supportOf && input.ghtId !== supportOf.id) {
      throw fieldError(
        "ghtId",
        `Cet établissement est le support du GHT « ${supportOf.name} » : désignez d'abord un autre support.`,
      );
    }
    const after = await tx.establishment.update({
      where: { id: before.id },
      data: data(input, regionId),
      select: establishmentSelect,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "establishment.update",
      entity: "Establishment",
      entityId: after.id,
      establishmentId: after.id,
      before,
      after,
      requestId,
    });
    return after;
  });
  return withUniqueField(run, "finess", FINESS_TAKEN);
}

/** Disabling is a flag: the establishment, its history and its memberships stay (members lose access). */
export async function setEstablishmentDisabled(
  db: Db,
  actor: Actor,
  establishmentId: string,
  input: EstablishmentDisable,
  requestId: string,
) {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.establishment.findUnique({ where: { id: establishmentId }, select: establishmentSelect });
    if (!before) throw notFound("Cet établissement");
    const after = await tx.establishment.update({
      where: { id: before.id },
      data: { disabled: input.disabled },
      select: establishmentSelect,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.disabled ? "establishment.disable" : "establishment.enable",
      entity: "Establishment",
      entityId: after.id,
      establishmentId: after.id,
      before: { disabled: before.disabled },
      after: { disabled: after.disabled },
      requestId,
    });
    return after;
  });
}
