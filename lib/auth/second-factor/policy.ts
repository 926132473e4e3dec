import type { SignInPolicy } from "@/generated/prisma/enums";

// What a password sign-in must add, decided in one place from the account's facts:
// - the platform admin: always TOTP (enrolment first when none is set up); an establishment's
//   policy does not apply to them (TOTP is the stronger factor, and SSO is refused to admins);
// - anyone else: the strictest policy of the establishments they belong to (sso_only over
//   password_email_code over password), among those whose establishment is enabled;
// - a policy the installation cannot honour is not applied, rather than locking people out:
//   password_email_code without SMTP_URL, sso_only without any SSO provider. The director's page
//   says so, and the sign-in is audited with the policy it skipped.

export type FactorKind = "totp" | "totp_enrol" | "email";

export type Requirement =
  { kind: "none"; skipped?: SignInPolicy } | { kind: "factor"; factor: FactorKind } | { kind: "sso_only" };

const STRICTNESS: Record<SignInPolicy, number> = { password: 0, password_email_code: 1, sso_only: 2 };

/** The strictest of several establishments' policies (password when there is none). */
export function strictestPolicy(policies: readonly SignInPolicy[]): SignInPolicy {
  return policies.reduce<SignInPolicy>((a, b) => (STRICTNESS[b] > STRICTNESS[a] ? b : a), "password");
}

export function requirementFor(facts: {
  isAdmin: boolean;
  totpEnrolled: boolean;
  policies: readonly SignInPolicy[];
  mailOn: boolean;
  ssoOn: boolean;
}): Requirement {
  if (facts.isAdmin) return { kind: "factor", factor: facts.totpEnrolled ? "totp" : "totp_enrol" };
  const policy = strictestPolicy(facts.policies);
  if (policy === "sso_only") return facts.ssoOn ? { kind: "sso_only" } : { kind: "none", skipped: policy };
  if (policy === "password_email_code")
    return facts.mailOn ? { kind: "factor", factor: "email" } : { kind: "none", skipped: policy };
  return { kind: "none" };
}

/** Whether the installation can apply `policy` (the director's page explains the ones it cannot). */
export function policyApplicable(policy: SignInPolicy, setup: { mailOn: boolean; ssoOn: boolean }): boolean {
  if (policy === "password_email_code") return setup.mailOn;
  if (policy === "sso_only") return setup.ssoOn;
  return true;
}

export const POLICY_LABELS: Record<SignInPolicy, string> = {
  password: "Mot de passe ou ProConnect / Pro Santé Connect",
  password_email_code: "Mot de passe et code reçu par courriel, ou ProConnect / Pro Santé Connect",
  sso_only: "ProConnect ou Pro Santé Connect uniquement",
};
