import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";
import { establishmentListSelect } from "@/lib/establishments/queries";
import { assertAdmin } from "./guard";

// The admin's reads: every function asserts platform.manage first (NOT_FOUND otherwise), then reads
// the whole platform. Options lists feed the forms' selects.

export async function getPlatformCounts(db: Db, actor: Actor) {
  assertAdmin(actor);
  const [establishments, disabledEstablishments, ghts, regions, users, disabledUsers] = await Promise.all([
    db.establishment.count({ where: { disabled: false } }),
    db.establishment.count({ where: { disabled: true } }),
    db.ght.count(),
    db.region.count(),
    db.user.count({ where: { disabled: false } }),
    db.user.count({ where: { disabled: true } }),
  ]);
  return { establishments, disabledEstablishments, ghts, regions, users, disabledUsers };
}

export async function listAdminEstablishments(db: Db, actor: Actor, filter: { regionId?: string; q?: string } = {}) {
  assertAdmin(actor);
  const q = filter.q?.trim().slice(0, 100);
  const where: Prisma.EstablishmentWhereInput = {
    AND: [
      filter.regionId ? { regionId: filter.regionId } : {},
      q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { finess: { startsWith: q.toUpperCase() } }] } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.establishment.findMany({
      where,
      select: { ...establishmentListSelect, _count: { select: { memberships: true } } },
      orderBy: [{ departementCode: "asc" }, { name: "asc" }],
      take: 500,
    }),
    db.establishment.count(),
  ]);
  return { rows, total };
}

export async function getAdminEstablishment(db: Db, actor: Actor, id: string) {
  assertAdmin(actor);
  const establishment = await db.establishment.findUnique({
    where: { id },
    select: {
      id: true,
      finess: true,
      name: true,
      category: true,
      departementCode: true,
      ghtId: true,
      annualActivity: true,
      disabled: true,
      region: { select: { id: true, name: true } },
      supportOf: { select: { id: true, name: true } },
      _count: { select: { memberships: true, assessments: true } },
    },
  });
  if (!establishment) throw notFound("Cet établissement");
  return establishment;
}

export async function listAdminGhts(db: Db, actor: Actor) {
  assertAdmin(actor);
  return db.ght.findMany({
    select: {
      id: true,
      name: true,
      region: { select: { id: true, name: true } },
      supportEstablishment: { select: { id: true, name: true } },
      _count: { select: { members: true, memberships: true } },
    },
    orderBy: [{ region: { name: "asc" } }, { name: "asc" }],
  });
}

export async function getAdminGht(db: Db, actor: Actor, id: string) {
  assertAdmin(actor);
  const ght = await db.ght.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      regionId: true,
      supportEstablishmentId: true,
      members: { select: { id: true, name: true, finess: true, disabled: true }, orderBy: { name: "asc" } },
    },
  });
  if (!ght) throw notFound("Ce GHT");
  return ght;
}

/** A region with its départements (INSEE codes), as the admin's list and region page show it. */
const regionView = {
  id: true,
  code: true,
  name: true,
  departements: { select: { code: true, name: true }, orderBy: { code: "asc" } },
} as const;

export async function listAdminRegions(db: Db, actor: Actor) {
  assertAdmin(actor);
  return db.region.findMany({
    select: { ...regionView, _count: { select: { establishments: true, ghts: true } } },
    orderBy: { code: "asc" },
  });
}

export async function getAdminRegion(db: Db, actor: Actor, id: string) {
  assertAdmin(actor);
  const region = await db.region.findUnique({
    where: { id },
    select: regionView,
  });
  if (!region) throw notFound("Cette région");
  return region;
}

const membershipView = {
  id: true,
  role: true,
  function: true,
  establishment: { select: { id: true, name: true } },
  ght: { select: { id: true, name: true } },
  region: { select: { id: true, name: true } },
} as const;

/** A user as the admin's list and account page show it, with every membership. */
const userView = {
  id: true,
  email: true,
  name: true,
  title: true,
  disabled: true,
  isDemo: true,
  memberships: { select: membershipView, orderBy: { createdAt: "asc" } },
} as const;

export async function listAdminUsers(db: Db, actor: Actor) {
  assertAdmin(actor);
  return db.user.findMany({
    select: userView,
    orderBy: [{ disabled: "asc" }, { name: "asc" }],
  });
}

export async function getAdminUser(db: Db, actor: Actor, id: string) {
  assertAdmin(actor);
  const user = await db.user.findUnique({
    where: { id },
    select: userView,
  });
  if (!user) throw notFound("Ce compte");
  return user;
}

export type AdminMembership = Awaited<ReturnType<typeof getAdminUser>>["memberships"][number];

/** For the establishments filter. */
export async function listRegionOptions(db: Db, actor: Actor) {
  assertAdmin(actor);
  return db.region.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** Everything the admin forms' selects need, in one call. */
export async function getAdminOptions(db: Db, actor: Actor) {
  assertAdmin(actor);
  const [regions, departements, ghts, establishments] = await Promise.all([
    db.region.findMany({ select: { id: true, code: true, name: true }, orderBy: { name: "asc" } }),
    db.departement.findMany({ select: { code: true, name: true, regionId: true }, orderBy: { code: "asc" } }),
    db.ght.findMany({ select: { id: true, name: true, regionId: true }, orderBy: { name: "asc" } }),
    db.establishment.findMany({
      select: { id: true, name: true, regionId: true, ghtId: true, disabled: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { regions, departements, ghts, establishments };
}

export type AdminOptions = Awaited<ReturnType<typeof getAdminOptions>>;
