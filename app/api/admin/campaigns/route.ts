import { z } from "zod";
import { assertAdmin } from "@/lib/admin/guard";
import { createCampaign } from "@/lib/campaigns/commands";
import { ZCampaignInput } from "@/lib/campaigns/schemas";
import { db } from "@/lib/core/db";
import { badInput, command } from "@/lib/core/http-command";

// The body is parsed after the admin check, so a non-admin gets the same 404 whatever they send.
export const POST = command(
  z.unknown(),
  ({ actor, input, requestId }) => {
    assertAdmin(actor);
    const parsed = ZCampaignInput.safeParse(input);
    if (!parsed.success) throw badInput(parsed.error);
    return createCampaign(db, actor, parsed.data, requestId);
  },
  { successStatus: 201 },
);
