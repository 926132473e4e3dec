import { Secret, TOTP } from "otpauth";

// TOTP (RFC 6238) as every authenticator app does it: HMAC-SHA-1, 6 digits, 30-second steps, a
// 160-bit secret (RFC 4226 §4 recommends at least 128 bits). The arithmetic is the `otpauth`
// library's (checked against the RFC's test vectors in totp.test.ts); what is ours is the policy:
// one step either side is accepted (clock drift), and a step at or before the last one accepted
// is a replay.

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one. */
export const TOTP_WINDOW = 1;
const ISSUER = "Socle";

/** A new random secret, in base32 (what authenticator apps and the page show). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(base32: string, label = "", digits = TOTP_DIGITS): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(base32),
  });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(base32: string, accountName: string): string {
  return totpOf(base32, accountName).toString();
}

/** The time step of `timestampMs`. */
export function totpStep(timestampMs: number): number {
  return Math.floor(timestampMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of `timestampMs` (for the tests and the e2e; the app only checks codes). */
export function totpCode(base32: string, timestampMs: number, digits = TOTP_DIGITS): string {
  return totpOf(base32, "", digits).generate({ timestamp: timestampMs });
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "invalid" | "replay" };

/**
 * Checks `code` at `timestampMs`: the step it matches (within the window), refused when that step
 * is not after `lastStep` (the same code, or an older one, used again).
 */
export function checkTotp(base32: string, code: string, timestampMs: number, lastStep: number | null): TotpCheck {
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "invalid" };
  const delta = totpOf(base32).validate({ token: code, timestamp: timestampMs, window: TOTP_WINDOW });
  if (delta === null) return { ok: false, reason: "invalid" };
  const step = totpStep(timestampMs) + delta;
  if (lastStep !== null && step <= lastStep) return { ok: false, reason: "replay" };
  return { ok: true, step };
}

/** The secret as the page prints it for typing: groups of four letters. */
export function groupedSecret(base32: string): string {
  return base32.replace(/(.{4})(?=.)/g, "$1 ");
}
