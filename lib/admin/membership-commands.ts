import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { membershipGrants, ROLE_SCOPE } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/core/db";
import { AppError, notFound } from "@/lib/core/errors";
import { assertAdmin, fieldError, withUniqueField } from "./guard";
import type { MembershipInput } from "@/lib/auth/membership-input";

const membershipSelect = {
  id: true,
  userId: true,
  role: true,
  function: true,
  establishmentId: true,
  ghtId: true,
  regionId: true,
} as const;
const DUPLICATE = "Ce compte a déjà ce rôle sur ce périmètre.";
const SELF_GRANT =
  "Vous ne pouvez pas vous attribuer un rôle dans un établissement, un GHT ou une région : un autre administrateur doit le faire.";

type Scope = { establishmentId: string | null; ghtId: string | null; regionId: string | null };

/** The one scope column the role needs, checked to exist (an establishment must also be enabled). */
export async function resolveScope(tx: Tx, input: MembershipInput): Promise<Scope> {
  const scope: Scope = { establishmentId: null, ghtId: null, regionId: null };
  if ("establishmentId" in input) {
    const establishment = await tx.establishment.findUnique({
      where: { id: input.establishmentId },
      select: { id: true, disabled: true },
    });
    if (!establishment) throw fieldError("establishmentId", "Cet établissement est inconnu.");
    if (establishment.disabled)
      throw fieldError("establishmentId", "Cet établissement est désactivé : réactivez-le d'abord.");
    return { ...scope, establishmentId: establishment.id };
  }
  if ("ghtId" in input) {
    const ght = await tx.ght.findUnique({ where: { id: input.ghtId }, select: { id: true } });
    if (!ght) throw fieldError("ghtId", "Ce GHT est inconnu.");
    return { ...scope, ghtId: ght.id };
  }
  if ("regionId" in input) {
    const region = await tx.region.findUnique({ where: { id: input.regionId }, select: { id: true } });
    if (!region) throw fieldError("regionId", "Cette région est inconnue.");
    return { ...scope, regionId: region.id };
  }
  return scope; // the platform
}

export async function addMembership(db: Db, actor: Actor, userId: string, input: MembershipInput, requestId: string) {
  assertAdmin(actor);
  const run = db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw notFound("Ce compte");
    // The platform admin reads no answers; a role in a place would let them, on their own word.
    // A role in a place (establishment, GHT, region): the admin may not hand one to itself.
    if (user.id === actor.id && ROLE_SCOPE[input.role] !== null) throw new AppError("FORBIDDEN", SELF_GRANT);
    const scope = await resolveScope(tx, input);
    if (
      await tx.membership.findFirst({ where: { userId: user.id, role: input.role, ...scope }, select: { id: true } })
    ) {
      throw new AppError("CONFLICT", DUPLICATE);
    }
    const created = await tx.membership.create({
      data: {
        userId: user.id,
        role: input.role,
        function: "function" in input ? input.function : null,
        ...scope,
      },
      select: membershipSelect,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.create",
      entity: "Membership",
      entityId: created.id,
      establishmentId: created.establishmentId,
      before: null,
      after: created,
      requestId,
    });
    return created;
  });
  return withUniqueField(run, "role", DUPLICATE);
}

/** Removing a membership deletes the row (the audit event keeps what it was). */
export async function removeMembership(db: Db, actor: Actor, userId: string, membershipId: string, requestId: string) {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findFirst({ where: { id: membershipId, userId }, select: membershipSelect });
    if (!before) throw notFound("Ce rattachement");
    if (before.userId === actor.id && membershipGrants(before, "platform.manage")) {
      throw new AppError("FORBIDDEN", "Vous ne pouvez pas retirer votre propre rôle d'administrateur.");
    }
    await tx.membership.delete({ where: { id: before.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.delete",
      entity: "Membership",
      entityId: before.id,
      establishmentId: before.establishmentId,
      before,
      after: null,
      requestId,
    });
    return { id: before.id };
  });
}
