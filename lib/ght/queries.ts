import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { ghtScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";

export async function getGhtOrThrow(db: Db, actor: Actor, id: string, permission: Permission = "ght.read") {
  const ght = await db.ght.findFirst({
    where: { AND: [{ id }, ghtScope(actor, permission)] },
    select: {
      id: true,
      name: true,
      region: { select: { id: true, name: true } },
      supportEstablishment: { select: { id: true, name: true } },
      members: {
        where: { disabled: false },
        select: { id: true, name: true, finess: true, category: true, departementCode: true, annualActivity: true },
        orderBy: { name: "asc" },
      },
    },
  });
  if (!ght) throw notFound("Ce GHT");
  return ght;
}

export async function listGhts(db: Db, actor: Actor, permission: Permission = "ght.read") {
  return db.ght.findMany({
    where: ghtScope(actor, permission),
    select: {
      id: true,
      name: true,
      region: { select: { id: true, name: true } },
      supportEstablishment: { select: { id: true, name: true } },
      _count: { select: { members: true } },
    },
    orderBy: { name: "asc" },
  });
}
