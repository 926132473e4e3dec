import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/core/db";
import { AppError, notFound } from "@/lib/core/errors";
import { openSecret } from "@/lib/auth/second-factor/secret-box";
import { checkTotp } from "@/lib/auth/second-factor/totp";
import { bumpSessionVersion } from "@/lib/auth/sessions";
import { assertAdmin, fieldError } from "./guard";
import type { UserUpdate } from "./schemas";

// Never the password hash: not selected, not audited, not returned. Accounts are created by an
// invitation (lib/invitations): no admin ever chooses or knows a user's password.
const userSelect = { id: true, email: true, name: true, title: true, disabled: true } as const;

/**
 * Disabling is a flag (the account can no longer sign in; its history stays). An admin cannot
 * disable themself. No password is ever set here: a forgotten one gets a reset link
 * (lib/invitations/commands.ts sendPasswordReset).
 */
export async function updateUser(db: Db, actor: Actor, userId: string, input: UserUpdate, requestId: string) {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: userSelect });
    if (!before) throw notFound("Ce compte");
    if (before.id === actor.id && input.disabled) {
      throw fieldError("disabled", "Vous ne pouvez pas désactiver votre propre compte.", "FORBIDDEN");
    }
    const after = await tx.user.update({
      where: { id: before.id },
      data: { name: input.name, title: input.title || null, disabled: input.disabled },
      select: userSelect,
    });

    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.update",
      entity: "User",
      entityId: after.id,
      before,
      after,
      requestId,
    });
    return after;
  });
}

/**
 * Resets an account's authenticator: the secret and the recovery codes are dropped, its sessions
 * end, and its next sign-in enrols a new one. For another admin who lost their phone. One's own
 * only with a current code from the app (a stolen session alone cannot remove the factor).
 */
export async function resetSecondFactor(
  db: Db,
  actor: Actor,
  userId: string,
  input: { code?: string },
  requestId: string,
) {
  assertAdmin(actor);
  const self = userId === actor.id;
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        totpSecret: true,
        totpEnabledAt: true,
        totpLastStep: true,
        _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
      },
    });
    if (!user) throw notFound("Ce compte");
    if (!user.totpEnabledAt || !user.totpSecret)
      throw new AppError("CONFLICT", "Ce compte n'a pas d'application d'authentification activée.");
    if (self) {
      const secret = openSecret(user.totpSecret);
      const check = secret ? checkTotp(secret, input.code ?? "", Date.now(), user.totpLastStep) : null;
      if (!check?.ok)
        throw fieldError(
          "code",
          "Pour réinitialiser votre propre application, saisissez le code qu'elle affiche maintenant (un code déjà utilisé est refusé).",
        );
    }
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.signInChallenge.deleteMany({ where: { userId: user.id, consumedAt: null } });
    const sessionVersion = await bumpSessionVersion(tx, user.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "totp.reset",
      entity: "User",
      entityId: user.id,
      before: { totpEnabledAt: user.totpEnabledAt, recoveryCodesLeft: user._count.recoveryCodes },
      after: { totpEnabledAt: null, sessionVersion, self },
      requestId,
    });
    return { id: user.id };
  });
}
