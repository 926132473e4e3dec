import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/lib/core/env";
import { db } from "@/lib/core/db";
import { type Actor, loadActor } from "./actor";
import { auth } from "./config";
import { decodeSessionUser, SESSION_COOKIES, type SessionUser } from "./session-token";

/** Where a user whose password an admin reset is sent until they choose their own. */
export const PASSWORD_PAGE = "/account/password";
/** Where a half-signed-in user (password right, second factor due) is sent: nothing else is open to them. */
export const SECOND_FACTOR_PAGE = "/connexion/second-facteur";

/**
 * The acting user for this request, or null. Cached per request (one query). A token without a
 * session version, or with one older than the user's (revoked), is no session.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const version = session?.sessionVersion;
  // Half signed in (a second factor is due): no actor, whatever the token's user and version.
  if (session?.pendingFactor) return null;
  return userId && typeof version === "number" ? loadActor(db, userId, version) : null;
});

/** For pages: the actor, or a redirect to the sign-in page (or to the forced password change). */
export async function requireActor(options: { passwordChange?: boolean } = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect((await auth())?.pendingFactor ? SECOND_FACTOR_PAGE : "/login");
  if (actor.mustChangePassword && !options.passwordChange) redirect(PASSWORD_PAGE);
  return actor;
}

export type { SessionUser } from "./session-token";

/**
 * For JSON routes (autosave is the hottest path): decode the session cookie directly instead of
 * running next-auth's whole session endpoint, which re-encrypts and re-sets the cookie on every
 * call. Same check (the JWE is verified with the secret, `exp` enforced); pages keep `auth()`,
 * which also rolls the session forward. Only the user id and version: the caller reads the user
 * and must check the version against the database.
 */
export const getRouteUser = cache(async (): Promise<SessionUser | null> => {
  if (!env.authSecret) {
    const session = await auth();
    const id = session?.user?.id;
    if (session?.pendingFactor) return null;
    return id && typeof session.sessionVersion === "number" ? { id, sessionVersion: session.sessionVersion } : null;
  }
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (!token) continue;
    return decodeSessionUser(token, name, env.authSecret);
  }
  return null;
});

export const getRouteActor = cache(async (): Promise<Actor | null> => {
  const user = await getRouteUser();
  return user ? loadActor(db, user.id, user.sessionVersion) : null;
});
