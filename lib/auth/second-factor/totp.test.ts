import { Secret } from "otpauth";
import { describe, expect, it } from "vitest";
import { checkTotp, groupedSecret, newTotpSecret, totpCode, totpStep, totpUri } from "./totp";

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890", 8 digits.
const RFC_SEED = Secret.fromLatin1("12345678901234567890").base32;
const RFC_VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("[AUTH] TOTP (RFC 6238)", () => {
  it.each(RFC_VECTORS)("the RFC's SHA-1 vector at T=%i is %s", (seconds, expected) => {
    expect(totpCode(RFC_SEED, seconds * 1000, 8)).toBe(expected);
    // The 6-digit code apps show is the same truncation modulo 10^6.
    expect(totpCode(RFC_SEED, seconds * 1000)).toBe(expected.slice(2));
  });

  it("accepts the current step and one either side, not two", () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const step = totpStep(now);
    expect(checkTotp(secret, totpCode(secret, now), now, null)).toEqual({ ok: true, step });
    expect(checkTotp(secret, totpCode(secret, now - 30_000), now, null)).toEqual({ ok: true, step: step - 1 });
    expect(checkTotp(secret, totpCode(secret, now + 30_000), now, null)).toEqual({ ok: true, step: step + 1 });
    expect(checkTotp(secret, totpCode(secret, now - 60_000), now, null)).toEqual({ ok: false, reason: "invalid" });
    expect(checkTotp(secret, totpCode(secret, now + 60_000), now, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a code of a step already used, or of an earlier one (replay)", () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const step = totpStep(now);
    expect(checkTotp(secret, totpCode(secret, now), now, step)).toEqual({ ok: false, reason: "replay" });
    expect(checkTotp(secret, totpCode(secret, now - 30_000), now, step - 1)).toEqual({ ok: false, reason: "replay" });
    expect(checkTotp(secret, totpCode(secret, now), now, step - 1)).toEqual({ ok: true, step });
  });

  it("refuses what is not six digits without computing", () => {
    const secret = newTotpSecret();
    for (const code of ["", "12345", "1234567", "12a456", " 123456"]) {
      expect(checkTotp(secret, code, Date.now(), null)).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("draws 160-bit secrets, never twice the same, and builds the otpauth URI apps read", () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    const uri = new URL(totpUri(a, "admin@exemple.fr"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(a);
    expect(uri.searchParams.get("issuer")).toBe("Socle");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
    expect(groupedSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});
