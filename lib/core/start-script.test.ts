import { describe, expect, it } from "vitest";
import { demoSetting, listenHost } from "@/scripts/start.mjs";

// npm start (scripts/start.mjs): a demo is not a door.
describe("[DEMO] npm start", () => {
  it("listens on this machine only while demo accounts exist, unless HOST says otherwise", () => {
    expect(listenHost({ demoAccounts: 9 }, undefined)).toBe("127.0.0.1");
    expect(listenHost({ demoAccounts: 9 }, "0.0.0.0")).toBe("0.0.0.0");
    expect(listenHost({ demoAccounts: 0 }, undefined)).toBe("0.0.0.0");
    expect(listenHost({ demoAccounts: 0 }, "10.0.0.5")).toBe("10.0.0.5");
  });

  it("turns the demo on by default on PGlite only, never implied on PostgreSQL", () => {
    expect(demoSetting({})).toBe("1");
    expect(demoSetting({ DATABASE_URL: "" })).toBe("1");
    expect(demoSetting({ DATABASE_URL: "postgres://h/db" })).toBe("0");
    expect(demoSetting({ DATABASE_URL: "postgres://h/db", SOCLE_DEMO: "1" })).toBe("1");
    expect(demoSetting({ SOCLE_DEMO: "0" })).toBe("0");
  });
});
