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
 * which also rolls the session forward.
 */
export const getRouteActor = cache(async (): Promise<Actor | null> => {
  if (!env.authSecret) return getActor();
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (!token) continue;
    const payload = await decode({ token, secret: env.authSecret, salt: name }).catch(() => null);
    return payload?.sub ? loadActor(db, payload.sub) : null;
  }
  return null;
});
