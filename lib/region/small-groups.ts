// The small-group rules, in one place, for every output (page, export, API, brief).
//
// A viewer picks a group with filters (département, GHT, category, size band: each "all" or one
// value) and reads figures about it. Two dangers: a group too small (a figure about 3 hospitals
// nearly names them), and differencing: two groups the viewer may both read, whose difference is a
// small group ("Finistère" minus "Finistère without the EPSM" is the EPSM).
//
// The rule: every figure is a sum over its group's members (counts, shares) or a statistic of it.
// Walking the viewer's possible filters from the coarsest to the finest, in a fixed order, a group
// of at least k members is published only if, together with the groups already published, adding
// and subtracting figures cannot isolate a set of fewer than k members (checked exactly by linear
// algebra on the "pieces": members that belong to exactly the same groups). Otherwise it is hidden
// as a complementary cell. The decision depends only on the population and k, never on what was
// asked first, so every viewer of the same population, through any output, gets the same cells.

export const DIMENSIONS = ["departement", "ght", "category", "sizeBand"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type GroupMember = { id: string } & Record<Dimension, string | null>;
export type Filter = Partial<Record<Dimension, string>>;

export type Suppression = "small" | "complementary";
export type Decision = { shown: true; n: number } | { shown: false; n: number; reason: Suppression };

export function filterKey(filter: Filter): string {
  return DIMENSIONS.map((d) => `${d}=${filter[d] ?? "*"}`).join("&");
}

export function matches(member: GroupMember, filter: Filter): boolean {
  return DIMENSIONS.every((d) => filter[d] === undefined || member[d] === filter[d]);
}

/** Every filter combination a viewer can ask for on these members, coarsest first, in a fixed order. */
export function enumerateFilters(members: readonly GroupMember[], dimensions: readonly Dimension[] = DIMENSIONS) {
  const values = dimensions.map((d) =>
    [...new Set(members.map((m) => m[d]).filter((v): v is string => v !== null))].sort(),
  );
  let filters: Filter[] = [{}];
  dimensions.forEach((d, i) => {
    filters = filters.flatMap((f) => [f, ...values[i]!.map((v) => ({ ...f, [d]: v }))]);
  });
  // Coarsest first; among equally fine filters, by the dimensions they fix in the order given
  // (départements before GHTs before categories before size bands), then by value.
  const fixedDims = (f: Filter) => dimensions.map((d, i) => (f[d] === undefined ? -1 : i)).filter((i) => i >= 0);
  const compare = (a: Filter, b: Filter) => {
    const da = fixedDims(a);
    const db = fixedDims(b);
    if (da.length !== db.length) return da.length - db.length;
    for (let i = 0; i < da.length; i++) if (da[i] !== db[i]) return da[i]! - db[i]!;
    for (const d of dimensions) {
      const c = (a[d] ?? "").localeCompare(b[d] ?? "");
      if (c !== 0) return c;
    }
    return 0;
  };
  return filters.sort(compare);
}

/**
 * Linear algebra of what a viewer can solve for. Every published figure is a sum over its group, so
 * what is solvable is the span of the published groups' membership vectors. Those vectors are
 * constant on the pieces (members in exactly the same groups), so the work is done in piece
 * coordinates. A new group is refused when, with it, the span would contain the indicator of a set
 * of pieces totalling fewer than k members (a hidden small group, or one member, solved for).
 */
const EPS = 1e-9;

/** Row echelon form (in place), columns visited in `order`; returns the rows kept and their pivot columns. */
function echelon(rows: number[][], order: readonly number[]): { rows: number[][]; pivots: number[] } {
  const kept: number[][] = [];
  const pivots: number[] = [];
  const pending = [...rows];
  const width = rows[0]?.length ?? 0;
  for (const col of order) {
    if (pending.length === 0) break;
    let at = -1;
    for (let i = 0; i < pending.length && at < 0; i++) if (Math.abs(pending[i]![col]!) > EPS) at = i;
    if (at < 0) continue;
    const pivot = pending[at]!;
    pending[at] = pending[pending.length - 1]!;
    pending.pop();
    const scale = pivot[col]!;
    for (let j = 0; j < width; j++) pivot[j]! /= scale;
    for (const group of [pending, kept])
      for (const r of group) {
        const f = r[col]!;
        if (Math.abs(f) > EPS) for (let j = 0; j < width; j++) r[j]! -= f * pivot[j]!;
      }
    kept.push(pivot);
    pivots.push(col);
  }
  return { rows: kept, pivots };
}

/** Work bound of the exact check (rows × pieces²), about a millisecond. */
const EXACT_CHECK_BOUND = 100_000;

/** Beyond this many candidate sets, a group is refused without looking further (fail closed). */
const SEARCH_BUDGET = 1_000;

/** Whether some set of small pieces totalling fewer than k members has its indicator in the span. */
function solvesSmallSet(span: number[][], sizes: readonly number[], k: number): boolean {
  const small = sizes.map((size, i) => (size < k ? i : -1)).filter((i) => i >= 0);
  if (small.length === 0) return false;
  const large = sizes.map((size, i) => (size >= k ? i : -1)).filter((i) => i >= 0);
  // Large pieces first: the rows whose pivot is a small piece span exactly the part of the span
  // that is zero on every large piece (W). Only W can hold a set of small pieces, and a vector of W
  // is fixed by its values at W's pivots: a set is a choice of pivots set to 1 (the others 0).
  const { rows, pivots } = echelon(
    span.map((r) => [...r]),
    [...large, ...small],
  );
  const w = rows.flatMap((r, i) => (sizes[pivots[i]!]! < k ? [{ row: r, size: sizes[pivots[i]!]! }] : []));
  if (w.length === 0) return false;
  let budget = SEARCH_BUDGET;
  const isSmallSet = (v: number[]) => {
    let total = 0;
    for (let j = 0; j < v.length; j++) {
      const x = v[j]!;
      if (Math.abs(x) < 1e-6) continue;
      if (Math.abs(x - 1) > 1e-6) return false;
      total += sizes[j]!;
    }
    return total > 0 && total < k;
  };
  const search = (from: number, sum: number[], total: number): boolean => {
    for (let i = from; i < w.length; i++) {
      if (--budget < 0) return true;
      const t = total + w[i]!.size;
      if (t >= k) continue;
      const next = sum.map((x, j) => x + w[i]!.row[j]!);
      if (isSmallSet(next) || search(i + 1, next, t)) return true;
    }
    return false;
  };
  return search(0, new Array<number>(sizes.length).fill(0), 0);
}

/** Adds a vector to a reduced basis (member coordinates); returns false when it was already in the span. */
function addToBasis(basis: { row: number[]; pivot: number }[], vector: number[]): boolean {
  const v = [...vector];
  for (const b of basis) {
    const f = v[b.pivot]!;
    if (Math.abs(f) > EPS) for (let j = 0; j < v.length; j++) v[j]! -= f * b.row[j]!;
  }
  const pivot = v.findIndex((x) => Math.abs(x) > EPS);
  if (pivot < 0) return false;
  const scale = v[pivot]!;
  for (let j = 0; j < v.length; j++) v[j]! /= scale;
  for (const b of basis) {
    const f = b.row[pivot]!;
    if (Math.abs(f) > EPS) for (let j = 0; j < v.length; j++) b.row[j]! -= f * v[j]!;
  }
  basis.push({ row: v, pivot });
  return true;
}

/**
 * The published groups of a population for threshold k: a map from filterKey to the decision. A
 * population smaller than k publishes nothing. An empty group is shown (0 of 0 says nothing).
 */
export function publishedGroups(
  members: readonly GroupMember[],
  k: number,
  dimensions: readonly Dimension[] = DIMENSIONS,
): Map<string, Decision> {
  const decisions = new Map<string, Decision>();
  const ids = members.map((m) => m.id);
  const atomOf = ids.map(() => 0);
  let nextAtom = 1;
  const basis: { row: number[]; pivot: number }[] = [];
  for (const filter of enumerateFilters(members, dimensions)) {
    const key = filterKey(filter);
    const inside = members.map((m) => matches(m, filter));
    const n = inside.filter(Boolean).length;
    if (n === 0) {
      decisions.set(key, { shown: true, n });
      continue;
    }
    if (n < k) {
      decisions.set(key, { shown: false, n, reason: "small" });
      continue;
    }
    // The pieces once this group is added: every current piece split by the group.
    // Pieces in a canonical order (by their first member id), so that the decision never depends
    // on the order the members were read in.
    const pieceKey = ids.map((_, i) => `${atomOf[i]}:${inside[i]}`);
    const first = new Map<string, number>();
    pieceKey.forEach((p, i) => {
      const known = first.get(p);
      if (known === undefined || ids[i]! < ids[known]!) first.set(p, i);
    });
    const ordered = [...first.entries()].sort(([, a], [, b]) => (ids[a]! < ids[b]! ? -1 : 1));
    const index = new Map(ordered.map(([p], i) => [p, i]));
    const representative = ordered.map(([, i]) => i);
    const sizes: number[] = ordered.map(() => 0);
    pieceKey.forEach((p) => (sizes[index.get(p)!]! += 1));
    const vector = inside.map((x) => (x ? 1 : 0));
    if (sizes.some((size) => size < k)) {
      // The exact check costs rows × pieces²; past a bound (large regions at fine filters, where
      // pieces are many) the group is refused as the simple rule would: fail closed, stay fast.
      if ((basis.length + 1) * sizes.length * sizes.length > EXACT_CHECK_BOUND) {
        decisions.set(key, { shown: false, n, reason: "complementary" });
        continue;
      }
      const span = [...basis.map((b) => b.row), vector].map((row) => representative.map((i) => row[i]!));
      if (solvesSmallSet(span, sizes, k)) {
        decisions.set(key, { shown: false, n, reason: "complementary" });
        continue;
      }
    }
    pieceKey.forEach((p, i) => (atomOf[i] = nextAtom + index.get(p)!));
    nextAtom += sizes.length;
    addToBasis(basis, vector);
    decisions.set(key, { shown: true, n });
  }
  return decisions;
}

/** The rules of one population: ask with a filter, get the decision for counts or for statistics. */
export type GroupRules = {
  count(filter: Filter): Decision;
  statistic(filter: Filter): Decision;
};

export function groupRules(
  members: readonly GroupMember[],
  thresholds: { count: number; statistic: number },
  dimensions: readonly Dimension[] = DIMENSIONS,
): GroupRules {
  const counts = publishedGroups(members, thresholds.count, dimensions);
  const statistics = publishedGroups(members, thresholds.statistic, dimensions);
  const lookup = (table: Map<string, Decision>, filter: Filter): Decision => {
    const known = table.get(filterKey(filter));
    if (known) return known;
    // A filter on a value nobody holds, or on a dimension the viewer cannot choose here: refused
    // unless it is empty (nothing to hide).
    const n = members.filter((m) => matches(m, filter)).length;
    return n === 0 ? { shown: true, n } : { shown: false, n, reason: "complementary" };
  };
  return { count: (f) => lookup(counts, f), statistic: (f) => lookup(statistics, f) };
}

export const SUPPRESSION_TEXT: Record<Suppression, (k: number) => string> = {
  small: (k) => `moins de ${k} établissements`,
  complementary: () => "se déduirait d'autres chiffres par soustraction",
};
