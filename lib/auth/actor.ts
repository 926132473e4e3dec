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
  /** An admin reset the password: every page leads to the password change until it is done. */
  mustChangePassword?: boolean;
};

/**
 * Loads an enabled user and the memberships whose establishment is not disabled. Two plain queries
 * rather than one relation filter: this runs on every request and the flat form is ~3x cheaper.
 * With `sessionVersion` (a session's token), a session revoked since (sign-out, password change,
 * admin reset) finds no one.
 */
export async function loadActor(db: Db | Tx, userId: string, sessionVersion?: number): Promise<Actor | null> {
  const [user, memberships] = await Promise.all([
    db.user.findFirst({
      where: { id: userId, disabled: false, ...(sessionVersion === undefined ? {} : { sessionVersion }) },
      select: { id: true, email: true, name: true, title: true, mustChangePassword: true },
    }),
    db.membership.findMany({
      where: { userId },
      select: {
        role: true,
        function: true,
        establishmentId: true,
        ghtId: true,
        regionId: true,
        establishment: { select: { disabled: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  if (!user) return null;
  const { mustChangePassword, ...identity } = user;
  const actor = actorOf(
    identity,
    memberships.map((m) => ({ ...m, establishmentDisabled: m.establishment?.disabled ?? false })),
  );
  return mustChangePassword ? { ...actor, mustChangePassword } : actor;
}

/** The one place a membership of a disabled establishment is dropped (loadActor, the autosave read). */
export function actorOf(
  user: Omit<Actor, "memberships" | "mustChangePassword">,
  memberships: (ActorMembership & { establishmentDisabled: boolean })[],
): Actor {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    title: user.title,
    memberships: memberships
      .filter((m) => !m.establishmentDisabled)
      .map(({ role, function: fn, establishmentId, ghtId, regionId }) => ({
        role,
        function: fn,
        establishmentId,
        ghtId,
        regionId,
      })),
  };
}
