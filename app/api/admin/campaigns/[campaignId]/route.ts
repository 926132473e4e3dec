import { adminCommand } from "@/lib/admin/admin-command";
import { updateCampaign } from "@/lib/campaigns/commands";
import { ZCampaignInput } from "@/lib/campaigns/schemas";
import { db } from "@/lib/core/db";

export const PATCH = adminCommand(ZCampaignInput, ({ actor, input, requestId, params }) =>
  updateCampaign(db, actor, params.campaignId ?? "", input, requestId),
);
