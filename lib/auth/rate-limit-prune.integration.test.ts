import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/test/db";
import { isLimited, recordHit } from "./rate-limit";
import { pruneRateLimitHits, RATE_LIMIT_RETENTION_MS, schedulePruning } from "./rate-limit-prune";

// The rate-limit table keeps only what a window can still read.
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);

describe("[RATE-LIMIT] pruning", () => {
  it("deletes the hits past the retention and keeps the recent ones, which still limit", async () => {
    await t.db.rateLimitHit.createMany({
      data: [
        ...Array.from({ length: 50 }, () => ({ key: "login:ip:old", at: hoursAgo(30) })),
        { key: "login:ip:old", at: hoursAgo(25) },
      ],
    });
    await recordHit(t.db, ["verify:ip:recent", "verify:ip:recent"]);
    expect(RATE_LIMIT_RETENTION_MS).toBeGreaterThanOrEqual(24 * 3600_000);

    expect(await pruneRateLimitHits(t.db)).toBe(51);
    expect(await t.db.rateLimitHit.count()).toBe(2);
    expect(await isLimited(t.db, [{ key: "verify:ip:recent", max: 2, windowMs: 60_000 }])).toBe(true);
  });

  it("runs at once and then on a timer that does not hold the process", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const deleteMany = vi.fn(async () => ({ count: 0 }));
      const stop = schedulePruning({ rateLimitHit: { deleteMany } } as never, 1000);
      expect(deleteMany).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(3000);
      expect(deleteMany).toHaveBeenCalledTimes(4);
      stop();
      vi.advanceTimersByTime(3000);
      expect(deleteMany).toHaveBeenCalledTimes(4);
    } finally {
      vi.useRealTimers();
    }
  });
});
