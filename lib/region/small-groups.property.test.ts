import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DIMENSIONS,
  enumerateFilters,
  filterKey,
  groupRules,
  matches,
  publishedGroups,
  type Decision,
  type GroupMember,
} from "./small-groups";

// The differencing attack, played out: the viewer knows who is in every group (members' names,
// départements, GHTs are public to them) and reads every published figure under every filter. Each
// figure is a sum over its group's members, so what the viewer can solve for is exactly the span of
// the published groups' membership vectors. Gaussian elimination tells whether a hidden group, or a
// single member, lies in that span.

function vectorOf(members: readonly GroupMember[], group: (m: GroupMember) => boolean): number[] {
  return members.map((m) => (group(m) ? 1 : 0));
}

/** Row-reduced basis of the span (floating point is exact enough for 0/1 vectors of this size). */
function basisOf(vectors: number[][]): number[][] {
  const rows = vectors.map((v) => [...v]);
  const basis: number[][] = [];
  const width = rows[0]?.length ?? 0;
  let rank = 0;
  for (let col = 0; col < width && rank < rows.length; col++) {
    const pivot = rows.findIndex((r, i) => i >= rank && Math.abs(r[col]!) > 1e-9);
    if (pivot < 0) continue;
    [rows[rank], rows[pivot]] = [rows[pivot]!, rows[rank]!];
    const p = rows[rank]!;
    const scale = p[col]!;
    for (let j = 0; j < width; j++) p[j]! /= scale;
    rows.forEach((r, i) => {
      if (i === rank) return;
      const f = r[col]!;
      if (Math.abs(f) > 1e-12) for (let j = 0; j < width; j++) r[j]! -= f * p[j]!;
    });
    rank++;
  }
  for (let i = 0; i < rank; i++) basis.push(rows[i]!);
  return basis;
}

function inSpan(basis: number[][], v: number[]): boolean {
  const rest = [...v];
  for (const b of basis) {
    const col = b.findIndex((x) => Math.abs(x) > 1e-9);
    const f = rest[col]!;
    if (Math.abs(f) > 1e-12) for (let j = 0; j < rest.length; j++) rest[j]! -= f * b[j]!;
  }
  return rest.every((x) => Math.abs(x) < 1e-6);
}

/** Every hidden group and every lone member the viewer could solve for from the visible groups. */
function solvable(members: GroupMember[], decisions: Map<string, Decision>, k: number) {
  const filters = enumerateFilters(members);
  const visible = filters.filter((f) => decisions.get(filterKey(f))?.shown);
  const basis = basisOf(visible.map((f) => vectorOf(members, (m) => matches(m, f))));
  const leaks: string[] = [];
  for (const f of filters) {
    const d = decisions.get(filterKey(f))!;
    if (d.shown || d.n === 0) continue;
    if (
      inSpan(
        basis,
        vectorOf(members, (m) => matches(m, f)),
      )
    )
      leaks.push(`group ${filterKey(f)} (n=${d.n})`);
  }
  if (k > 1)
    for (const m of members)
      if (
        inSpan(
          basis,
          vectorOf(members, (x) => x.id === m.id),
        )
      )
        leaks.push(`member ${m.id}`);
  // Any set of fewer than k members made of one or two "atoms" (members in exactly the same visible
  // groups): the smallest things a combination of figures could isolate.
  const signature = (m: GroupMember) => visible.map((f) => (matches(m, f) ? 1 : 0)).join("");
  const bySignature = new Map<string, GroupMember[]>();
  for (const m of members) bySignature.set(signature(m), [...(bySignature.get(signature(m)) ?? []), m]);
  const atoms = [...bySignature.values()];
  const small = atoms.filter((a) => a.length < k);
  for (let i = 0; i < small.length; i++)
    for (let j = i; j < small.length; j++) {
      const set = new Set([...small[i]!, ...(i === j ? [] : small[j]!)]);
      if (set.size >= k) continue;
      if (
        inSpan(
          basis,
          vectorOf(members, (m) => set.has(m)),
        )
      )
        leaks.push(`atoms ${[...set].map((m) => m.id)}`);
    }
  // Any difference of two groups the viewer can read, if it is a small set, must not be readable.
  for (const a of visible)
    for (const b of visible) {
      const diff = members.filter((m) => matches(m, a) && !matches(m, b));
      const sameSign = members.every((m) => !matches(m, b) || matches(m, a)); // b ⊂ a: a − b is that set
      if (sameSign && diff.length > 0 && diff.length < k) leaks.push(`${filterKey(a)} − ${filterKey(b)}`);
    }
  return leaks;
}

