import "server-only";
import bcrypt from "bcryptjs";
import type { Actor } from "@/lib/auth/actor";
import { bumpSessionVersion } from "@/lib/auth/sessions";
import { hashPassword } from "@/lib/auth/sign-in";
import { claimAttempt, releaseAttempt, SIGN_IN_THROTTLE } from "@/lib/auth/throttle";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import type { PasswordChange } from "./schemas";

const WRONG_CURRENT = "Le mot de passe actuel est incorrect.";

/**
 * The user chooses a new password, proving the current one (a stolen session alone is not enough;
 * guesses are slowed down like sign-ins). Every session of the account ends, this one included:
 * the page signs in again with the new password. Clears the admin reset's "must change".
 */
export async function changeOwnPassword(db: Db, actor: Actor, input: PasswordChange, requestId: string) {
  const key = `password:user:${actor.id}`;
  const waitMs = await claimAttempt(db, key, SIGN_IN_THROTTLE.account);
  if (waitMs > 0) {
    throw new AppError(
      "RATE_LIMITED",
      `Trop de tentatives : patientez ${Math.ceil(waitMs / 1000)} secondes avant de réessayer.`,
    );
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  // An account without a password (SSO only) has no current password to give.
  if (!user.passwordHash || !(await bcrypt.compare(input.current, user.passwordHash))) {
    throw new AppError("BAD_INPUT", WRONG_CURRENT, { fieldErrors: { current: [WRONG_CURRENT] } });
  }
  await releaseAttempt(db, key, true);
  const passwordHash = await hashPassword(input.next); // slow: outside the transaction
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, mustChangePassword: false } });
    const sessionVersion = await bumpSessionVersion(tx, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.password_change",
      entity: "User",
      entityId: actor.id,
      after: { sessionVersion },
      requestId,
    });
  });
  return { changed: true };
}
