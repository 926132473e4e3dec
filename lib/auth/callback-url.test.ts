import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("[AUTH] callbackUrl after sign-in", () => {
  it("never leaves the site, whatever the browser would make of the path", () => {
    for (const hostile of [
      "/\\evil.example", // /%5Cevil.example once decoded
      "/\t/evil.example", // /%09/evil.example
      "/\n/evil.example",
      "//evil.example",
      "/.//evil.example",
      "/%2e//evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "\\\\evil.example",
      "",
    ]) {
      const path = safeCallbackPath(hostile);
      expect(new URL(path, "https://socle.example.fr").origin, hostile).toBe("https://socle.example.fr");
      expect(path.startsWith("//")).toBe(false);
    }
    expect(safeCallbackPath("/\\evil.example")).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
  });

  it("keeps a same-site path with its query and fragment", () => {
    expect(safeCallbackPath("/establishments/e1/assessments/a1?section=P2#q3")).toBe(
      "/establishments/e1/assessments/a1?section=P2#q3",
    );
    expect(safeCallbackPath(["/admin", "/other"])).toBe("/admin");
  });
});
