import { describe, expect, it } from "vitest";
import { clientIp } from "./rate-limit";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("[AUTH] clientIp", () => {
  it("ignores X-Forwarded-For without a trusted proxy: the socket address decides", () => {
    const forged = h({ "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8", "x-socle-peer": "203.0.113.9" });
    expect(clientIp(forged, 0)).toBe("203.0.113.9");
    expect(clientIp(h({ "x-forwarded-for": "1.2.3.4" }), 0)).toBe("unknown");
  });

  it("with N trusted proxies takes the N-th entry from the right, never the client's own prefix", () => {
    // The client wrote "1.2.3.4"; nginx appended the address it saw (198.51.100.7).
    const oneProxy = h({ "x-forwarded-for": "1.2.3.4, 198.51.100.7", "x-socle-peer": "10.0.0.2" });
    expect(clientIp(oneProxy, 1)).toBe("198.51.100.7");
    const twoProxies = h({ "x-forwarded-for": "1.2.3.4, 198.51.100.7, 10.0.0.3", "x-socle-peer": "10.0.0.2" });
    expect(clientIp(twoProxies, 2)).toBe("198.51.100.7");
    // Fewer entries than proxies (a request that skipped one): the leftmost there is.
    expect(clientIp(h({ "x-forwarded-for": "198.51.100.7" }), 2)).toBe("198.51.100.7");
    expect(clientIp(h({ "x-socle-peer": "10.0.0.2" }), 1)).toBe("10.0.0.2");
  });
});
