import { createHash, randomInt } from "node:crypto";

// The dossier's seal: a verification code drawn before rendering (so that every page can print
// it) and the SHA-256 of the final bytes, stored with it once the PDF exists. The code is what a
// reader types: 12 symbols from an alphabet without the look-alikes 0/O, 1/I/L, grouped by four.
// 31^12 ≈ 2^59.5 codes: with a handful of dossiers per establishment and a rate-limited public
// check, guessing one is out of reach.

/** 8 digits and 23 capitals: 0, 1, I, L and O are left out because they are read as one another. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 12;
/** log2(31^12) ≈ 59.45. */
export const CODE_BITS = CODE_LENGTH * Math.log2(CODE_ALPHABET.length);

const CANONICAL = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** A fresh code in canonical form (12 symbols, no separators), uniformly drawn from a CSPRNG. */
export function generateVerificationCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** `XXXX-XXXX-XXXX`, as printed. */
export function formatVerificationCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/**
 * What a reader typed, in canonical form, or null when it cannot be a code. Case, spaces, dashes
 * and dots are forgiven; a character outside the alphabet is not (it was never printed).
 */
export function normalizeVerificationCode(input: string): string | null {
  if (input.length > 64) return null;
  const compact = input.toUpperCase().replace(/[\s\-‐‑‒–—.·_]/g, "");
  return CANONICAL.test(compact) ? compact : null;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
