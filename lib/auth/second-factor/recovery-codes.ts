import { randomInt } from "node:crypto";

// Recovery codes: ten, shown once at enrolment, each good for one sign-in when the authenticator
// is lost. 10 characters from a 31-letter alphabet without look-alikes (no 0/O, 1/I/L): about 49 bits,
// stored as an HMAC (secret-box.ts), so the table alone is no list of working codes.

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // 31 letters: no 0, 1, I, L, O
const LENGTH = 10;

/** "ABCDE-23456": two groups of five, easier to copy by hand. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newRecoveryCode());
  return [...codes];
}

/**
 * What a typed code is compared as: upper case, without spaces or dashes, with the look-alikes a
 * person may type for the letters we never print (o → 0 is not in the alphabet, so it stays wrong).
 * Returns null when it cannot be a recovery code.
 */
export function normalizeRecoveryCode(typed: string): string | null {
  const bare = typed.toUpperCase().replace(/[\s-]/g, "");
  if (bare.length !== LENGTH || ![...bare].every((c) => ALPHABET.includes(c))) return null;
  return `${bare.slice(0, 5)}-${bare.slice(5)}`;
}
