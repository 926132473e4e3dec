import { addMembership } from "@/lib/admin/commands";
import { ZMembershipInput } from "@/lib/auth/membership-input";
import { adminCommand } from "@/lib/admin/admin-command";
import { db } from "@/lib/core/db";

export const POST = adminCommand(
  ZMembershipInput,
  ({ actor, input, requestId, params }) => addMembership(db, actor, params.userId ?? "", input, requestId),
  {
    successStatus: 201,
  },
);
