import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  CODE_BITS,
  formatVerificationCode,
  generateVerificationCode,
  normalizeVerificationCode,
  sha256Hex,
} from "./seal";

describe("[DOSSIER] verification code", () => {
  it("uses 31 symbols without 0, O, 1, I or L, and carries at least 58 bits", () => {
    expect(CODE_ALPHABET).toHaveLength(31);
    expect(new Set(CODE_ALPHABET).size).toBe(31);
    for (const c of "0O1IL") expect(CODE_ALPHABET).not.toContain(c);
    expect(CODE_BITS).toBeGreaterThanOrEqual(58);
  });

  it("draws 12 symbols of the alphabet, printed as XXXX-XXXX-XXXX", () => {
    const code = generateVerificationCode();
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/);
    expect(formatVerificationCode(code)).toMatch(
      /^[23456789A-HJKMNP-Z]{4}-[23456789A-HJKMNP-Z]{4}-[23456789A-HJKMNP-Z]{4}$/,
    );
  });

  it("never repeats over 10,000 draws and uses every symbol", () => {
    const codes = new Set<string>();
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const code = generateVerificationCode();
      codes.add(code);
      for (const c of code) seen.add(c);
    }
    expect(codes.size).toBe(10_000);
    expect(seen.size).toBe(31);
  });

  it("spreads symbols evenly (chi-square over 120,000 symbols)", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++)
      for (const c of generateVerificationCode()) counts.set(c, (counts.get(c) ?? 0) + 1);
    const expected = 120_000 / 31;
    const chi2 = [...counts.values()].reduce((s, n) => s + (n - expected) ** 2 / expected, 0);
    // 30 degrees of freedom: p = 0.0001 at about 67.6.
    expect(chi2).toBeLessThan(67.6);
  });

  it("reads back what a person types: case, spaces and dashes forgiven, foreign symbols refused", () => {
    expect(normalizeVerificationCode("abcd-efgh-jkmn")).toBe("ABCDEFGHJKMN");
    expect(normalizeVerificationCode(" ABCD EFGH JKMN ")).toBe("ABCDEFGHJKMN");
    expect(normalizeVerificationCode("ABCD–EFGH–JKMN")).toBe("ABCDEFGHJKMN");
    expect(normalizeVerificationCode("ABCD-EFGH-JKM0")).toBeNull();
    expect(normalizeVerificationCode("ABCD-EFGH-JKMI")).toBeNull();
    expect(normalizeVerificationCode("ABCD-EFGH-JKM")).toBeNull();
    expect(normalizeVerificationCode("ABCD-EFGH-JKMNP")).toBeNull();
    expect(normalizeVerificationCode("")).toBeNull();
    expect(normalizeVerificationCode("x".repeat(1000))).toBeNull();
  });

  it("hashes bytes as lower-case hex SHA-256", () => {
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
