// CaRE D2 coverage of a GHT, as its coordinator reads it: the share of the members' combined yearly
// activity held by members that meet the objective (every requirement of the referential's coverage
// rule met on their submitted revision), against the rule's minimum (66 % in CaRE D2).
//
// - A member with no activity recorded is missing data: out of both sums and listed, never a zero.
// - A member whose detail the viewer may not see counts as "not known to meet" (its answers are its
//   own); the figure is then a floor, and says so.
// - Dominance: when one member holds more than `dominanceShare` of the combined activity, the figure
//   is nearly that member's own result, so it is shown only to a viewer who may see that member's detail.

export type CoverageInput = {
  id: string;
  name: string;
  activity: number | null;
  /** null: not submitted, or detail not visible to this viewer. */
  meetsObjective: boolean | null;
  viewerSeesDetail: boolean;
};

export type GhtCoverage =
  | {
      shown: true;
      share: number;
      minShare: number;
      reached: boolean;
      /** Members counted as "not known to meet" because their detail is not visible or not submitted. */
      unknown: number;
      missingActivity: string[];
      total: number;
    }
  | { shown: false; reason: "no_activity" | "dominance"; minShare: number; missingActivity: string[] };

export function ghtCoverage(members: readonly CoverageInput[], minShare: number, dominanceShare: number): GhtCoverage {
  const missingActivity = members.filter((m) => m.activity === null).map((m) => m.name);
  const weighed = members.filter((m): m is CoverageInput & { activity: number } => m.activity !== null);
  const total = weighed.reduce((sum, m) => sum + Math.max(0, m.activity), 0);
  if (total <= 0) return { shown: false, reason: "no_activity", minShare, missingActivity };
  const dominant = weighed.find((m) => m.activity / total > dominanceShare);
  if (dominant && !dominant.viewerSeesDetail) return { shown: false, reason: "dominance", minShare, missingActivity };
  const covered = weighed.filter((m) => m.meetsObjective === true).reduce((sum, m) => sum + m.activity, 0);
  const share = covered / total;
  return {
    shown: true,
    share,
    minShare,
    reached: share + 1e-9 >= minShare,
    unknown: weighed.filter((m) => m.meetsObjective === null).length,
    missingActivity,
    total,
  };
}
