import type { ContributorFunction, Role } from "@/generated/prisma/enums";
import type { Db, Tx } from "@/lib/core/db";

export type ActorMembership = {
  role: Role;
  function: ContributorFunction | null;
  establishmentId: string | null;
  ghtId: string | null;
  regionId: string | null;
};

/** Who is acting, read from the database on every request: the session carries only the user id. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  title: string | null;
  memberships: ActorMembership[];
};

/** Loads an enabled user and the memberships whose establishment is not disabled. */
export async function loadActor(db: Db | Tx, userId: string): Promise<Actor | null> {
  const user = await db.user.findFirst({
    where: { id: userId, disabled: false },
    select: {
      id: true,
      email: true,
      name: true,
      title: true,
      memberships: {
        where: { OR: [{ establishmentId: null }, { establishment: { disabled: false } }] },
        select: { role: true, function: true, establishmentId: true, ghtId: true, regionId: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  return user;
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.memberships.some((m) => m.role === role);
}
