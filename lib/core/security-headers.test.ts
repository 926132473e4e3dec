import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, servedOverHttps } from "./security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d]));

describe("[SECURITY] Content-Security-Policy", () => {
  it("is strict: self by default, no plugin, no base or form elsewhere, never framed, scripts by nonce only", () => {
    const policy = directives(contentSecurityPolicy("abc123"));
    expect(policy.get("default-src")).toBe("default-src 'self'");
    expect(policy.get("object-src")).toBe("object-src 'none'");
    expect(policy.get("base-uri")).toBe("base-uri 'self'");
    expect(policy.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(policy.get("form-action")).toBe("form-action 'self'");
    expect(policy.get("script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(contentSecurityPolicy("x")).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval only in development, and upgrades requests only over HTTPS", () => {
    expect(contentSecurityPolicy("n", { dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", { https: true })).toContain("upgrade-insecure-requests");
    // A configured identity provider may receive the sign-in form's redirect, nothing else.
    expect(contentSecurityPolicy("n", { formActions: ["https://auth.example.gouv.fr"] })).toContain(
      "form-action 'self' https://auth.example.gouv.fr;",
    );
  });

  it("draws a new 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });
});

describe("[SECURITY] HSTS only over HTTPS", () => {
  it("believes X-Forwarded-Proto only from a trusted proxy, and only its nearest value", () => {
    expect(servedOverHttps("https", 0)).toBe(false); // the client's own header
    expect(servedOverHttps("https", 1)).toBe(true);
    expect(servedOverHttps("https, http", 1)).toBe(false);
    expect(servedOverHttps("http, HTTPS", 1)).toBe(true);
  });
});
