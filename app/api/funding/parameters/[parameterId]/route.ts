import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";
import { deleteFundingParameter, updateFundingParameter } from "@/lib/funding/commands";
import { ZFundingParameterDelete, ZFundingParameterInput } from "@/lib/funding/schemas";

/** Replace a funding assumption (the whole form is sent). */
export const PATCH = command(ZFundingParameterInput, ({ actor, input, params, requestId }) =>
  updateFundingParameter(db, actor, params.parameterId!, input, requestId),
);

/** Remove a funding assumption: no figure is shown any more where it applied. */
export const DELETE = command(ZFundingParameterDelete, ({ actor, params, requestId }) =>
  deleteFundingParameter(db, actor, params.parameterId!, requestId),
);
