import { env } from "@/lib/core/env";
import type { Db } from "@/lib/core/db";
import { PEER_HEADER } from "@/lib/core/peer-address";

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

/**
 * The client's address for rate limits. X-Forwarded-For is written by whoever sends the request:
 * only the entries appended by the `trustedProxies` proxies in front of the app count. Each proxy
 * appends the address it received the request from, so with N trusted proxies the client is the
 * N-th entry from the right; anything left of it is the client's own claim. With 0 (the default,
 * no proxy), the header is ignored and the connecting socket's address is used
 * (lib/core/peer-address.ts stamps it on the request).
 */
export function clientIp(headers: Headers, trustedProxies: number = env.trustedProxies): string {
  if (trustedProxies > 0) {
    const hops = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean);
    const client = hops.length >= trustedProxies ? hops[hops.length - trustedProxies] : hops[0];
    if (client) return client;
  }
  return headers.get(PEER_HEADER) || "unknown";
}
