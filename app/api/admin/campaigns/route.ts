import { createCampaign } from "@/lib/campaigns/actions";
import { ZCampaignInput } from "@/lib/campaigns/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/route";

export const POST = command(ZCampaignInput, ({ actor, input, requestId }) => createCampaign(db, actor, input, requestId), {
  successStatus: 201,
});