const arbRegion = fc
  .record({
    sizes: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 })),
    n: fc.integer({ min: 3, max: 28 }),
    k: fc.integer({ min: 2, max: 6 }),
    seed: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { minLength: 28, maxLength: 28 }),
  })
  .map(({ sizes, n, k, seed }) => {
    const [deps, ghts, cats] = sizes;
    const members: GroupMember[] = seed.slice(0, n).map(([a, b, c, d], i) => ({
      id: `m${i}`,
      departement: `D${a % deps}`,
      // Some members sit outside any GHT, some have no activity (no size band).
      ght: b % (ghts + 1) === ghts ? null : `G${b % (ghts + 1)}`,
      category: `C${c % cats}`,
      sizeBand: d % 5 === 4 ? null : `B${d % 2}`,
    }));
    return { members, k };
  });

describe("small groups: no differencing", () => {
  it("no hidden group and no single member can be solved from the figures visible under any filter", () => {
    fc.assert(
      fc.property(arbRegion, ({ members, k }) => {
        const decisions = publishedGroups(members, k);
        for (const d of decisions.values()) if (d.shown) expect(d.n === 0 || d.n >= k).toBe(true);
        expect(solvable(members, decisions, k)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it("the solver does find the leak of the naive rule (hide only the groups under k)", () => {
    // Finistère: 6 members, the EPSM alone in its category. Naive: show every group of ≥ 5.
    const members: GroupMember[] = [
      ...["a", "b", "c", "d", "e"].map((id) => ({ id, departement: "29", ght: "UHC", category: "CH", sizeBand: "M" })),
      { id: "epsm", departement: "29", ght: "UHC", category: "EPSM", sizeBand: "M" },
    ];
    const naive = new Map<string, Decision>(
      enumerateFilters(members).map((f) => {
        const n = members.filter((m) => matches(m, f)).length;
        return [filterKey(f), n >= 5 || n === 0 ? { shown: true, n } : { shown: false, n, reason: "small" as const }];
      }),
    );
    expect(solvable(members, naive, 5)).toContain("member epsm");
    // The module hides the complementary "CH" cell too: the whole of Finistère is all that shows.
    const decisions = publishedGroups(members, 5);
    expect(decisions.get(filterKey({}))).toEqual({ shown: true, n: 6 });
    expect(decisions.get(filterKey({ category: "CH" }))).toMatchObject({ shown: false, reason: "complementary" });
    expect(decisions.get(filterKey({ category: "EPSM" }))).toMatchObject({ shown: false, reason: "small" });
    expect(solvable(members, decisions, 5)).toEqual([]);
  });

  it("the decision depends on the population only, not on the order the viewer asks", () => {
    fc.assert(
      fc.property(arbRegion, ({ members, k }) => {
        const shuffled = [...members].reverse();
        const a = publishedGroups(members, k);
        const b = publishedGroups(shuffled, k);
        expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
      }),
      { numRuns: 50 },
    );
  }, 60_000);
});

describe("groupRules: the views' path", () => {
  it("gives, for every filter a viewer can ask, the decision of publishedGroups (empty groups included)", () => {
    fc.assert(
      fc.property(arbRegion, ({ members, k }) => {
        const rules = groupRules(members, { count: k, statistic: k + 3 });
        const counts = publishedGroups(members, k);
        const statistics = publishedGroups(members, k + 3);
        for (const f of enumerateFilters(members)) {
          expect(rules.count(f)).toEqual(counts.get(filterKey(f)));
          expect(rules.statistic(f)).toEqual(statistics.get(filterKey(f)));
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe("thresholds", () => {
  const region = (n: number): GroupMember[] =>
    Array.from({ length: n }, (_, i) => ({ id: `m${i}`, departement: "29", ght: null, category: "CH", sizeBand: "M" }));
  it.each([
    [4, 5, false],
    [5, 5, true],
    [9, 10, false],
    [10, 10, true],
  ])("%i members against k = %i → shown: %s", (n, k, shown) => {
    expect(publishedGroups(region(n), k).get(filterKey({}))?.shown).toBe(shown);
  });
  it("names every dimension it filters on", () => {
    expect(DIMENSIONS).toEqual(["departement", "ght", "category", "sizeBand"]);
  });
});
