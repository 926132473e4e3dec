// The small-group rules, in one place, for every output (page, export, API, brief).
//
// A viewer picks a group with filters (département, GHT, category, size band: each "all" or one
// value) and reads figures about it. Two dangers: a group too small (a figure about 3 hospitals
// nearly names them), and differencing: two groups the viewer may both read, whose difference is a
// small group ("Finistère" minus "Finistère without the EPSM" is the EPSM).
//
// The rule: every figure is a sum over its group's members (counts, shares) or a statistic of it.
// Walking the viewer's possible filters from the coarsest to the finest, in a fixed order, a group
// is published only if, together with the groups already published, it splits the population into
// pieces ("atoms": members that belong to exactly the same published groups) of at least k members
// each. Any figure the viewer can compute by adding and subtracting published figures is then a
// combination of atom totals, each over k members or more: no hidden group, and no set of fewer
// than k members, can be solved for. The complementary cells are suppressed by the same walk. The
// decision depends only on the population and k, never on what was asked first, so every viewer of
// the same population, through any output, gets the same cells.

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
 * The published groups of a population for threshold k: a map from filterKey to the decision. A
 * population smaller than k publishes nothing. An empty group is shown (0 of 0 says nothing).
 */
export function publishedGroups(
  members: readonly GroupMember[],
  k: number,
  dimensions: readonly Dimension[] = DIMENSIONS,
): Map<string, Decision> {
  const decisions = new Map<string, Decision>();
  const atomOf = new Map<string, number>(members.map((m) => [m.id, 0]));
  let nextAtom = 1;
  for (const filter of enumerateFilters(members, dimensions)) {
    const key = filterKey(filter);
    const group = members.filter((m) => matches(m, filter));
    const n = group.length;
    if (n === 0) {
      decisions.set(key, { shown: true, n });
      continue;
    }
    if (n < k) {
      decisions.set(key, { shown: false, n, reason: "small" });
      continue;
    }
    // Split every atom by the group; refuse if a non-empty piece falls under k.
    const inside = new Set(group.map((m) => m.id));
    const pieces = new Map<string, number>();
    for (const m of members) {
      const piece = `${atomOf.get(m.id)}:${inside.has(m.id)}`;
      pieces.set(piece, (pieces.get(piece) ?? 0) + 1);
    }
    if ([...pieces.values()].some((size) => size < k)) {
      decisions.set(key, { shown: false, n, reason: "complementary" });
      continue;
    }
    const renumber = new Map<string, number>();
    for (const m of members) {
      const piece = `${atomOf.get(m.id)}:${inside.has(m.id)}`;
      if (!renumber.has(piece)) renumber.set(piece, nextAtom++);
      atomOf.set(m.id, renumber.get(piece)!);
    }
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
  complementary: () => "masqué : se déduirait d'autres chiffres par soustraction",
};
