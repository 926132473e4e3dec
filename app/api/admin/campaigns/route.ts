import { adminCommand } from "@/lib/admin/admin-command";
import { createCampaign } from "@/lib/campaigns/commands";
import { ZCampaignInput } from "@/lib/campaigns/schemas";
import { db } from "@/lib/core/db";

export const POST = adminCommand(
  ZCampaignInput,
  ({ actor, input, requestId }) => createCampaign(db, actor, input, requestId),
  { successStatus: 201 },
);
