import { randomInt } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { AppError, fieldError } from "@/lib/core/errors";
import { mailSignInCode, type MailOutcome } from "@/lib/invitations/mail";
import { membershipGrants } from "../permissions";
import { recordSignIn } from "../sign-in-record";
import { claimAttempt, releaseAttempt, SIGN_IN_THROTTLE, type ThrottleRule } from "../throttle";
import { type FactorKind, type Requirement, requirementFor } from "./policy";
import { newRecoveryCodes, normalizeRecoveryCode } from "./recovery-codes";
import { codeDigest, openSecret, sealSecret } from "./secret-box";
import { checkTotp, newTotpSecret } from "./totp";

// The half-signed-in state. A right password that still owes a factor opens a SignInChallenge; the
// session token then names the challenge and grants nothing (lib/auth/current.ts refuses it). The
// code step checks the factor (throttled like the password, audited) and marks the challenge
// verified; the "second-factor" sign-in (lib/auth/config.ts) then consumes it, once, and issues the
// real session. Nothing else can turn a pending token into a session.

/** How long the half-signed-in state lasts: then the person starts again from the password. */
export const CHALLENGE_TTL_MS = 15 * 60_000;
/** How long an e-mailed code works. */
export const EMAIL_CODE_TTL_MS = 10 * 60_000;
/** A new e-mailed code at most this often (the old one stops working). */
export const EMAIL_RESEND_MS = 30_000;

export type PendingFactor = { challengeId: string; userId: string };
export type Setup = { mailOn: boolean; ssoOn: boolean };

export const installationSetup = (): Setup => ({ mailOn: !!env.smtpUrl, ssoOn: !!(env.proconnect || env.psc) });

export const WRONG_CODE = "Code incorrect. Vérifiez le code affiché par votre application ou reçu par courriel.";
const EXPIRED = "Cette étape de connexion a expiré ou n'est plus valable : reconnectez-vous avec votre mot de passe.";
const REPLAY = "Ce code vient déjà de servir : attendez le code suivant (il change toutes les 30 secondes).";
const WRONG_RECOVERY = "Code de secours incorrect ou déjà utilisé.";
const EMAIL_EXPIRED = "Ce code a expiré : demandez-en un nouveau.";
const SECRET_UNREADABLE =
  "Votre application d'authentification ne peut plus être vérifiée (la clé du serveur a changé) : utilisez un code de secours, ou demandez à un autre administrateur de réinitialiser votre second facteur.";

/** What a password sign-in of `userId` must add (lib/auth/second-factor/policy.ts decides). */
export async function signInRequirement(db: Db, userId: string, setup: Setup): Promise<Requirement> {
  const [user, memberships] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } }),
    db.membership.findMany({
      where: { userId },
      select: { role: true, function: true, establishment: { select: { signInPolicy: true, disabled: true } } },
    }),
  ]);
  return requirementFor({
    isAdmin: memberships.some((m) => membershipGrants(m, "platform.manage")),
    totpEnrolled: !!user?.totpSecret && !!user.totpEnabledAt,
    policies: memberships.flatMap((m) =>
      m.establishment && !m.establishment.disabled ? [m.establishment.signInPolicy] : [],
    ),
    ...setup,
  });
}

