import { db } from "@/lib/core/db";
import { badInput } from "@/lib/core/http-command";
import { verifyFactor } from "@/lib/auth/second-factor/challenge";
import { pendingCommand } from "@/lib/auth/second-factor/route";
import { parseFactorInput } from "@/lib/auth/second-factor/schemas";

/** The code step: a TOTP code, a recovery code or the e-mailed code; enrolment answers the recovery codes. */
export const POST = pendingCommand(async ({ pending, body, ip, requestId }) => {
  const parsed = parseFactorInput(body);
  if (!parsed.success) throw badInput(parsed.error);
  return verifyFactor(db, pending, parsed.data, { ip, requestId });
});
