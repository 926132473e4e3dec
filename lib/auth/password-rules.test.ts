import { describe, expect, it } from "vitest";
import { TOO_LONG, utf8Length, ZNewPassword } from "./password-rules";

describe("ZNewPassword", () => {
  it("accepts 72 bytes and refuses 73, counting UTF-8 bytes rather than characters", () => {
    expect(ZNewPassword.safeParse("a".repeat(72)).success).toBe(true);
    const over = ZNewPassword.safeParse("a".repeat(73));
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toBe(TOO_LONG);
    // 40 characters, 80 bytes: would be cut by bcrypt after the 36th "é".
    const accented = "é".repeat(40);
    expect(accented.length).toBe(40);
    expect(utf8Length(accented)).toBe(80);
    expect(ZNewPassword.safeParse(accented).success).toBe(false);
  });

  it("keeps the minimum length", () => {
    expect(ZNewPassword.safeParse("court").error?.issues[0]?.message).toMatch(/au moins 12 caractères/);
  });
});
