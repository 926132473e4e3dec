import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";
import { linkEvidence } from "@/lib/evidence/commands";
import { ZLinkEvidence } from "@/lib/evidence/schemas";

/** Link a file of the establishment's library to a requirement: 201 with the link. */
export const POST = command(
  ZLinkEvidence,
  ({ actor, input, params, requestId }) => linkEvidence(db, actor, params.assessmentId!, input, requestId),
  { successStatus: 201 },
);
