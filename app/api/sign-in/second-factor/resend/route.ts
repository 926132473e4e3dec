import { db } from "@/lib/core/db";
import { resendEmailCode } from "@/lib/auth/second-factor/challenge";
import { pendingCommand } from "@/lib/auth/second-factor/route";

/** A new e-mailed code (the previous one stops working). */
export const POST = pendingCommand(async ({ pending, ip, requestId }) => {
  const sent = await resendEmailCode(db, pending, { ip, requestId });
  return { mail: sent.mail, expiresAt: sent.expiresAt.toISOString() };
});
