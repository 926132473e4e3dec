import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { cookies, headers } from "next/headers";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/core/env";
import type { SsoSessionFields } from "./callbacks";
import { endSessionEndpoint } from "./providers";

// Provider logout (RP-initiated): signing out of Socle alone would leave the ProConnect / PSC
// session open, and the next "S'identifier" would sign the same person in without a question.

export const LOGOUT_STATE_COOKIE = "socle-sso-logout-state";
export const LOGGED_OUT_PATH = "/api/sso/logged-out";
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

async function requestOrigin(): Promise<string> {
  // The configured public address; in the demo (whose printed address is for dossiers), the host the
  // browser used, as next-auth's own callbacks do. Forwarded headers only from a trusted proxy.
  if (env.publicOrigin && !env.demo) return env.publicOrigin;
  const h = await headers();
  const forwarded = env.trustedProxies > 0;
  const host = (forwarded && h.get("x-forwarded-host")) || h.get("host") || "localhost";
  return `${(forwarded && h.get("x-forwarded-proto")) || "http"}://${host}`;
}

/** The SSO part of the current session (provider, ID token), read from the encrypted cookie. */
async function currentSso(): Promise<SsoSessionFields["sso"] | null> {
  if (!env.authSecret) return null;
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (!token) continue;
    const payload = (await decode({ token, secret: env.authSecret, salt: name }).catch(() => null)) as
      (SsoSessionFields & Record<string, unknown>) | null;
    return payload?.sso ?? null;
  }
  return null;
}

/**
 * Before the Socle session is cleared: where to send the browser to end the provider's session
 * (with id_token_hint and a random state kept in an httpOnly cookie), or null for a password session.
 */
export async function providerLogoutUrl(): Promise<string | null> {
  const sso = await currentSso();
  if (!sso) return null;
  const endpoint = await endSessionEndpoint(sso.provider);
  if (!endpoint) return null;
  const state = randomBytes(32).toString("base64url");
  (await cookies()).set(LOGOUT_STATE_COOKIE, state, {
    httpOnly: true,
    sameSite: "lax",
    secure: (await requestOrigin()).startsWith("https:"),
    path: LOGGED_OUT_PATH,
    maxAge: 10 * 60,
  });
  const url = new URL(endpoint);
  url.searchParams.set("id_token_hint", sso.idToken);
  url.searchParams.set("state", state);
  url.searchParams.set("post_logout_redirect_uri", `${await requestOrigin()}${LOGGED_OUT_PATH}`);
  return url.toString();
}

/** The provider's return: its `state` must be the one this browser sent. */
export function logoutStateMatches(returned: string | null, expected: string | undefined): boolean {
  if (!returned || !expected) return false;
  const a = Buffer.from(returned);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