/** Opens the challenge after a right password; an e-mailed code is sent now, a TOTP secret drawn for enrolment. */
export async function openChallenge(
  db: Db,
  user: { id: string; email: string; name: string; sessionVersion: number },
  kind: FactorKind,
  ip: string,
  requestId?: string,
): Promise<{ challengeId: string; kind: FactorKind; mail?: MailOutcome }> {
  const now = new Date();
  if (Math.random() < 0.05)
    await db.signInChallenge.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  const code = kind === "email" ? newEmailCode() : null;
  const challenge = await db.$transaction(async (tx) => {
    const row = await tx.signInChallenge.create({
      data: {
        userId: user.id,
        kind,
        sessionVersion: user.sessionVersion,
        expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
        pendingSecret: kind === "totp_enrol" ? sealSecret(newTotpSecret()) : null,
        ...(code ? emailCodeFields(code, now) : {}),
      },
      select: { id: true, codeExpiresAt: true },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "session.second_factor_required",
      entity: "User",
      entityId: user.id,
      after: { kind, ip, challengeId: row.id },
      requestId,
    });
    return row;
  });
  const mail = code
    ? await mailSignInCode({ to: user.email, name: user.name, code, expiresAt: challenge.codeExpiresAt! })
    : undefined;
  return { challengeId: challenge.id, kind, ...(mail ? { mail } : {}) };
}

function newEmailCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

function emailCodeFields(code: string, now: Date) {
  return { codeHash: codeDigest(code), codeExpiresAt: new Date(now.getTime() + EMAIL_CODE_TTL_MS), codeSentAt: now };
}

/** The open challenge a pending session names: unconsumed, unexpired, account enabled and not revoked since. */
export async function findOpenChallenge(db: Db, pending: PendingFactor, now = new Date()) {
  const challenge = await db.signInChallenge.findFirst({
    where: { id: pending.challengeId, userId: pending.userId, consumedAt: null, expiresAt: { gt: now } },
    select: {
      id: true,
      kind: true,
      sessionVersion: true,
      pendingSecret: true,
      codeExpiresAt: true,
      codeSentAt: true,
      verifiedAt: true,
      user: { select: { id: true, email: true, name: true, disabled: true, sessionVersion: true } },
    },
  });
  if (!challenge || challenge.user.disabled || challenge.user.sessionVersion !== challenge.sessionVersion) return null;
  return { ...challenge, kind: challenge.kind as FactorKind };
}

export type FactorInput = { code?: string; recoveryCode?: string };
export type FactorOptions = {
  ip: string;
  requestId?: string;
  now?: Date;
  /** Tests widen the delays (as for the password). */
  throttle?: { account: ThrottleRule; address: ThrottleRule };
};

/**
 * The code step: checks the factor of the pending challenge, throttled per account and per address
 * like the password (lib/auth/throttle.ts), every outcome audited. On success the challenge is
 * verified (enrolment also returns the ten recovery codes, shown once); the session itself is
 * issued by finishSignIn.
 */
export async function verifyFactor(
  db: Db,
  pending: PendingFactor,
  input: FactorInput,
  options: FactorOptions,
): Promise<{ recoveryCodes?: string[] }> {
  const now = options.now ?? new Date();
  const challenge = await findOpenChallenge(db, pending, now);
  if (!challenge) throw new AppError("UNAUTHENTICATED", EXPIRED);
  if (challenge.verifiedAt) return {};
  const rules = options.throttle ?? SIGN_IN_THROTTLE;
  const accountKey = `factor:user:${pending.userId}`;
  const addressKey = `login:ip:${options.ip}`;
  const waitMs = Math.max(
    await claimAttempt(db, addressKey, rules.address),
    await claimAttempt(db, accountKey, rules.account),
  );
  const fail = async (reason: string, error: AppError) => {
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actorId: null,
        action: "session.second_factor_failed",
        entity: "User",
        entityId: pending.userId,
        after: { kind: challenge.kind, reason, ip: options.ip },
        requestId: options.requestId,
      }),
    );
    return error;
  };
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    const delay = seconds < 90 ? `${seconds} seconde${seconds > 1 ? "s" : ""}` : `${Math.ceil(seconds / 60)} minutes`;
    throw await fail(
      "rate_limited",
      new AppError("RATE_LIMITED", `Trop de codes refusés : patientez ${delay} avant de réessayer.`),
    );
  }

  const outcome = await checkAndRecord(db, challenge, input, now, options);
  if ("refused" in outcome) {
    // A replayed code was a right code (seen on the screen, or a second tab): no guess was made, so
    // it does not count toward the slow-down; it is refused and audited all the same.
    if (outcome.refused === "replay") {
      await releaseAttempt(db, accountKey, false);
      await releaseAttempt(db, addressKey, false);
    }
    throw await fail(outcome.refused, outcome.error);
  }
  await releaseAttempt(db, accountKey, true);
  await releaseAttempt(db, addressKey, false);
  return outcome.recoveryCodes ? { recoveryCodes: outcome.recoveryCodes } : {};
}

