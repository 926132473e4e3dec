import { describe, expect, it } from "vitest";
import { newRecoveryCodes, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";
import { codeDigest, openSecret, sealSecret } from "./secret-box";

const KEY = "a-test-auth-secret-of-at-least-32-characters";

describe("[AUTH] second-factor secrets at rest", () => {
  it("a TOTP secret is stored encrypted: readable with the same AUTH_SECRET only", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", KEY);
    expect(sealed).not.toContain("JBSWY3DP");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", KEY)).not.toBe(sealed); // a fresh IV each time
    expect(openSecret(sealed, KEY)).toBe("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    expect(openSecret(sealed, `${KEY}-rotated`)).toBeNull();
    expect(openSecret(sealed.slice(0, -2), KEY)).toBeNull();
    expect(openSecret("JBSWY3DPEHPK3PXP", KEY)).toBeNull();
  });

  it("single-use codes are kept as a keyed digest, not a plain hash", () => {
    expect(codeDigest("123456", KEY)).toMatch(/^[0-9a-f]{64}$/);
    expect(codeDigest("123456", KEY)).toBe(codeDigest("123456", KEY));
    expect(codeDigest("123456", `${KEY}-other`)).not.toBe(codeDigest("123456", KEY));
  });

  it("ten distinct recovery codes, typed back with spaces, dashes or lower case", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    const code = codes[0]!;
    expect(normalizeRecoveryCode(code.toLowerCase().replace("-", " "))).toBe(code);
    expect(normalizeRecoveryCode(code.replace("-", ""))).toBe(code);
    expect(normalizeRecoveryCode("ABCDE-2345")).toBeNull();
    expect(normalizeRecoveryCode("OOOOO-11111")).toBeNull();
  });
});
