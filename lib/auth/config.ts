import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { clientIp } from "./rate-limit";
import { revokeSessions } from "./sessions";
import { verifyCredentials } from "./sign-in";
import { ssoSessionFields, ssoSignIn } from "./sso/callbacks";
import { ssoProviders } from "./sso/providers";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
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
    ...(env.passwordSignIn ? [passwordProvider()] : []),
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
      }
      if (account) Object.assign(token, ssoSessionFields(account));
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sv === "number") session.sessionVersion = token.sv;
      return session;
    },
  },
  events: {
    // Signing out ends every session of the account, this cookie's copies included.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sub && typeof token.sv === "number")
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

function passwordProvider() {
  return Credentials({
    credentials: { email: {}, password: {} },
    async authorize(credentials, request) {
      const result = await verifyCredentials(db, credentials, clientIp(request.headers), { demo: env.demo });
      if (result.ok) return { id: result.userId, sessionVersion: result.sessionVersion };
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
