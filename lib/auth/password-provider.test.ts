import { describe, expect, it, vi } from "vitest";

// next-auth's entry point needs Next's runtime; its error class is all this file takes from it.
vi.mock("next-auth", () => ({ CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock("@/lib/core/db", () => ({ db: {} }));
const verifyCredentials = vi.hoisted(() => vi.fn());
vi.mock("./sign-in", () => ({ verifyCredentials }));

const { passwordProviders } = await import("./password-provider");

// SOCLE_PASSWORD_SIGN_IN=0: next-auth is given no password provider at all, so its credentials
// callback has nothing to call (and verifyCredentials refuses too: sign-in.integration.test.ts).

describe("[AUTH] SOCLE_PASSWORD_SIGN_IN", () => {
  it("off: no password provider and no second-factor provider", () => {
    expect(passwordProviders(false)).toEqual([]);
  });

  it("on: the password form and the end of a second-factor sign-in", () => {
    // next-auth merges a provider's options over its defaults when it reads the list: options.id wins.
    const ids = passwordProviders(true).map((p) => (p as { options?: { id?: string } }).options?.id ?? p.id);
    expect(ids).toEqual(["credentials", "second-factor"]);
  });

  it("the password provider's authorize passes the switch on to verifyCredentials", async () => {
    verifyCredentials.mockResolvedValue({ ok: false, reason: "invalid" });
    const [password] = passwordProviders(true);
    const authorize = (password as unknown as { options: { authorize: (c: unknown, r: Request) => unknown } }).options
      .authorize;
    expect(await authorize({ email: "a@b.fr", password: "x" }, new Request("http://localhost/"))).toBeNull();
    expect(verifyCredentials.mock.calls[0]![3]).toMatchObject({ passwordSignIn: true });
  });
});
