import type { Decision, Suppression } from "./small-groups";

// A figure as every output carries it: its value and its n, or the marker that says why it is hidden.

export type Cell =
  { shown: true; n: number; value: number } | { shown: false; n: number; reason: Suppression; k: number };

export function cellOf(decision: Decision, k: number, value: () => number): Cell {
  return decision.shown
    ? { shown: true, n: decision.n, value: value() }
    : { shown: false, n: decision.n, reason: decision.reason, k };
}

export type StatisticCell =
  | { shown: true; n: number; q1: number; median: number; q3: number }
  | { shown: false; n: number; reason: Suppression; k: number };
