import { updateCampaign } from "@/lib/campaigns/actions";
import { ZCampaignInput } from "@/lib/campaigns/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/route";

export const PATCH = command(ZCampaignInput, ({ actor, input, requestId, params }) =>
  updateCampaign(db, actor, params.campaignId ?? "", input, requestId),
);
