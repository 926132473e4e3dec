import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertAdmin } from "@/lib/admin/guard";
import { can, establishmentScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";
import { INVITED_BY_DIRECTOR } from "@/lib/auth/permissions";

export type AccessStatus = "active" | "invited" | "expired";

/** How an account gets in (never the hash): for the admin's account page. */
export async function getAccountAccess(db: Db, actor: Actor, userId: string) {
  assertAdmin(actor);
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      passwordHash: true,
      totpEnabledAt: true,
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
      ssoLinks: {
        select: { provider: true, acr: true, lastAcr: true, createdAt: true, lastSignInAt: true },
        orderBy: { createdAt: "asc" },
      },
      invitations: {
        where: { acceptedAt: null, revokedAt: null },
        select: { expiresAt: true },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
    },
  });
  if (!user) throw notFound("Ce compte");
  const open = user.invitations[0] ?? null;
  const status: AccessStatus =
    user.passwordHash || user.ssoLinks.length > 0
      ? "active"
      : open && open.expiresAt > new Date()
        ? "invited"
        : "expired";
  return {
    status,
    hasPassword: user.passwordHash !== null,
    /** The authenticator (TOTP) and the recovery codes left: the admin's second factor. */
    totpEnabledAt: user.totpEnabledAt,
    recoveryCodesLeft: user._count.recoveryCodes,
    ssoLinks: user.ssoLinks,
    invitationExpiresAt: open?.expiresAt ?? null,
  };
}

/** The establishment's contributors with their activation status, for its director. */
export async function listEstablishmentPeople(db: Db, actor: Actor, establishmentId: string) {
  const establishment = await db.establishment.findFirst({
    where: { AND: [{ id: establishmentId }, establishmentScope(actor, "assessment.manage")] },
    select: { id: true, name: true },
  });
  if (!establishment || !can(actor, "establishment.invite", { establishmentId: establishment.id }))
    throw notFound("Cet établissement");
  const memberships = await db.membership.findMany({
    where: { establishmentId: establishment.id, role: INVITED_BY_DIRECTOR },
    select: {
      function: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          disabled: true,
          passwordHash: true,
          _count: { select: { ssoLinks: true } },
          invitations: { where: { acceptedAt: null, revokedAt: null }, select: { expiresAt: true }, take: 1 },
        },
      },
    },
    orderBy: { user: { name: "asc" } },
  });
  const now = new Date();
  return {
    establishment,
    people: memberships.map(({ function: fn, user }) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      function: fn,
      disabled: user.disabled,
      status: (user.passwordHash || user._count.ssoLinks > 0
        ? "active"
        : (user.invitations[0]?.expiresAt ?? now) > now
          ? "invited"
          : "expired") as AccessStatus,
    })),
  };
}
