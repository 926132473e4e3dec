import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { establishmentScope, regionScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";

export async function getRegionOrThrow(db: Db, actor: Actor, id: string, permission: Permission = "region.read") {
  const region = await db.region.findFirst({
    where: { AND: [{ id }, regionScope(actor, permission)] },
    select: {
      id: true,
      code: true,
      name: true,
      departements: { select: { code: true, name: true }, orderBy: { code: "asc" } },
      ghts: { select: { id: true, name: true, _count: { select: { members: true } } }, orderBy: { name: "asc" } },
    },
  });
  if (!region) throw notFound("Cette région");
  return region;
}

export async function listRegions(db: Db, actor: Actor, permission: Permission = "region.read") {
  return db.region.findMany({
    where: regionScope(actor, permission),
    select: { id: true, code: true, name: true, _count: { select: { establishments: true, ghts: true } } },
    orderBy: { name: "asc" },
  });
}

/** Campaigns with at least one member the actor may compare in this region or GHT, newest first. */
export async function listComparableCampaigns(db: Db, actor: Actor, where: { regionId?: string; ghtId?: string }) {
  return db.campaign.findMany({
    where: {
      establishments: { some: { establishment: { AND: [establishmentScope(actor, "comparison.read"), where] } } },
    },
    select: {
      id: true,
      name: true,
      year: true,
      referentialVersion: { select: { title: true, version: true } },
      _count: { select: { establishments: { where: { establishment: where } } } },
    },
    orderBy: [{ year: "desc" }, { name: "asc" }],
  });
}
