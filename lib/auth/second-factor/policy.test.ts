import { describe, expect, it } from "vitest";
import { policyApplicable, requirementFor, strictestPolicy } from "./policy";

const ON = { mailOn: true, ssoOn: true };

describe("[AUTH] what a password sign-in must add", () => {
  it("the admin always gives TOTP, enrolling first when none is set up, whatever an establishment says", () => {
    expect(requirementFor({ isAdmin: true, totpEnrolled: false, policies: [], ...ON })).toEqual({
      kind: "factor",
      factor: "totp_enrol",
    });
    expect(requirementFor({ isAdmin: true, totpEnrolled: true, policies: ["sso_only"], ...ON })).toEqual({
      kind: "factor",
      factor: "totp",
    });
  });

  it("a person in several establishments gets the strictest policy", () => {
    expect(strictestPolicy([])).toBe("password");
    expect(strictestPolicy(["password", "password_email_code"])).toBe("password_email_code");
    expect(strictestPolicy(["password_email_code", "sso_only", "password"])).toBe("sso_only");
    const base = { isAdmin: false, totpEnrolled: false, ...ON };
    expect(requirementFor({ ...base, policies: ["password"] })).toEqual({ kind: "none" });
    expect(requirementFor({ ...base, policies: ["password", "password_email_code"] })).toEqual({
      kind: "factor",
      factor: "email",
    });
    expect(requirementFor({ ...base, policies: ["password_email_code", "sso_only"] })).toEqual({ kind: "sso_only" });
  });

  it("a policy the installation cannot honour is skipped (and says which), never a lock-out", () => {
    const base = { isAdmin: false, totpEnrolled: false };
    expect(requirementFor({ ...base, policies: ["password_email_code"], mailOn: false, ssoOn: true })).toEqual({
      kind: "none",
      skipped: "password_email_code",
    });
    expect(requirementFor({ ...base, policies: ["sso_only"], mailOn: true, ssoOn: false })).toEqual({
      kind: "none",
      skipped: "sso_only",
    });
    expect(policyApplicable("password_email_code", { mailOn: false, ssoOn: true })).toBe(false);
    expect(policyApplicable("sso_only", { mailOn: true, ssoOn: false })).toBe(false);
    expect(policyApplicable("password", { mailOn: false, ssoOn: false })).toBe(true);
  });
});
