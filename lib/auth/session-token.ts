import { decode } from "next-auth/jwt";
import type { FactorKind } from "./second-factor/policy";

// The session cookie, decoded without next-auth's session endpoint (lib/auth/current.ts for routes,
// lib/auth/second-factor/pending-token.ts for the code step). A token carrying `mfa` is the
// half-signed-in state: it is never a session, only a pending second factor.

export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** What a session token names: the user and the session version it was issued under. */
export type SessionUser = { id: string; sessionVersion: number };

// Decoding a session cookie derives its key (HKDF) and decrypts the JWE: about a millisecond, paid
// on every autosave. A cookie's content never changes, so its decoded user id and expiry are kept
// in a small bounded map; the expiry is still checked on every use, and the user and the session
// version are still checked against the database by the caller (a disabled account or a revoked
// session stops at once: nothing here decides access).
const decodedSessions = new Map<string, { user: SessionUser; expiresAt: number }>();
const MAX_DECODED_SESSIONS = 2000;

export async function decodeSessionUser(token: string, salt: string, secret: string): Promise<SessionUser | null> {
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

export type PendingSession = { userId: string; challengeId: string; kind: FactorKind; sessionVersion: number };

/** The pending second factor a half-signed-in token names; null for any other token. */
export async function decodePendingFactor(token: string, salt: string, secret: string): Promise<PendingSession | null> {
  const payload = await decode({ token, secret, salt }).catch(() => null);
  const mfa = payload?.mfa as { id?: unknown; kind?: unknown } | undefined;
  if (!payload?.sub || typeof payload.sv !== "number" || typeof mfa?.id !== "string") return null;
  return { userId: payload.sub, challengeId: mfa.id, kind: mfa.kind as FactorKind, sessionVersion: payload.sv };
}
