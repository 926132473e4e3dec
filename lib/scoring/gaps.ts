import type { Gap, RequirementResult } from "./types";

// What remains to do, most important first: blocking, then heavier, then cheaper, then by code.
// An unknown answer is a gap of its own kind ("à instruire"), never folded into "not met".

const EFFORT_ORDER = { low: 0, medium: 1, high: 2 } as const;

function effortRank(effort: RequirementResult["effort"]): number {
  return effort === null ? 3 : EFFORT_ORDER[effort];
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Natural order of codes ("P1.2" before "P1.10"), without allocating: it runs inside sorts. */
export function compareCodes(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let na = 0;
      let nb = 0;
      while (i < a.length && isDigit(a.charCodeAt(i))) na = na * 10 + a.charCodeAt(i++) - 48;
      while (j < b.length && isDigit(b.charCodeAt(j))) nb = nb * 10 + b.charCodeAt(j++) - 48;
      if (na !== nb) return na - nb;
    } else {
      if (ca !== cb) return ca - cb;
      i++;
      j++;
    }
  }
  return a.length - i - (b.length - j) || (a < b ? -1 : a > b ? 1 : 0);
}

export function compareGaps(a: RequirementResult, b: RequirementResult): number {
  return (
    Number(b.blocking) - Number(a.blocking) ||
    b.weight - a.weight ||
    effortRank(a.effort) - effortRank(b.effort) ||
    compareCodes(a.code, b.code)
  );
}

export function listGaps(requirements: readonly RequirementResult[]): Gap[] {
  const gaps: Gap[] = [];
  for (const r of requirements) {
    if (r.status === "unknown") gaps.push({ ...r, kind: "to_investigate" });
    else if (r.status === "not_met" || r.status === "partial") gaps.push({ ...r, kind: "missing" });
  }
  return gaps.sort(compareGaps);
}
