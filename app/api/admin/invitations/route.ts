import { adminCommand } from "@/lib/admin/admin-command";
import { db } from "@/lib/core/db";
import { inviteByAdmin } from "@/lib/invitations/commands";
import { publicOrigin } from "@/lib/invitations/origin";
import { ZInvitationCreate } from "@/lib/invitations/schemas";

export function POST(request: Request, context: { params?: Promise<Record<string, string> | undefined> }) {
  const origin = publicOrigin(request);
  return adminCommand(
    ZInvitationCreate,
    ({ actor, input, requestId }) => inviteByAdmin(db, actor, input, origin, requestId),
    { successStatus: 201 },
  )(request, context);
}
