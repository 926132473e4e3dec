import { describe, expect, it } from "vitest";

// instrumentation-client.ts turns zod's JIT off in the browser by writing to zod's global settings
// object rather than importing zod. This fails when a zod upgrade moves that object.
describe("zod's global settings object", () => {
  it("is the object z.config() reads and writes", async () => {
    const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
    const { z } = await import("zod");
    expect(holder.__zod_globalConfig).toBeDefined();
    expect(z.config()).toBe(holder.__zod_globalConfig);
  });
});
