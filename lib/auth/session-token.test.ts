import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodePendingFactor, decodeSessionUser } from "./session-token";

// The half-signed-in state must grant nothing: a token that carries a pending second factor is not
// a session for the routes (getRouteUser reads it through decodeSessionUser), only a pending factor.

const SECRET = "a-test-auth-secret-of-at-least-32-characters";
const SALT = "authjs.session-token";
const token = (claims: Record<string, unknown>) => encode({ token: claims, secret: SECRET, salt: SALT, maxAge: 3600 });

describe("[AUTH] session tokens", () => {
  it("a complete session names its user and version", async () => {
    const t = await token({ sub: "user-1", sv: 3 });
    expect(await decodeSessionUser(t, SALT, SECRET)).toEqual({ id: "user-1", sessionVersion: 3 });
    expect(await decodePendingFactor(t, SALT, SECRET)).toBeNull();
  });

  it("a half-signed-in token (second factor due) is no session, only the pending challenge", async () => {
    const t = await token({ sub: "admin-1", sv: 0, mfa: { id: "challenge-1", kind: "totp" } });
    expect(await decodeSessionUser(t, SALT, SECRET)).toBeNull();
    expect(await decodePendingFactor(t, SALT, SECRET)).toEqual({
      userId: "admin-1",
      challengeId: "challenge-1",
      kind: "totp",
      sessionVersion: 0,
    });
  });

  it("a token sealed with another secret is neither", async () => {
    const t = await token({ sub: "admin-1", sv: 0, mfa: { id: "challenge-1", kind: "totp" } });
    expect(await decodePendingFactor(t, SALT, `${SECRET}-other`)).toBeNull();
    expect(await decodeSessionUser(t, SALT, `${SECRET}-other`)).toBeNull();
  });
});
