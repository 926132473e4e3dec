import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { clientIp } from "./rate-limit";
import { verifyCredentials } from "./sign-in";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signOut } = NextAuth({
  secret: env.authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 }, // a working day
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await verifyCredentials(db, credentials, clientIp(request.headers));
        if (result.ok) return { id: result.userId };
        if (result.reason === "rate_limited") throw new RateLimited();
        return null; // the same answer whether the email exists or not
      },
    }),
  ],
  callbacks: {
    // The token carries the user id only; roles and scopes are read from the database per request.
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
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
