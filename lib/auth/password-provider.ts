import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { clientIp } from "./rate-limit";
import { finishSignIn } from "./second-factor/challenge";
import { pendingFactorOfRequest } from "./second-factor/pending-token";
import { verifyCredentials } from "./sign-in";

// The password sign-in's two next-auth providers: the password form ("credentials") and the end of
// a sign-in that owed a second factor ("second-factor"). Both exist only while the installation
// allows passwords (SOCLE_PASSWORD_SIGN_IN, default on); verifyCredentials refuses too when off.

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

/** The account's establishment requires ProConnect / Pro Santé Connect: the form says so. */
class SsoRequired extends CredentialsSignin {
  code = "sso_required";
}

/** The providers to list: none when SOCLE_PASSWORD_SIGN_IN=0 (ProConnect / Pro Santé Connect only). */
export function passwordProviders(passwordSignIn: boolean) {
  return passwordSignIn ? [passwordProvider(), secondFactorProvider()] : [];
}

function passwordProvider() {
  return Credentials({
    credentials: { email: {}, password: {} },
    async authorize(credentials, request) {
      const result = await verifyCredentials(db, credentials, clientIp(request.headers), {
        demo: env.demo,
        passwordSignIn: env.passwordSignIn,
      });
      if (result.ok)
        return {
          id: result.userId,
          sessionVersion: result.sessionVersion,
          ...(result.factor ? { pendingFactor: { id: result.factor.challengeId, kind: result.factor.kind } } : {}),
        };
      if (result.reason === "sso_only") throw new SsoRequired();
      if (result.reason === "rate_limited") {
        const error = new RateLimited();
        // The wait, in seconds, for the form's message (next-auth passes `code` through).
        error.code = `rate_limited:${Math.ceil(result.waitMs / 1000)}`;
        throw error;
      }
      return null; // the same answer whether the email exists or not
    },
  });
}

/**
 * The end of a sign-in that owed a second factor: the browser holds the half-signed-in token, the
 * code step (app/api/sign-in/second-factor) verified the factor; this consumes the challenge once
 * and gives the real session. Nothing in `credentials` is trusted: only the token's challenge.
 */
function secondFactorProvider() {
  return Credentials({
    id: "second-factor",
    credentials: {},
    async authorize(_credentials, request) {
      const pending = await pendingFactorOfRequest(request);
      if (!pending) return null;
      const done = await finishSignIn(db, pending, { ip: clientIp(request.headers) });
      return done ? { id: done.userId, sessionVersion: done.sessionVersion } : null;
    },
  });
}
