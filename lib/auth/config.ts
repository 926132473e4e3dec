import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { clientIp } from "./rate-limit";
import { verifyCredentials } from "./sign-in";
import { ssoSessionFields, ssoSignIn } from "./sso/callbacks";
import { ssoProviders } from "./sso/providers";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
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
      if (sso) user.id = sso.userId;
      return true;
    },
    // The token carries the user id only; roles and scopes are read from the database per request.
    jwt({ token, user, account }) {
      if (user?.id) token.sub = user.id;
      if (account) Object.assign(token, ssoSessionFields(account));
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
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
      const result = await verifyCredentials(db, credentials, clientIp(request.headers));
      if (result.ok) return { id: result.userId };
      if (result.reason === "rate_limited") throw new RateLimited();
      return null; // the same answer whether the email exists or not
    },
  });
}
