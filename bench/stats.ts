export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Runs `total` calls of `op(i)` with `concurrency` in flight; returns throughput and latencies (ms).
 * An op may return its own latency (a number) to leave out time it spent queued on the client.
 */
export async function measure(total: number, concurrency: number, op: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        const own = await op(i);
        latencies.push(typeof own === "number" ? own : performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: total / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

const n = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const ms = (v: number) => `${v.toFixed(2)} ms`;

export function report(label: string, workload: string, r: { perSecond: number; p50: number; p95: number }) {
  console.log(`${label}: ${n.format(r.perSecond)} ops/s, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}  [${workload}]`);
}

/**
 * An open-loop load: `editors` clients each run `op` then pause about `pauseMs` (±50 %), until
 * `durationMs` has passed. Unlike `measure`, the offered rate does not depend on the server's speed.
 */
export async function editorsAtWork(
  editors: number,
  durationMs: number,
  pauseMs: number,
  op: (i: number) => Promise<unknown>,
) {
  const latencies: number[] = [];
  const end = performance.now() + durationMs;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: editors }, async (_, editor) => {
      await new Promise((r) => setTimeout(r, (pauseMs * editor) / editors)); // staggered arrivals
      while (performance.now() < end) {
        const i = next++;
        const t0 = performance.now();
        const own = await op(i);
        latencies.push(typeof own === "number" ? own : performance.now() - t0);
        await new Promise((r) => setTimeout(r, pauseMs * (0.5 + Math.random())));
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const seconds = (performance.now() - started) / 1000;
  return {
    count: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}