type Challenge = NonNullable<Awaited<ReturnType<typeof findOpenChallenge>>>;
type Outcome = { recoveryCodes?: string[] } | { refused: string; error: AppError };

const codeField = (message: string) => fieldError("code", message);

async function checkAndRecord(
  db: Db,
  challenge: Challenge,
  input: FactorInput,
  now: Date,
  options: FactorOptions,
): Promise<Outcome> {
  const userId = challenge.user.id;
  const audit = { actorId: userId, entity: "User", entityId: userId, requestId: options.requestId };
  const verified = { verifiedAt: now };
  const markVerified = (tx: Tx) =>
    tx.signInChallenge.updateMany({ where: { id: challenge.id, verifiedAt: null }, data: verified });

  if (challenge.kind === "email") {
    const code = (input.code ?? "").trim();
    if (!/^\d{6}$/.test(code)) return { refused: "invalid", error: codeField(WRONG_CODE) };
    const done = await db.$transaction(async (tx) => {
      const used = await tx.signInChallenge.updateMany({
        where: { id: challenge.id, codeHash: codeDigest(code), codeExpiresAt: { gt: now }, verifiedAt: null },
        data: { ...verified, codeHash: null },
      });
      if (used.count !== 1) return false;
      await recordAudit(tx, { ...audit, action: "session.second_factor", after: { kind: "email", ip: options.ip } });
      return true;
    });
    if (done) return {};
    const expired = challenge.codeExpiresAt !== null && challenge.codeExpiresAt <= now;
    return expired
      ? { refused: "expired", error: codeField(EMAIL_EXPIRED) }
      : { refused: "invalid", error: codeField(WRONG_CODE) };
  }

  if (challenge.kind === "totp_enrol") {
    const secret = challenge.pendingSecret ? openSecret(challenge.pendingSecret) : null;
    if (!secret) return { refused: "secret_unreadable", error: new AppError("UNAUTHENTICATED", EXPIRED) };
    const check = checkTotp(secret, (input.code ?? "").trim(), now.getTime(), null);
    if (!check.ok) return { refused: check.reason, error: codeField(WRONG_CODE) };
    const codes = newRecoveryCodes();
    await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: userId },
        data: { totpSecret: challenge.pendingSecret, totpEnabledAt: now, totpLastStep: check.step },
      });
      await tx.recoveryCode.deleteMany({ where: { userId } });
      await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: codeDigest(c) })) });
      await markVerified(tx);
      // Never the secret nor the codes: only that they exist.
      await recordAudit(tx, {
        ...audit,
        action: "totp.enrol",
        after: { recoveryCodes: codes.length, ip: options.ip },
      });
    });
    return { recoveryCodes: codes };
  }

  // kind "totp": a code from the app, or one recovery code.
  if (input.recoveryCode !== undefined) {
    const code = normalizeRecoveryCode(input.recoveryCode);
    if (!code) return { refused: "invalid_recovery", error: fieldError("recoveryCode", WRONG_RECOVERY) };
    const done = await db.$transaction(async (tx) => {
      const burnt = await tx.recoveryCode.updateMany({
        where: { userId, codeHash: codeDigest(code), usedAt: null },
        data: { usedAt: now },
      });
      if (burnt.count !== 1) return false;
      const remaining = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
      await markVerified(tx);
      await recordAudit(tx, {
        ...audit,
        action: "totp.recovery_code_used",
        after: { remaining, ip: options.ip },
      });
      return true;
    });
    return done ? {} : { refused: "invalid_recovery", error: fieldError("recoveryCode", WRONG_RECOVERY) };
  }
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpLastStep: true } });
  const secret = user?.totpSecret ? openSecret(user.totpSecret) : null;
  if (!secret) return { refused: "secret_unreadable", error: codeField(SECRET_UNREADABLE) };
  const check = checkTotp(secret, (input.code ?? "").trim(), now.getTime(), user?.totpLastStep ?? null);
  if (!check.ok) return { refused: check.reason, error: codeField(check.reason === "replay" ? REPLAY : WRONG_CODE) };
  const done = await db.$transaction(async (tx) => {
    // The step moves forward atomically: two requests with the same code, at once, cannot both pass.
    const moved = await tx.$executeRawUnsafe(
      `UPDATE "User" SET "totpLastStep" = $2 WHERE "id" = $1 AND ("totpLastStep" IS NULL OR "totpLastStep" < $2)`,
      userId,
      check.step,
    );
    if (moved !== 1) return false;
    await markVerified(tx);
    await recordAudit(tx, { ...audit, action: "session.second_factor", after: { kind: "totp", ip: options.ip } });
    return true;
  });
  return done ? {} : { refused: "replay", error: codeField(REPLAY) };
}

