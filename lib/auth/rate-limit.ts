import type { Db } from "@/lib/core/db";

// Failed attempts are rows, so a limit holds across restarts and is the same on every database.
export type Limit = { key: string; max: number; windowMs: number };

export async function isLimited(db: Db, limits: Limit[], now = new Date()): Promise<boolean> {
  for (const limit of limits) {
    const since = new Date(now.getTime() - limit.windowMs);
    const hits = await db.rateLimitHit.count({ where: { key: limit.key, at: { gte: since } } });
    if (hits >= limit.max) return true;
  }
  return false;
}

export async function recordHit(db: Db, keys: string[]): Promise<void> {
  await db.rateLimitHit.createMany({ data: keys.map((key) => ({ key })) });
}

export async function clearHits(db: Db, keys: string[]): Promise<void> {
  await db.rateLimitHit.deleteMany({ where: { key: { in: keys } } });
}

/** The client address as the nearest proxy reports it; "local" when served directly. */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "local";
}
