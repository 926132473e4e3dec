import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";
import { unlinkEvidence } from "@/lib/evidence/commands";
import { ZUnlinkEvidence } from "@/lib/evidence/schemas";

/** Detach a file from a requirement (the link is marked removed; the file stays in the library). */
export const DELETE = command(ZUnlinkEvidence, ({ actor, params, requestId }) =>
  unlinkEvidence(db, actor, params.assessmentId!, params.linkId!, requestId),
);
