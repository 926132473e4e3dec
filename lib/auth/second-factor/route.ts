import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { AppError } from "@/lib/core/errors";
import { assertSameOrigin, errorResponse, readJson } from "@/lib/core/http-command";
import { clientIp } from "../rate-limit";
import { currentPendingFactor, type PendingSession } from "./pending-token";

/**
 * The code step's endpoints run for a half-signed-in browser, which command() refuses (it has no
 * actor): same-origin check, the pending token, the JSON body, French errors, never a 500 for bad input.
 */
export function pendingCommand<R>(
  run: (ctx: { pending: PendingSession; body: unknown; ip: string; requestId: string }) => Promise<R>,
) {
  return async (request: Request): Promise<NextResponse> => {
    const requestId = randomUUID();
    try {
      assertSameOrigin(request);
      const pending = await currentPendingFactor();
      if (!pending)
        throw new AppError(
          "UNAUTHENTICATED",
          "Cette étape de connexion a expiré : reconnectez-vous avec votre mot de passe.",
        );
      const body = await readJson(request, 4096);
      const result = await run({ pending, body, ip: clientIp(request.headers), requestId });
      return NextResponse.json(result, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}
