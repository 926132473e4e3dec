import "server-only";
import type { Db } from "@/lib/core/db";
import { ROLE_LABELS } from "./permissions";
import type { Role } from "@/generated/prisma/enums";

// What someone else (an admin) changed on a user's account since their previous sign-in, read from
// the audit trail: a role granted or withdrawn, a password reset. Shown after each sign-in, so a
// change made without the user's knowledge does not stay unseen.

export type AccountNotice = { at: Date; text: string };

type MembershipRow = { role?: Role; establishmentId?: string | null; ghtId?: string | null; regionId?: string | null };

export async function accountNotices(db: Db, userId: string): Promise<AccountNotice[]> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { previousSignInAt: true, lastSignInAt: true, createdAt: true },
  });
  if (!user?.lastSignInAt) return [];
  const window = { gt: user.previousSignInAt ?? user.createdAt, lte: user.lastSignInAt };
  const others = { OR: [{ actorId: null }, { actorId: { not: userId } }] };
  const events = await db.auditEvent.findMany({
    where: {
      at: window,
      AND: [
        others,
        {
          OR: [
            // Before reset links, an admin could set a password (older rows say so).
            { action: "user.update", entityId: userId, after: { path: ["passwordChanged"], equals: true } },
            { action: "password_reset.issue", entityId: userId },
            { action: "totp.reset", entityId: userId },
            { action: "membership.create", after: { path: ["userId"], equals: userId } },
            { action: "membership.delete", before: { path: ["userId"], equals: userId } },
          ],
        },
      ],
    },
    orderBy: { id: "asc" },
    take: 20,
    select: { at: true, action: true, before: true, after: true },
  });
  const rows = events.map((e) => (e.action === "membership.delete" ? e.before : e.after) as MembershipRow);
  const ids = (key: "establishmentId" | "ghtId" | "regionId") =>
    rows.map((r) => r[key]).filter((v): v is string => typeof v === "string");
  const [establishments, ghts, regions] = await Promise.all([
    db.establishment.findMany({ where: { id: { in: ids("establishmentId") } }, select: { id: true, name: true } }),
    db.ght.findMany({ where: { id: { in: ids("ghtId") } }, select: { id: true, name: true } }),
    db.region.findMany({ where: { id: { in: ids("regionId") } }, select: { id: true, name: true } }),
  ]);
  const place = (r: MembershipRow) =>
    [...establishments, ...ghts, ...regions].find((p) => p.id === (r.establishmentId ?? r.ghtId ?? r.regionId))?.name ??
    "la plateforme";
  return events.map((e, i) => {
    const row = rows[i]!;
    const role = row.role ? ROLE_LABELS[row.role] : "un rôle";
    const text =
      e.action === "user.update"
        ? "Un administrateur a réinitialisé votre mot de passe ; vos sessions ouvertes ont été fermées."
        : e.action === "password_reset.issue"
          ? "Un administrateur vous a envoyé un lien pour choisir un nouveau mot de passe."
          : e.action === "totp.reset"
            ? "Un administrateur a réinitialisé votre application d'authentification ; vous en avez activé une nouvelle."
            : e.action === "membership.create"
              ? `Un administrateur vous a attribué le rôle « ${role} » (${place(row)}).`
              : `Un administrateur vous a retiré le rôle « ${role} » (${place(row)}).`;
    return { at: e.at, text };
  });
}
