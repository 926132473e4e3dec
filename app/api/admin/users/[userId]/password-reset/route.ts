import { adminCommand } from "@/lib/admin/admin-command";
import { ZEmpty } from "@/lib/admin/schemas";
import { db } from "@/lib/core/db";
import { sendPasswordReset } from "@/lib/invitations/commands";
import { publicOrigin } from "@/lib/invitations/origin";

/** A single-use link for the person to choose a new password; printed once, mailed when SMTP is set. */
export function POST(request: Request, context: { params?: Promise<Record<string, string> | undefined> }) {
  const origin = publicOrigin(request);
  return adminCommand(
    ZEmpty,
    ({ actor, requestId, params }) => sendPasswordReset(db, actor, params.userId ?? "", origin, requestId),
    { successStatus: 201 },
  )(request, context);
}
