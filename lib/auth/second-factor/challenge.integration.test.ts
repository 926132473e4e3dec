import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { loadActor } from "@/lib/auth/actor";
import { env } from "@/lib/core/env";
import { AppError } from "@/lib/core/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { decodeBody, startSmtpSink } from "@/test/mail/smtp-sink";
import { hashPassword } from "../password-hash";
import { verifyCredentials } from "../sign-in";
import { SIGN_IN_THROTTLE } from "../throttle";
import { EMAIL_CODE_TTL_MS, finishSignIn, resendEmailCode, verifyFactor } from "./challenge";
import { openSecret, sealSecret } from "./secret-box";
import { newTotpSecret, totpCode, totpStep } from "./totp";

// The second factor on a real database: the half-signed-in state grants nothing until the factor is
// checked and the challenge consumed once; TOTP with ±1 step and replay refusal; recovery codes
// burnt on use; e-mailed codes through a real SMTP server; every outcome audited, no secret in clear.

let t: TestDb;
let db: PrismaClient;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const PASSWORD = "un-mot-de-passe-solide-2026";
const MINUTE = 60_000;
const THROTTLE = {
  account: { ...SIGN_IN_THROTTLE.account, baseMs: MINUTE, maxMs: 60 * MINUTE },
  address: { ...SIGN_IN_THROTTLE.address, baseMs: MINUTE, maxMs: 60 * MINUTE },
};
const SETUP = { mailOn: true, ssoOn: true };
let ipCounter = 0;
const ip = () => `10.9.${Math.floor(ipCounter / 250)}.${ipCounter++ % 250}`;

beforeAll(async () => {
  sink = await startSmtpSink();
  env.smtpUrl = sink.url;
  t = await createTestDb();
  db = t.db;
  await db.region.create({ data: { id: "r53", code: "53", name: "Bretagne" } });
  await db.departement.create({ data: { code: "56", name: "Morbihan", regionId: "r53" } });
});

afterAll(async () => {
  env.smtpUrl = undefined;
  await t?.close();
  await sink?.close();
});

async function person(email: string, options: { admin?: boolean; totp?: string; establishments?: string[] } = {}) {
  const user = await db.user.create({
    data: {
      email,
      name: email.split("@")[0]!,
      passwordHash: await hashPassword(PASSWORD),
      ...(options.totp ? { totpSecret: sealSecret(options.totp), totpEnabledAt: new Date() } : {}),
    },
  });
  if (options.admin) await db.membership.create({ data: { userId: user.id, role: "admin" } });
  for (const establishmentId of options.establishments ?? [])
    await db.membership.create({ data: { userId: user.id, role: "contributor", function: "DSI", establishmentId } });
  return user;
}

let finessSerial = 10;
async function establishment(signInPolicy: "password" | "password_email_code" | "sso_only") {
  const serial = finessSerial++;
  return db.establishment.create({
    data: {
      finess: `56099${String(serial).padStart(4, "0")}`,
      name: `Établissement ${serial}`,
      category: "CH",
      departementCode: "56",
      regionId: "r53",
      signInPolicy,
    },
  });
}

const signIn = (email: string, password = PASSWORD, from = ip()) =>
  verifyCredentials(db, { email, password }, from, { demo: false, throttle: THROTTLE, setup: SETUP });

async function pendingOf(email: string) {
  const result = await signIn(email);
  if (!result.ok || !result.factor) throw new Error(`expected a pending factor, got ${JSON.stringify(result)}`);
  return { pending: { challengeId: result.factor.challengeId, userId: result.userId }, kind: result.factor.kind };
}

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const actions = async (userId: string) =>
  (await db.auditEvent.findMany({ where: { entityId: userId }, orderBy: { id: "asc" } })).map((e) => e.action);

