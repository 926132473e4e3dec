import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";
import { setFundingParameter } from "@/lib/funding/commands";
import { ZFundingParameterInput } from "@/lib/funding/schemas";

/** Set a funding assumption for a campaign, a region or one establishment: 201 with the parameter. */
export const POST = command(
  ZFundingParameterInput,
  ({ actor, input, requestId }) => setFundingParameter(db, actor, input, requestId),
  {
    successStatus: 201,
  },
);
