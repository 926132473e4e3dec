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

/** The values of each dimension, and the order of filters on them. */
function filterOrder(members: readonly GroupMember[], dimensions: readonly Dimension[]) {
  const values = dimensions.map((d) =>
    [...new Set(members.map((m) => m[d]).filter((v): v is string => v !== null))].sort(),
  );
  // Coarsest first; among equally fine filters, by the dimensions they fix in the order given
  // (départements before GHTs before categories before size bands), then by value (localeCompare,
  // read once per value as a rank, ties in the order of the values' code units). Thousands of
  // filters are ordered on every view: the order is a key of small integers.
  const ranks = values.map((list) => {
    const sorted = [...list].sort((a, b) => a.localeCompare(b));
    const rank = new Map<string, number>();
    sorted.forEach((v, i) =>
      rank.set(v, i > 0 && sorted[i - 1]!.localeCompare(v) === 0 ? rank.get(sorted[i - 1]!)! : i),
    );
    return rank;
  });
  const positions = values.map((list) => new Map(list.map((v, i) => [v, i])));
  const sortKey = (f: Filter) => {
    const fixed = dimensions.flatMap((d, i) => (f[d] === undefined ? [] : [i]));
    const value = (i: number) => f[dimensions[i]!]!;
    return [
      fixed.length,
      ...fixed,
      ...fixed.map((i) => ranks[i]!.get(value(i))!),
      ...fixed.map((i) => positions[i]!.get(value(i))!),
    ];
  };
  const sort = (filters: readonly Filter[]) =>
    filters
      .map((f) => ({ f, key: sortKey(f) }))
      .sort((a, b) => {
        if (a.key.length !== b.key.length) return a.key.length - b.key.length;
        for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
        return 0;
      })
      .map((x) => x.f);
  return { values, sort };
}

/** Every filter combination a viewer can ask for on these members, coarsest first, in a fixed order. */
export function enumerateFilters(members: readonly GroupMember[], dimensions: readonly Dimension[] = DIMENSIONS) {
  const { values, sort } = filterOrder(members, dimensions);
  let filters: Filter[] = [{}];
  dimensions.forEach((d, i) => {
    filters = filters.flatMap((f) => [f, ...values[i]!.map((v) => ({ ...f, [d]: v }))]);
  });
  return sort(filters);
}

/**
 * The non-empty groups of a population in the order of enumerateFilters, each with its members
 * (indices). An empty group is shown whatever k (0 of 0 says nothing) and adds nothing to what a
 * viewer can solve for, so the rules skip them: a member is in the groups fixing some of its known
 * values, 16 at most, where the combinations of filter values run to thousands.
 */
type Population = { ids: string[]; groups: { key: string; members: number[] }[] };