describe("[AUTH] the admin's second factor (TOTP)", () => {
  it("an admin without an authenticator enrols: QR secret, code, ten recovery codes stored hashed", async () => {
    const admin = await person("nouvel.admin@exemple.fr", { admin: true });
    const { pending, kind } = await pendingOf(admin.email);
    expect(kind).toBe("totp_enrol");
    // Half signed in: the password was right, nothing is granted yet.
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).lastSignInAt).toBeNull();
    expect(await finishSignIn(db, pending, { ip: "10.0.0.1" })).toBeNull();

    const challenge = await db.signInChallenge.findUniqueOrThrow({ where: { id: pending.challengeId } });
    const secret = openSecret(challenge.pendingSecret!)!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const wrong = await refusal(() => verifyFactor(db, pending, { code: "000000" }, { ip: ip(), throttle: THROTTLE }));
    expect(wrong.code).toBe("BAD_INPUT");
    expect(wrong.fieldErrors?.code?.[0]).toMatch(/Code incorrect/);

    const enrolled = await verifyFactor(db, pending, { code: totpCode(secret, Date.now()) }, { ip: ip() });
    expect(enrolled.recoveryCodes).toHaveLength(10);
    const stored = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(stored.totpEnabledAt).not.toBeNull();
    expect(stored.totpSecret).not.toContain(secret);
    expect(openSecret(stored.totpSecret!)).toBe(secret);
    const rows = await db.recoveryCode.findMany({ where: { userId: admin.id } });
    expect(rows).toHaveLength(10);
    for (const code of enrolled.recoveryCodes!) expect(rows.some((r) => r.codeHash.includes(code))).toBe(false);

    const done = await finishSignIn(db, pending, { ip: "10.0.0.1" });
    expect(done).toEqual({ userId: admin.id, sessionVersion: 0 });
    expect(await finishSignIn(db, pending, { ip: "10.0.0.1" })).toBeNull(); // consumed once
    expect(await actions(admin.id)).toEqual([
      "session.second_factor_required",
      "session.second_factor_failed",
      "totp.enrol",
      "session.sign_in",
    ]);
    // No audit row carries the secret or a recovery code.
    const trail = JSON.stringify(await db.auditEvent.findMany({ where: { entityId: admin.id } }), (_k, v) =>
      typeof v === "bigint" ? v.toString() : v,
    );
    expect(trail).not.toContain(secret);
    for (const code of enrolled.recoveryCodes!) expect(trail).not.toContain(code);
  });

  it("each sign-in asks for the code: ±1 step accepted, a code already used refused (replay)", async () => {
    const secret = newTotpSecret();
    const admin = await person("admin.totp@exemple.fr", { admin: true, totp: secret });
    const first = await pendingOf(admin.email);
    expect(first.kind).toBe("totp");
    const now = Date.now();
    // The code of the previous step still works (clock drift), once.
    const previous = totpCode(secret, now - 30_000);
    await verifyFactor(db, first.pending, { code: previous }, { ip: ip(), now: new Date(now) });
    expect(await finishSignIn(db, first.pending, { ip: "10.0.0.2" })).not.toBeNull();

    const second = await pendingOf(admin.email);
    const replay = await refusal(() =>
      verifyFactor(db, second.pending, { code: previous }, { ip: ip(), now: new Date(now), throttle: THROTTLE }),
    );
    expect(replay.fieldErrors?.code?.[0]).toMatch(/déjà de servir/);
    // A replay was no guess: it does not count toward the slow-down (a wrong code does).
    const failures = async () =>
      (await db.signInThrottle.findUnique({ where: { key: `factor:user:${admin.id}` } }))?.failures ?? 0;
    expect(await failures()).toBe(0);
    const tooOld = await refusal(() =>
      verifyFactor(
        db,
        second.pending,
        { code: totpCode(secret, now - 90_000) },
        { ip: ip(), now: new Date(now), throttle: THROTTLE },
      ),
    );
    expect(tooOld.fieldErrors?.code?.[0]).toMatch(/Code incorrect/);
    expect(await failures()).toBe(1);
    // The next step's code (one ahead) is accepted and moves the last step forward.
    await verifyFactor(db, second.pending, { code: totpCode(secret, now + 30_000) }, { ip: ip(), now: new Date(now) });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).totpLastStep).toBe(totpStep(now) + 1);
  });

  it("the same code sent twice at once passes once", async () => {
    const secret = newTotpSecret();
    const admin = await person("admin.course@exemple.fr", { admin: true, totp: secret });
    const a = await pendingOf(admin.email);
    const b = await pendingOf(admin.email);
    const code = totpCode(secret, Date.now());
    const results = await Promise.allSettled([
      verifyFactor(db, a.pending, { code }, { ip: ip(), throttle: THROTTLE }),
      verifyFactor(db, b.pending, { code }, { ip: ip(), throttle: THROTTLE }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("a recovery code signs in once, is audited and burnt", async () => {
    const admin = await person("admin.secours@exemple.fr", { admin: true });
    const enrol = await pendingOf(admin.email);
    const challenge = await db.signInChallenge.findUniqueOrThrow({ where: { id: enrol.pending.challengeId } });
    const secret = openSecret(challenge.pendingSecret!)!;
    const { recoveryCodes } = await verifyFactor(
      db,
      enrol.pending,
      { code: totpCode(secret, Date.now()) },
      { ip: ip() },
    );
    await finishSignIn(db, enrol.pending, { ip: "10.0.0.3" });

    const lost = await pendingOf(admin.email);
    const typed = recoveryCodes![3]!.toLowerCase().replace("-", " ");
    await verifyFactor(db, lost.pending, { recoveryCode: typed }, { ip: ip() });
    expect(await finishSignIn(db, lost.pending, { ip: "10.0.0.3" })).not.toBeNull();
    const used = await db.auditEvent.findFirstOrThrow({
      where: { entityId: admin.id, action: "totp.recovery_code_used" },
    });
    expect(used.after).toMatchObject({ remaining: 9 });

    const again = await pendingOf(admin.email);
    const refused = await refusal(() =>
      verifyFactor(db, again.pending, { recoveryCode: recoveryCodes![3]! }, { ip: ip(), throttle: THROTTLE }),
    );
    expect(refused.fieldErrors?.recoveryCode?.[0]).toMatch(/déjà utilisé/);
  });

  it("wrong codes are slowed down like passwords (per account), and audited", async () => {
    const admin = await person("admin.lent@exemple.fr", { admin: true, totp: newTotpSecret() });
    const { pending } = await pendingOf(admin.email);
    for (let i = 0; i < SIGN_IN_THROTTLE.account.free; i++) {
      const error = await refusal(() =>
        verifyFactor(db, pending, { code: "123456" }, { ip: ip(), throttle: THROTTLE }),
      );
      expect(error.code).toBe("BAD_INPUT");
    }
    const slowed = await refusal(() => verifyFactor(db, pending, { code: "123456" }, { ip: ip(), throttle: THROTTLE }));
    expect(slowed.code).toBe("RATE_LIMITED");
    expect(slowed.message).toMatch(/patientez/);
    const failures = await db.auditEvent.findMany({
      where: { entityId: admin.id, action: "session.second_factor_failed" },
    });
    expect(failures.map((f) => (f.after as { reason: string }).reason)).toEqual([
      "invalid",
      "invalid",
      "invalid",
      "rate_limited",
    ]);
  });

  it("a revoked session (sign-out elsewhere, reset) cannot finish its sign-in", async () => {
    const secret = newTotpSecret();
    const admin = await person("admin.revoque@exemple.fr", { admin: true, totp: secret });
    const { pending } = await pendingOf(admin.email);
    await db.user.update({ where: { id: admin.id }, data: { sessionVersion: { increment: 1 } } });
    const error = await refusal(() => verifyFactor(db, pending, { code: totpCode(secret, Date.now()) }, { ip: ip() }));
    expect(error.code).toBe("UNAUTHENTICATED");
    expect(await finishSignIn(db, pending, { ip: "10.0.0.4" })).toBeNull();
  });

  it("a pending challenge alone finishes nothing, nor for another account", async () => {
    const secret = newTotpSecret();
    const admin = await person("admin.moitie@exemple.fr", { admin: true, totp: secret });
    const result = await signIn(admin.email);
    // The password step returns the pending factor, which lib/auth/config.ts puts in the token as `mfa`:
    // getActor and getRouteUser refuse such a token (lib/auth/session-token.test.ts).
    expect(result).toMatchObject({ ok: true, factor: { kind: "totp" } });
    // A pending challenge is not enough for the second-factor sign-in either.
    if (!result.ok || !result.factor) throw new Error("unreachable");
    expect(
      await finishSignIn(db, { challengeId: result.factor.challengeId, userId: admin.id }, { ip: "x" }),
    ).toBeNull();
    // Nor can another account's challenge be finished with it.
    const other = await person("autre.moitie@exemple.fr");
    expect(
      await finishSignIn(db, { challengeId: result.factor.challengeId, userId: other.id }, { ip: "x" }),
    ).toBeNull();
    expect(await loadActor(db, admin.id, 0)).not.toBeNull(); // the account itself is fine
  });
});

describe("[AUTH] establishment sign-in policies", () => {
  it("password + e-mailed code: six digits mailed, single use, refused when wrong or expired", async () => {
    const strict = await establishment("password_email_code");
    const user = await person("dsi.code@exemple.fr", { establishments: [strict.id] });
    const before = sink.received.length;
    const { pending, kind } = await pendingOf(user.email);
    expect(kind).toBe("email");
    const mail = sink.received.slice(before).find((m) => m.to.includes(user.email));
    expect(mail).toBeDefined();
    const text = decodeBody(mail!.raw);
    const code = /code de connexion à Socle : (\d{6})/.exec(text)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const stored = await db.signInChallenge.findUniqueOrThrow({ where: { id: pending.challengeId } });
    expect(stored.codeHash).not.toContain(code!);

    const wrongCode = code === "000000" ? "111111" : "000000";
    const wrong = await refusal(() => verifyFactor(db, pending, { code: wrongCode }, { ip: ip(), throttle: THROTTLE }));
    expect(wrong.fieldErrors?.code?.[0]).toMatch(/Code incorrect/);
    const late = new Date(Date.now() + EMAIL_CODE_TTL_MS + 1000);
    const expired = await refusal(() =>
      verifyFactor(db, pending, { code: code! }, { ip: ip(), now: late, throttle: THROTTLE }),
    );
    expect(expired.fieldErrors?.code?.[0]).toMatch(/expiré/);
    await verifyFactor(db, pending, { code: code! }, { ip: ip() });
    expect(await finishSignIn(db, pending, { ip: "10.0.0.5" })).not.toBeNull();
    const signIn = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "session.sign_in" } });
    expect(signIn.after).toMatchObject({ factor: "email" });
  });

  it("a new code replaces the previous one, at most every 30 seconds", async () => {
    const strict = await establishment("password_email_code");
    const user = await person("dpo.renvoi@exemple.fr", { establishments: [strict.id] });
    const { pending } = await pendingOf(user.email);
    const tooSoon = await refusal(() => resendEmailCode(db, pending, { ip: "10.0.0.6" }));
    expect(tooSoon.code).toBe("RATE_LIMITED");
    const later = new Date(Date.now() + 31_000);
    const before = sink.received.length;
    const sent = await resendEmailCode(db, pending, { ip: "10.0.0.6", now: later });
    expect(sent.mail).toBe("sent");
    const code = /code de connexion à Socle : (\d{6})/.exec(decodeBody(sink.received[before]!.raw))?.[1];
    await verifyFactor(db, pending, { code: code! }, { ip: ip(), now: later });
  });

  it("SSO only: the password is refused with its own reason (after a right password only)", async () => {
    const sso = await establishment("sso_only");
    const user = await person("rssi.sso@exemple.fr", { establishments: [sso.id] });
    expect(await signIn(user.email)).toEqual({ ok: false, reason: "sso_only" });
    expect(await signIn(user.email, "pas-le-bon-mot-de-passe")).toEqual({ ok: false, reason: "invalid" });
    const refused = await db.auditEvent.findFirstOrThrow({
      where: { entityId: user.id, action: "session.sign_in_failed" },
      orderBy: { id: "asc" },
    });
    expect(refused.after).toMatchObject({ reason: "sso_only" });
  });

  it("several establishments: the strictest policy wins; a disabled establishment's policy no longer counts", async () => {
    const open = await establishment("password");
    const coded = await establishment("password_email_code");
    const sso = await establishment("sso_only");
    const both = await person("deux.etablissements@exemple.fr", { establishments: [open.id, coded.id] });
    expect(await pendingOf(both.email)).toMatchObject({ kind: "email" });
    const three = await person("trois.etablissements@exemple.fr", { establishments: [open.id, coded.id, sso.id] });
    expect(await signIn(three.email)).toEqual({ ok: false, reason: "sso_only" });
    await db.establishment.update({ where: { id: sso.id }, data: { disabled: true } });
    expect(await pendingOf(three.email)).toMatchObject({ kind: "email" });
  });

  it("a policy the installation cannot apply is skipped, and the sign-in says which", async () => {
    const coded = await establishment("password_email_code");
    const user = await person("sans.courriel@exemple.fr", { establishments: [coded.id] });
    const result = await verifyCredentials(db, { email: user.email, password: PASSWORD }, ip(), {
      demo: false,
      throttle: THROTTLE,
      setup: { mailOn: false, ssoOn: false },
    });
    expect(result).toEqual({ ok: true, userId: user.id, sessionVersion: 0 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "session.sign_in" } });
    expect(event.after).toMatchObject({ policySkipped: "password_email_code" });
  });
});
