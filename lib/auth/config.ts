import NextAuth from "next-auth";
import { db } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { passwordProviders } from "./password-provider";
import type { FactorKind } from "./second-factor/policy";
import { revokeSessions } from "./sessions";
import { ssoSessionFields, ssoSignIn } from "./sso/callbacks";
import { ssoProviders } from "./sso/providers";

/** A second factor is still due: the half-signed-in token names its challenge (lib/auth/second-factor). */
export type PendingFactorClaim = { id: string; kind: FactorKind };

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
    pendingFactor?: PendingFactorClaim;
  }
  interface Session {
    sessionVersion?: number;
    /** Set while the password is checked but the second factor is not: such a session grants nothing. */
    pendingFactor?: PendingFactorClaim;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 }, // a working day
  pages: { signIn: "/login", error: "/connexion/erreur" },
  providers: [
    // ProConnect / Pro Santé Connect when configured; the password form unless switched off.
    ...ssoProviders(),
    ...passwordProviders(env.passwordSignIn),
  ],
  callbacks: {
    // An SSO sign-in reaches only an invited account (lib/auth/sso/link.ts), never one made from claims.
    async signIn({ user, account, profile }) {
      const sso = await ssoSignIn(account, profile);
      if (typeof sso === "string") return sso;
      if (sso) {
        user.id = sso.userId;
        const row = await db.user.findUnique({ where: { id: sso.userId }, select: { sessionVersion: true } });
        user.sessionVersion = row?.sessionVersion ?? 0;
      }
      return true;
    },
    // The token carries the user id and the session version only; roles and scopes are read from
    // the database per request, and a token whose version is behind the user's is refused there.
    jwt({ token, user, account }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
        // Only the password step sets it; any other sign-in (the second factor's, SSO) drops it.
        if (user.pendingFactor) token.mfa = user.pendingFactor;
        else delete token.mfa;
      }
      if (account) Object.assign(token, ssoSessionFields(account));
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sv === "number") session.sessionVersion = token.sv;
      const mfa = token.mfa as PendingFactorClaim | undefined;
      if (mfa) session.pendingFactor = { id: mfa.id, kind: mfa.kind };
      return session;
    },
  },
  events: {
    // Signing out ends every session of the account, this cookie's copies included.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      // A half-signed-in token (no factor given yet) ends only itself: a password alone must not be
      // enough to close the account's real sessions.
      if (token?.sub && typeof token.sv === "number" && !token.mfa)
        await revokeSessions(db, token.sub, "session.sign_out", token.sub);
    },
  },
  logger: {
    error(error) {
      // A wrong password is not a server error; everything else is.
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
});
