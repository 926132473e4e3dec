import { ZSignInPolicy } from "@/lib/auth/second-factor/schemas";
import { db } from "@/lib/core/db";
import { command } from "@/lib/core/http-command";
import { setSignInPolicy } from "@/lib/establishments/sign-in-policy";

/** The director chooses how the establishment's accounts sign in (audited). */
export const PUT = command(ZSignInPolicy, ({ actor, input, requestId, params }) =>
  setSignInPolicy(db, actor, params.establishmentId ?? "", input, requestId),
);
