import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { establishmentScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";

export const establishmentListSelect = {
  id: true,
  finess: true,
  name: true,
  category: true,
  departementCode: true,
  disabled: true,
  annualActivity: true,
  region: { select: { id: true, name: true } },
  ght: { select: { id: true, name: true, supportEstablishmentId: true } },
} as const;

export async function listEstablishments(
  db: Db,
  actor: Actor,
  filter: { regionId?: string; ghtId?: string; includeDisabled?: boolean } = {},
  permission: Permission = "establishment.read",
) {
  return db.establishment.findMany({
    where: {
      AND: [
        establishmentScope(actor, permission),
        filter.regionId ? { regionId: filter.regionId } : {},
        filter.ghtId ? { ghtId: filter.ghtId } : {},
        filter.includeDisabled ? {} : { disabled: false },
      ],
    },
    select: establishmentListSelect,
    orderBy: [{ departementCode: "asc" }, { name: "asc" }],
  });
}

export type EstablishmentListItem = Awaited<ReturnType<typeof listEstablishments>>[number];

/** One establishment reachable by the actor for `permission`, else NOT_FOUND (never 403: ids don't leak). */
export async function getEstablishmentOrThrow(
  db: Db,
  actor: Actor,
  id: string,
  permission: Permission = "establishment.read",
) {
  const establishment = await db.establishment.findFirst({
    where: { AND: [{ id }, establishmentScope(actor, permission)] },
    select: { ...establishmentListSelect, departement: { select: { name: true } } },
  });
  if (!establishment) throw notFound("Cet établissement");
  return establishment;
}
