import "server-only";
import type { ContributorFunction } from "@/generated/prisma/enums";
import type { Db } from "@/lib/core/db";
import type { Actor } from "./actor";
import { ROLE_LABELS } from "./permissions";

export const FUNCTION_LABELS: Record<ContributorFunction, string> = {
  DSI: "DSI",
  RSSI: "RSSI",
  DPO: "DPO",
  IDENTITOVIGILANCE: "Référent identitovigilance",
  OTHER: "Autre fonction",
};

export type MembershipView = {
  role: Actor["memberships"][number]["role"];
  roleLabel: string;
  scopeLabel: string;
  href: string | null;
};

/** Human labels for each membership: "RSSI · Groupe hospitalier Bretagne Sud". */
export async function describeMemberships(db: Db, actor: Actor): Promise<MembershipView[]> {
  const ids = (key: "establishmentId" | "ghtId" | "regionId") =>
    actor.memberships.map((m) => m[key]).filter((v): v is string => v !== null);
  const [establishments, ghts, regions] = await Promise.all([
    db.establishment.findMany({ where: { id: { in: ids("establishmentId") } }, select: { id: true, name: true } }),
    db.ght.findMany({ where: { id: { in: ids("ghtId") } }, select: { id: true, name: true } }),
    db.region.findMany({ where: { id: { in: ids("regionId") } }, select: { id: true, name: true } }),
  ]);
  const name = (list: { id: string; name: string }[], id: string | null) => list.find((x) => x.id === id)?.name ?? "";
  return actor.memberships.map((m) => {
    const roleLabel = m.role === "contributor" && m.function ? FUNCTION_LABELS[m.function] : ROLE_LABELS[m.role];
    if (m.establishmentId) {
      return {
        role: m.role,
        roleLabel,
        scopeLabel: name(establishments, m.establishmentId),
        href: `/establishments/${m.establishmentId}`,
      };
    }
    if (m.ghtId) return { role: m.role, roleLabel, scopeLabel: name(ghts, m.ghtId), href: `/ght/${m.ghtId}` };
    if (m.regionId)
      return { role: m.role, roleLabel, scopeLabel: name(regions, m.regionId), href: `/region/${m.regionId}` };
    return { role: m.role, roleLabel, scopeLabel: "Plateforme", href: "/admin" };
  });
}