/** A new e-mailed code (the previous one stops working), at most every EMAIL_RESEND_MS. */
export async function resendEmailCode(
  db: Db,
  pending: PendingFactor,
  options: { ip: string; requestId?: string; now?: Date },
): Promise<{ mail: MailOutcome; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const challenge = await findOpenChallenge(db, pending, now);
  if (!challenge || challenge.kind !== "email" || challenge.verifiedAt) throw new AppError("UNAUTHENTICATED", EXPIRED);
  const code = newEmailCode();
  const fields = emailCodeFields(code, now);
  const since = new Date(now.getTime() - EMAIL_RESEND_MS);
  const renewed = await db.$transaction(async (tx) => {
    const updated = await tx.signInChallenge.updateMany({
      where: { id: challenge.id, verifiedAt: null, OR: [{ codeSentAt: null }, { codeSentAt: { lte: since } }] },
      data: fields,
    });
    if (updated.count !== 1) return false;
    await recordAudit(tx, {
      actorId: challenge.user.id,
      action: "session.second_factor_resend",
      entity: "User",
      entityId: challenge.user.id,
      after: { ip: options.ip },
      requestId: options.requestId,
    });
    return true;
  });
  if (!renewed)
    throw new AppError(
      "RATE_LIMITED",
      "Un code vient d'être envoyé : attendez 30 secondes avant d'en demander un autre.",
    );
  const mail = await mailSignInCode({
    to: challenge.user.email,
    name: challenge.user.name,
    code,
    expiresAt: fields.codeExpiresAt,
  });
  return { mail, expiresAt: fields.codeExpiresAt };
}

/**
 * The end of the half-signed-in state: consumes the verified challenge (once: the conditional
 * update makes a second call find nothing) and records the sign-in. Null: nothing to finish.
 */
export async function finishSignIn(
  db: Db,
  pending: PendingFactor,
  options: { ip: string; requestId?: string },
): Promise<{ userId: string; sessionVersion: number } | null> {
  const now = new Date();
  const challenge = await findOpenChallenge(db, pending, now);
  if (!challenge?.verifiedAt) return null;
  const consumed = await db.signInChallenge.updateMany({
    where: { id: challenge.id, consumedAt: null, verifiedAt: { not: null } },
    data: { consumedAt: now },
  });
  if (consumed.count !== 1) return null;
  await recordSignIn(db, challenge.user.id, options.ip, { factor: challenge.kind }, options.requestId);
  return { userId: challenge.user.id, sessionVersion: challenge.sessionVersion };
}
