import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/core/env";
import { db } from "@/lib/core/db";
import { type Actor, loadActor } from "./actor";
import { auth } from "./config";

/** The acting user for this request, or null. Cached per request (one query). */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? loadActor(db, userId) : null;
});

/** For pages: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

/**
 * For JSON routes (autosave is the hottest path): decode the session cookie directly instead of
 * running next-auth's whole session endpoint, which re-encrypts and re-sets the cookie on every
 * call. Same check (the JWE is verified with the secret, `exp` enforced); pages keep `auth()`,
 * which also rolls the session forward. Only the user id: the caller reads the user.
 */
export const getRouteUserId = cache(async (): Promise<string | null> => {
  if (!env.authSecret) return (await auth())?.user?.id ?? null;
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (!token) continue;
    return decodeSessionUserId(token, name, env.authSecret);
  }
  return null;
});

// Decoding a session cookie derives its key (HKDF) and decrypts the JWE: about a millisecond, paid
// on every autosave. A cookie's content never changes, so its decoded user id and expiry are kept
// in a small bounded map; the expiry is still checked on every use, and the user is still re-read
// from the database by the caller (a disabled account stops at once).
const decodedSessions = new Map<string, { userId: string | null; expiresAt: number }>();
const MAX_DECODED_SESSIONS = 2000;

async function decodeSessionUserId(token: string, salt: string, secret: string): Promise<string | null> {
  const key = `${salt}:${token}`;
  const known = decodedSessions.get(key);
  if (known && known.expiresAt > Date.now()) return known.userId;
  decodedSessions.delete(key);
  const payload = await decode({ token, secret, salt }).catch(() => null);
  if (!payload?.sub || typeof payload.exp !== "number") return null;
  if (decodedSessions.size >= MAX_DECODED_SESSIONS) decodedSessions.delete(decodedSessions.keys().next().value!);
  decodedSessions.set(key, { userId: payload.sub, expiresAt: payload.exp * 1000 });
  return payload.sub;
}

export const getRouteActor = cache(async (): Promise<Actor | null> => {
  const userId = await getRouteUserId();
  return userId ? loadActor(db, userId) : null;
});
