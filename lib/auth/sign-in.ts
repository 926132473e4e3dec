import bcrypt from "bcryptjs";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/core/db";
import { BCRYPT_MAX_BYTES, utf8Length } from "./password-rules";
import { recordSignIn } from "./sign-in-record";
import { installationSetup, openChallenge, type Setup, signInRequirement } from "./second-factor/challenge";
import type { FactorKind } from "./second-factor/policy";
import { claimAttempt, pruneThrottle, releaseAttempt, SIGN_IN_THROTTLE, type ThrottleRule } from "./throttle";

export const ZSignIn = z.object({
  email: z.email({ error: "Saisissez une adresse électronique valide." }).trim().toLowerCase().max(254),
  password: z.string().min(1, { error: "Saisissez votre mot de passe." }).max(200),
});

export type SignInResult =
  // `factor`: the password was right but a second factor is still due (lib/auth/second-factor).
  | { ok: true; userId: string; sessionVersion: number; factor?: { challengeId: string; kind: FactorKind } }
  | { ok: false; reason: "invalid" }
  // The account's establishment requires ProConnect / Pro Santé Connect (told only after a right password).
  | { ok: false; reason: "sso_only" }
  | { ok: false; reason: "rate_limited"; waitMs: number };

export type SignInOptions = {
  /** Demo accounts (User.isDemo) may sign in: env.demo. */
  demo: boolean;
  requestId?: string;
  /** The slow-down rules; tests widen the delays so that a slow machine cannot outrun them. */
  throttle?: { account: ThrottleRule; address: ThrottleRule };
  /** What the installation can send or offer (mail, SSO): the establishment policies depend on it. */
  setup?: Setup;
  /** SOCLE_PASSWORD_SIGN_IN: when false no password is checked at all (the provider is not even listed). */
  passwordSignIn?: boolean;
};

// A bcrypt hash of a random string: comparing against it when the email is unknown keeps the
// timing of a failure the same whether the account exists or not.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.jF8Ev4QRZqqbtL7VgzCyFyBk.P3G";

type Failure =
  | "unknown_account"
  | "wrong_password"
  | "disabled"
  | "demo_off"
  | "rate_limited"
  | "malformed"
  | "sso_only"
  | "password_off";

/**
 * Checks an email and password. The attempt is recorded (claimed) on the account and the address
 * before the password is compared, so parallel tries cannot pass the count (lib/auth/throttle.ts).
 * Every outcome is audited; a failure's row names the email typed, never the password.
 */
export async function verifyCredentials(
  db: Db,
  raw: unknown,
  ip: string,
  options: SignInOptions,
): Promise<SignInResult> {
  if (options.passwordSignIn === false) {
    const email = typeof (raw as { email?: unknown })?.email === "string" ? (raw as { email: string }).email : "";
    await auditFailure(db, null, email.trim().toLowerCase(), ip, "password_off", options.requestId);
    return { ok: false, reason: "invalid" };
  }
  const parsed = ZSignIn.safeParse(raw);
  if (!parsed.success) {
    await auditFailure(db, null, "", ip, "malformed", options.requestId);
    return { ok: false, reason: "invalid" };
  }
  const { email, password } = parsed.data;
  const accountKey = `login:email:${email}`;
  const addressKey = `login:ip:${ip}`;
  if (Math.random() < 0.01) await pruneThrottle(db);
  const rules = options.throttle ?? SIGN_IN_THROTTLE;
  const waitMs = Math.max(
    await claimAttempt(db, addressKey, rules.address),
    await claimAttempt(db, accountKey, rules.account),
  );
  if (waitMs > 0) {
    await auditFailure(db, null, email, ip, "rate_limited", options.requestId);
    return { ok: false, reason: "rate_limited", waitMs };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, disabled: true, isDemo: true, sessionVersion: true },
  });
  // bcrypt would compare only the first 72 bytes: a longer password is never the one that was set.
  const fits = utf8Length(password) <= BCRYPT_MAX_BYTES;
  const matches = (await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH)) && fits;
  const failure: Failure | null = !user
    ? "unknown_account"
    : !matches
      ? "wrong_password"
      : user.disabled
        ? "disabled"
        : user.isDemo && !options.demo
          ? "demo_off"
          : null;
  if (failure || !user) {
    await auditFailure(db, user?.id ?? null, email, ip, failure ?? "unknown_account", options.requestId);
    return { ok: false, reason: "invalid" };
  }

  await releaseAttempt(db, accountKey, true);
  await releaseAttempt(db, addressKey, false);
  // The password is right; what the account's role and establishments still ask for is decided
  // after it, so that a wrong password never tells whether the account exists or how it signs in.
  const requirement = await signInRequirement(db, user.id, options.setup ?? installationSetup());
  if (requirement.kind === "sso_only") {
    await auditFailure(db, user.id, email, ip, "sso_only", options.requestId);
    return { ok: false, reason: "sso_only" };
  }
  if (requirement.kind === "factor") {
    const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, name: true } });
    const opened = await openChallenge(
      db,
      { id: user.id, sessionVersion: user.sessionVersion, ...account },
      requirement.factor,
      ip,
      options.requestId,
    );
    return {
      ok: true,
      userId: user.id,
      sessionVersion: user.sessionVersion,
      factor: { challengeId: opened.challengeId, kind: opened.kind },
    };
  }
  await recordSignIn(
    db,
    user.id,
    ip,
    requirement.skipped ? { policySkipped: requirement.skipped } : {},
    options.requestId,
  );
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
}

async function auditFailure(
  db: Db,
  userId: string | null,
  email: string,
  ip: string,
  reason: Failure,
  requestId: string | undefined,
) {
  await db.$transaction(async (tx) =>
    recordAudit(tx, {
      actorId: null,
      action: "session.sign_in_failed",
      entity: "User",
      entityId: userId ?? "",
      after: { email: email.slice(0, 254), ip, reason },
      requestId,
    }),
  );
}

export { hashPassword } from "./password-hash";
