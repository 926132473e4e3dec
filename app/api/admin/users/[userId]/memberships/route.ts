import { addMembership } from "@/lib/admin/actions";
import { ZMembershipInput } from "@/lib/admin/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/route";

export const POST = command(ZMembershipInput, ({ actor, input, requestId, params }) => addMembership(db, actor, params.userId ?? "", input, requestId), {
  successStatus: 201,
});
