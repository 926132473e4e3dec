import { adminCommand } from "@/lib/admin/admin-command";
import { ZEmpty } from "@/lib/admin/schemas";
import { db } from "@/lib/core/db";
import { reinvite } from "@/lib/invitations/commands";
import { publicOrigin } from "@/lib/invitations/origin";

/** A new invitation link for an account never activated; the older links stop working. */
export function POST(request: Request, context: { params?: Promise<Record<string, string> | undefined> }) {
  const origin = publicOrigin(request);
  return adminCommand(
    ZEmpty,
    ({ actor, requestId, params }) => reinvite(db, actor, params.userId ?? "", origin, requestId),
    { successStatus: 201 },
  )(request, context);
}
