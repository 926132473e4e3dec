import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/sign-in";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";
import { assertAdmin, fieldError } from "./guard";
import type { UserUpdate } from "./schemas";

// Never the password hash: not selected, not audited, not returned. Accounts are created by an
// invitation (lib/invitations): no admin ever chooses or knows a user's password.
const userSelect = { id: true, email: true, name: true, title: true, disabled: true } as const;

/**
 * Disabling is a flag (the account can no longer sign in; its history stays). An admin cannot
 * disable themself. A password set here is a reset: the account's sessions end, and its next
 * sign-in leads to choosing a password of its own (lib/auth/current.ts); the user sees the reset
 * after signing in (lib/auth/account-notices.ts).
 */
export async function updateUser(db: Db, actor: Actor, userId: string, input: UserUpdate, requestId: string) {
  assertAdmin(actor);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: userSelect });
    if (!before) throw notFound("Ce compte");
    if (before.id === actor.id && input.disabled) {
      throw fieldError("disabled", "Vous ne pouvez pas désactiver votre propre compte.", "FORBIDDEN");
    }
    const after = await tx.user.update({
      where: { id: before.id },
      data: {
        name: input.name,
        title: input.title || null,
        disabled: input.disabled,
        ...(passwordHash ? { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } } : {}),
      },
      select: userSelect,
    });

    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.update",
      entity: "User",
      entityId: after.id,
      before,
      // A reset also ends the account's sessions and asks for a new password at the next sign-in.
      after: {
        ...after,
        passwordChanged: passwordHash !== undefined,
        ...(passwordHash ? { mustChangePassword: true } : {}),
      },
      requestId,
    });
    return after;
  });
}
