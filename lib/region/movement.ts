import "server-only";
import type { TReferentialFile } from "@/lib/referentials/schemas";
import { metShares } from "./aggregates";
import type { Db } from "@/lib/core/db";

// Movement since the previous campaign, on comparable items only: a requirement is comparable when
// the previous referential has the same code (same referential) or when the current requirement
// names its counterpart in `mappings`. Shares of "met" are compared, in percentage points.

export type Comparable = { code: string; previousCode: string; label: string };

export function comparableRequirements(
  current: { referentialId: string; content: TReferentialFile },
  previous: { referentialId: string; content: TReferentialFile },
): Comparable[] {
  const previousCodes = new Set(previous.content.requirements.map((r) => r.code));
  return current.content.requirements.flatMap((r) => {
    const previousCode =
      current.referentialId === previous.referentialId && previousCodes.has(r.code)
        ? r.code
        : r.mappings.find((m) => m.referential === previous.referentialId && previousCodes.has(m.code))?.code;
    return previousCode ? [{ code: r.code, previousCode, label: r.label }] : [];
  });
}

export type Move = {
  code: string;
  label: string;
  before: number;
  after: number;
  delta: number;
  n: number;
  nBefore: number;
};

export async function movements(
  db: Db,
  comparable: readonly Comparable[],
  currentResultIds: readonly string[],
  previousResultIds: readonly string[],
): Promise<Move[]> {
  const [now, before] = await Promise.all([metShares(db, currentResultIds), metShares(db, previousResultIds)]);
  return comparable.flatMap((c) => {
    const a = now.get(c.code);
    const b = before.get(c.previousCode);
    if (!a || !b || a.n === 0 || b.n === 0) return [];
    const after = (100 * a.met) / a.n;
    const beforeShare = (100 * b.met) / b.n;
    return [
      { code: c.code, label: c.label, before: beforeShare, after, delta: after - beforeShare, n: a.n, nBefore: b.n },
    ];
  });
}
