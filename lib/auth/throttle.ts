import type { Db } from "@/lib/core/db";

// Sign-in slow-down, kept in the database so that every app instance sees the same state.
// Each attempt CLAIMS its keys (the account, the address) before the password is checked: one
// atomic upsert counts the attempt as a failure and pushes the next allowed start by a delay
// that doubles past a few free failures; the upsert's WHERE refuses the claim while a key is still
// waiting. A parallel burst therefore cannot pass the count (each claim sees the previous one: the
// row lock serialises them), and nobody is locked out: the rightful user waits at most `maxMs`.
// A success forgets the account's failures and gives back the address's own count.

export type ThrottleRule = { free: number; baseMs: number; maxMs: number };

export const SIGN_IN_THROTTLE = {
  account: { free: 3, baseMs: 1_000, maxMs: 5 * 60_000 },
  address: { free: 20, baseMs: 1_000, maxMs: 15 * 60_000 },
  /** Failures older than this are forgotten at the next attempt (and the row pruned). */
  forgetAfterMs: 24 * 60 * 60_000,
} as const;

/** The wait before the attempt that follows `failures` failures. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(failures - rule.free, 30));
}

// Timestamps are stored as UTC without zone (as Prisma writes them): the database clock, read in UTC,
// so that two instances with skewed clocks still agree.
const NOW = `timezone('UTC', now())`;
const delaySql = (failures: string, rule: ThrottleRule) =>
  `(CASE WHEN ${failures} < ${rule.free} THEN 0 ELSE least(${rule.maxMs}::float8, ${rule.baseMs}::float8 * power(2::float8, least(${failures} - ${rule.free}, 30))) END) * interval '1 millisecond'`;

/**
 * Records one attempt on `key`. Returns 0 when it may go ahead, else the milliseconds to wait
 * (the attempt is then neither made nor counted).
 */
export async function claimAttempt(db: Db, key: string, rule: ThrottleRule): Promise<number> {
  const forget = `${NOW} - interval '${SIGN_IN_THROTTLE.forgetAfterMs} milliseconds'`;
  const next = `CASE WHEN t."updatedAt" < ${forget} THEN 1 ELSE t."failures" + 1 END`;
  const claimed = await db.$queryRawUnsafe<{ failures: number }[]>(
    `INSERT INTO "SignInThrottle" AS t ("key", "failures", "nextAttemptAt", "updatedAt")
       VALUES ($1, 1, ${NOW} + ${delaySql("1", rule)}, ${NOW})
     ON CONFLICT ("key") DO UPDATE SET "failures" = ${next}, "nextAttemptAt" = ${NOW} + ${delaySql(next, rule)}, "updatedAt" = ${NOW}
       WHERE t."nextAttemptAt" <= ${NOW}
     RETURNING "failures"`,
    key,
  );
  if (claimed.length) return 0;
  const [row] = await db.$queryRawUnsafe<{ waitMs: number }[]>(
    `SELECT greatest(1, ceil(extract(epoch FROM ("nextAttemptAt" - ${NOW})) * 1000))::float8 AS "waitMs" FROM "SignInThrottle" WHERE "key" = $1`,
    key,
  );
  return Number(row?.waitMs ?? 1);
}

/** The attempt on `key` succeeded: it was not a failure after all. */
export async function releaseAttempt(db: Db, key: string, forgetAll: boolean): Promise<void> {
  if (forgetAll) {
    await db.$executeRawUnsafe(`DELETE FROM "SignInThrottle" WHERE "key" = $1`, key);
  } else {
    await db.$executeRawUnsafe(
      `UPDATE "SignInThrottle" SET "failures" = greatest("failures" - 1, 0) WHERE "key" = $1`,
      key,
    );
  }
}

/** Drops rows whose failures are forgotten anyway (called now and then by sign-in). */
export async function pruneThrottle(db: Db): Promise<number> {
  return db.$executeRawUnsafe(
    `DELETE FROM "SignInThrottle" WHERE "updatedAt" < ${NOW} - interval '${SIGN_IN_THROTTLE.forgetAfterMs} milliseconds' AND "nextAttemptAt" < ${NOW}`,
  );
}
