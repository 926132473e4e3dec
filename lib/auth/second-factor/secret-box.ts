import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/core/env";

// Second-factor secrets at rest. A TOTP secret must be readable again (to check a code), so it is
// encrypted (AES-256-GCM); single-use codes (recovery, e-mailed) are only compared, so an HMAC is
// kept. Both keys are derived from AUTH_SECRET (HKDF, one label each): a copy of the database
// alone gives neither the secrets nor a way to test guesses offline. Rotating AUTH_SECRET makes
// the stored TOTP secrets unreadable: the admins then enrol again (docs/second-factor.md).

// Outside production AUTH_SECRET may be unset (tests, `npm run dev`); production refuses to start
// without it (lib/core/env.ts assertReadyToServe), so this value never protects real data.
const DEVELOPMENT_SECRET = "socle-development-only-second-factor-secret";

function key(label: string, secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "socle", label, 32));
}

const secretOf = (secret?: string) => secret ?? env.authSecret ?? DEVELOPMENT_SECRET;

/** "v1.<iv>.<tag>.<ciphertext>" (base64url): the version names the scheme for a later change. */
export function sealSecret(plain: string, secret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key("totp-secret", secretOf(secret)), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The plain secret, or null when the box was sealed under another AUTH_SECRET or is damaged. */
export function openSecret(sealed: string, secret?: string): string | null {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      key("totp-secret", secretOf(secret)),
      Buffer.from(iv, "base64url"),
    );
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** The stored form of a single-use code (recovery or e-mailed): HMAC-SHA-256 under a derived key. */
export function codeDigest(code: string, secret?: string): string {
  return createHmac("sha256", key("one-time-code", secretOf(secret)))
    .update(code, "utf8")
    .digest("hex");
}
