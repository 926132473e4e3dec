import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/core/env";
import { db } from "@/lib/core/db";
import { type Actor, loadActor } from "./actor";
import { auth } from "./config";

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

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

/** What a session token names: the user and the session version it was issued under. */
export type SessionUser = { id: string; sessionVersion: number };

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

// Decoding a session cookie derives its key (HKDF) and decrypts the JWE: about a millisecond, paid
// on every autosave. A cookie's content never changes, so its decoded user id and expiry are kept
// in a small bounded map; the expiry is still checked on every use, and the user and the session
// version are still checked against the database by the caller (a disabled account or a revoked
// session stops at once: nothing here decides access).
const decodedSessions = new Map<string, { user: SessionUser; expiresAt: number }>();
const MAX_DECODED_SESSIONS = 2000;

async function decodeSessionUser(token: string, salt: string, secret: string): Promise<SessionUser | null> {
  const key = `${salt}:${token}`;
  const known = decodedSessions.get(key);
  if (known && known.expiresAt > Date.now()) return known.user;
  decodedSessions.delete(key);
  const payload = await decode({ token, secret, salt }).catch(() => null);
  if (!payload?.sub || typeof payload.exp !== "number" || typeof payload.sv !== "number") return null;
  // A half-signed-in token (second factor due) is no session.
  if (payload.mfa) return null;
  const user = { id: payload.sub, sessionVersion: payload.sv };
  if (decodedSessions.size >= MAX_DECODED_SESSIONS) decodedSessions.delete(decodedSessions.keys().next().value!);
  decodedSessions.set(key, { user, expiresAt: payload.exp * 1000 });
  return user;
}

export const getRouteActor = cache(async (): Promise<Actor | null> => {
  const user = await getRouteUser();
  return user ? loadActor(db, user.id, user.sessionVersion) : null;
});
