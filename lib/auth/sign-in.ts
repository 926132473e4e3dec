import bcrypt from "bcryptjs";
import { z } from "zod";
import type { Db } from "@/lib/core/db";
import { clearHits, isLimited, recordHit } from "./rate-limit";

export const LOGIN_LIMITS = {
  perAccount: { max: 5, windowMs: 15 * 60_000 },
  perIp: { max: 30, windowMs: 15 * 60_000 },
};

export const ZSignIn = z.object({
  email: z.email({ error: "Saisissez une adresse électronique valide." }).trim().toLowerCase().max(254),
  password: z.string().min(1, { error: "Saisissez votre mot de passe." }).max(200),
});

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "rate_limited" };

// A bcrypt hash of a random string: comparing against it when the email is unknown keeps the
// timing of a failure the same whether the account exists or not.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.jF8Ev4QRZqqbtL7VgzCyFyBk.P3G";

export async function verifyCredentials(db: Db, raw: unknown, ip: string): Promise<SignInResult> {
  const parsed = ZSignIn.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const accountKey = `login:email:${email}`;
  const ipKey = `login:ip:${ip}`;
  const limited = await isLimited(db, [
    { key: accountKey, ...LOGIN_LIMITS.perAccount },
    { key: ipKey, ...LOGIN_LIMITS.perIp },
  ]);
  if (limited) return { ok: false, reason: "rate_limited" };

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabled: true } });
  const matches = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || user.disabled || !matches) {
    await recordHit(db, [accountKey, ipKey]);
    return { ok: false, reason: "invalid" };
  }
  await clearHits(db, [accountKey]);
  return { ok: true, userId: user.id };
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}
