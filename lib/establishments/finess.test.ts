import { describe, expect, it } from "vitest";
import { checkFiness, luhnKey, withFinessKey, ZFiness } from "./finess";

describe("[ESTABLISHMENTS] FINESS check", () => {
  it("computes the Luhn key of the first eight characters", () => {
    expect(luhnKey("7992739871")).toBe(3); // the textbook Luhn example, 79927398713
    expect(luhnKey("00000000")).toBe(0);
    // 35099900, from the right: doubled 0, 9→9, 9→9, 5→1; kept 0, 9, 0, 3: sum 31 → key 9
    expect(luhnKey("35099900")).toBe(9);
  });

  it.each(["350999009", withFinessKey("56099901"), withFinessKey("2A099901"), withFinessKey("97199901")])(
    "accepts %s",
    (finess) => {
      expect(checkFiness(finess)).toBeNull();
      expect(ZFiness.safeParse(finess).success).toBe(true);
    },
  );

  it.each([
    ["", "length"],
    ["35099900", "length"],
    ["3509990031", "length"],
    ["35A999003", "characters"],
    ["3509 9900", "characters"],
    ["00099900" + luhnKey("00099900"), "departement"],
    ["96099900" + luhnKey("96099900"), "departement"],
    ["20099900" + luhnKey("20099900"), "departement"],
    ["35099900" + ((luhnKey("35099900") + 1) % 10), "key"],
  ])("rejects %j as %s", (finess, problem) => {
    expect(checkFiness(finess)).toBe(problem);
    expect(ZFiness.safeParse(finess).success).toBe(false);
  });

  it("normalises spaces and case before checking", () => {
    const parsed = ZFiness.safeParse(` ${withFinessKey("2b099901").toLowerCase()} `);
    expect(parsed.success && parsed.data).toBe(withFinessKey("2B099901"));
  });

  it("gives a French message naming the problem", () => {
    const result = ZFiness.safeParse("35099900" + ((luhnKey("35099900") + 1) % 10));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/clé de contrôle/);
  });
});
