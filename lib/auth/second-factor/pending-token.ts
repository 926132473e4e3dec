import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/core/env";
import { decodePendingFactor, type PendingSession, SESSION_COOKIES } from "../session-token";

// The half-signed-in token, read where the code step needs it: the code routes and the page
// (through next/headers), and the "second-factor" sign-in (from its request). Same decoding as
// lib/auth/current.ts: the JWE is checked with AUTH_SECRET and its expiry enforced.

export type { PendingSession };

async function pendingOf(token: string, salt: string): Promise<PendingSession | null> {
  return env.authSecret ? decodePendingFactor(token, salt, env.authSecret) : null;
}

/** From this request's cookies (pages and route handlers). */
export async function currentPendingFactor(): Promise<PendingSession | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (token) return pendingOf(token, name);
  }
  return null;
}

/** From a request's Cookie header (next-auth's authorize receives the request, not next/headers). */
export async function pendingFactorOfRequest(request: Request): Promise<PendingSession | null> {
  const header = request.headers.get("cookie") ?? "";
  const jar = new Map(
    header.split(";").flatMap((part) => {
      const at = part.indexOf("=");
      return at > 0 ? [[part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim())] as const] : [];
    }),
  );
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name);
    if (token) return pendingOf(token, name);
  }
  return null;
}
