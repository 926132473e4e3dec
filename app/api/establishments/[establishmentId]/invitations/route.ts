import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";
import { inviteContributor } from "@/lib/invitations/commands";
import { publicOrigin } from "@/lib/invitations/origin";
import { ZContributorInvitation } from "@/lib/invitations/schemas";

export function POST(request: Request, context: { params?: Promise<Record<string, string> | undefined> }) {
  const origin = publicOrigin(request);
  return command(
    ZContributorInvitation,
    ({ actor, input, requestId, params }) =>
      inviteContributor(db, actor, params.establishmentId ?? "", input, origin, requestId),
    { successStatus: 201 },
  )(request, context);
}
