import type { PrismaClient } from "@/generated/prisma/client";

// Rate-limit hits are rows (so limits hold across restarts and instances); past the longest window
// they decide nothing and only grow the table. Pruned at server start and then every hour
// (instrumentation.ts), and by `tsx scripts/db.ts prepare`. Kept apart from rate-limit.ts so the
// limits themselves can change without touching this.

/** Longer than every window that reads the table (sign-in and verifier limits: minutes to hours). */
export const RATE_LIMIT_RETENTION_MS = 24 * 60 * 60 * 1000;
export const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** Deletes the hits older than the retention; returns how many. */
export async function pruneRateLimitHits(
  db: Pick<PrismaClient, "rateLimitHit">,
  now = new Date(),
  retentionMs = RATE_LIMIT_RETENTION_MS,
): Promise<number> {
  const { count } = await db.rateLimitHit.deleteMany({ where: { at: { lt: new Date(now.getTime() - retentionMs) } } });
  return count;
}

/** Prunes now and every hour in this process; the timer never keeps the process alive. */
export function schedulePruning(db: Pick<PrismaClient, "rateLimitHit">, everyMs = PRUNE_EVERY_MS): () => void {
  const run = () =>
    pruneRateLimitHits(db).catch((error: unknown) => console.error("[socle] rate-limit pruning failed", error));
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
