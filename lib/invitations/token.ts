import { createHash, randomBytes } from "node:crypto";

/** How long an invitation link works: long enough for a weekend, short enough to limit a leaked mail. */
export const INVITATION_TTL_HOURS = 72;

/** 256 random bits, URL-safe: guessing one is out of reach, so the link needs no other secret. */
export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps: the SHA-256 of the token (a stolen table gives no working link). */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A password-reset link (same mechanism): shorter, the person is expecting it. */
export const PASSWORD_RESET_TTL_HOURS = 24;

export function invitationExpiry(now: Date = new Date(), hours: number = INVITATION_TTL_HOURS): Date {
  return new Date(now.getTime() + hours * 60 * 60_000);
}

/** A token has the shape newInvitationToken() gives; anything else is refused before a query. */
export function isInvitationTokenShape(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