function populationOf(members: readonly GroupMember[], dimensions: readonly Dimension[]): Population {
  const byKey = new Map<string, { filter: Filter; members: number[] }>();
  members.forEach((m, index) => {
    for (let mask = 0; mask < 1 << dimensions.length; mask++) {
      const filter: Filter = {};
      let known = true;
      dimensions.forEach((d, i) => {
        if (!(mask & (1 << i))) return;
        const v = m[d];
        if (v === null) known = false;
        else filter[d] = v;
      });
      if (!known) continue;
      const key = filterKey(filter);
      const group = byKey.get(key);
      if (group) group.members.push(index);
      else byKey.set(key, { filter, members: [index] });
    }
  });
  const ordered = filterOrder(members, dimensions).sort([...byKey.values()].map((g) => g.filter));
  return {
    ids: members.map((m) => m.id),
    groups: ordered.map((filter) => {
      const key = filterKey(filter);
      return { key, members: byKey.get(key)!.members };
    }),
  };
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

/** The decisions on the non-empty groups of a population for threshold k (see publishedGroups). */
function decide({ ids, groups }: Population, k: number): Map<string, Decision> {
  const decisions = new Map<string, Decision>();
  const count = ids.length;
  // Members in the order of their ids: a piece is numbered by its first member in that order, so
  // that the decision never depends on the order the members were read in.
  const byId = ids.map((_, i) => i).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  const atomOf = new Int32Array(count); // the piece each member is in, among the published groups
  const index = new Int32Array(2 * count);
  const basis: { row: number[]; pivot: number }[] = [];
  for (const { key, members } of groups) {
    const n = members.length;
    if (n < k) {
      decisions.set(key, { shown: false, n, reason: "small" });
      continue;
    }
    const vector = new Array<number>(count).fill(0);
    for (const i of members) vector[i] = 1;
    // The pieces once this group is added: every current piece split by the group (2 × piece + inside).
    index.fill(-1);
    const representative: number[] = [];
    const sizes: number[] = [];
    for (const i of byId) {
      const p = 2 * atomOf[i]! + vector[i]!;
      if (index[p] === -1) {
        index[p] = representative.length;
        representative.push(i);
        sizes.push(0);
      }
      sizes[index[p]!]! += 1;
    }
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
    for (let i = 0; i < count; i++) atomOf[i] = index[2 * atomOf[i]! + vector[i]!]!;
    addToBasis(basis, vector);
    decisions.set(key, { shown: true, n });
  }
  return decisions;
}

/**
 * The published groups of a population for threshold k: a map from filterKey to the decision, for
 * every filter of enumerateFilters. A population smaller than k publishes nothing. An empty group
 * is shown (0 of 0 says nothing).
 */
export function publishedGroups(
  members: readonly GroupMember[],
  k: number,
  dimensions: readonly Dimension[] = DIMENSIONS,
): Map<string, Decision> {
  const decided = decide(populationOf(members, dimensions), k);
  return new Map(
    enumerateFilters(members, dimensions).map((f) => {
      const key = filterKey(f);
      return [key, decided.get(key) ?? { shown: true, n: 0 }];
    }),
  );
}

/**
 * The decisions depend on the population (who is in it, with which values) and k only, never on the
 * order members are read in: they are kept for the populations seen last, so that a viewer moving
 * between filters, outputs and pages of the same campaign does not pay for them again. Any change
 * (a member shares its detail, submits, moves GHT) makes another population, hence another key.
 */
const DECISIONS_KEPT = 16;
const decisionCache = new Map<string, Map<string, Decision>>();

function populationKey(members: readonly GroupMember[], dimensions: readonly Dimension[]): string {
  const rows = members.map((m) => [m.id, ...DIMENSIONS.map((d) => m[d] ?? "")].join("\u0001"));
  return `${dimensions.join(",")}|${rows.sort().join("\u0002")}`;
}

function remembered(key: string, work: () => Map<string, Decision>): Map<string, Decision> {
  const known = decisionCache.get(key);
  if (known) {
    decisionCache.delete(key); // most recently used last
    decisionCache.set(key, known);
    return known;
  }
  const made = work();
  decisionCache.set(key, made);
  if (decisionCache.size > DECISIONS_KEPT) decisionCache.delete(decisionCache.keys().next().value!);
  return made;
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
  // Each table is worked out on its first question (some views never ask for statistics), over
  // the non-empty groups only: the same decisions as publishedGroups, without its empty filters.
  let population: Population | undefined;
  let counts: Map<string, Decision> | undefined;
  let statistics: Map<string, Decision> | undefined;
  const key = populationKey(members, dimensions);
  const table = (k: number) =>
    remembered(`${k}|${key}`, () => decide((population ??= populationOf(members, dimensions)), k));
  const lookup = (table: Map<string, Decision>, filter: Filter): Decision => {
    const known = table.get(filterKey(filter));
    if (known) return known;
    // An empty group, a filter on a value nobody holds, or on a dimension the viewer cannot choose
    // here: refused unless it is empty (nothing to hide).
    const n = members.filter((m) => matches(m, filter)).length;
    return n === 0 ? { shown: true, n } : { shown: false, n, reason: "complementary" };
  };
  return {
    count: (f) => lookup((counts ??= table(thresholds.count)), f),
    statistic: (f) => lookup((statistics ??= table(thresholds.statistic)), f),
  };
}

export const SUPPRESSION_TEXT: Record<Suppression, (k: number) => string> = {
  small: (k) => `moins de ${k} établissements`,
  complementary: () => "se déduirait d'autres chiffres par soustraction",
};
