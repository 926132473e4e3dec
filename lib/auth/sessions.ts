import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/core/db";

// A session is a signed token that lives 8 hours; to end it early, the user's sessionVersion is
// bumped: every token carrying the old value is refused where the actor is loaded
// (lib/auth/current.ts) and in the autosave's SQL (lib/assessments/answer-write.ts).

/** Bumps the version inside `tx` (a password change, an admin reset: with the change itself). */
export async function bumpSessionVersion(tx: Tx, userId: string): Promise<number> {
  const updated = await tx.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return updated.sessionVersion;
}

/** Ends every session of `userId` now, audited (sign-out). */
export async function revokeSessions(db: Db, userId: string, action: string, actorId: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) return;
    const sessionVersion = await bumpSessionVersion(tx, userId);
    await recordAudit(tx, { actorId, action, entity: "User", entityId: userId, after: { sessionVersion } });
  });
}
