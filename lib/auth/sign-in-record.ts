import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/core/db";

/** A completed sign-in: the previous one is kept (account notices), and it is audited. */
export async function recordSignIn(
  db: Db,
  userId: string,
  ip: string,
  extra: Record<string, unknown>,
  requestId: string | undefined,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const [signedIn] = await tx.$queryRawUnsafe<{ lastSignInAt: Date | null }[]>(
      `UPDATE "User" SET "previousSignInAt" = "lastSignInAt", "lastSignInAt" = $2 WHERE "id" = $1 RETURNING "lastSignInAt"`,
      userId,
      new Date(),
    );
    await recordAudit(tx, {
      actorId: userId,
      action: "session.sign_in",
      entity: "User",
      entityId: userId,
      after: { ip, at: signedIn?.lastSignInAt, ...extra },
      requestId,
    });
  });
}
