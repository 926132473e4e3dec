import { describe, expect, it } from "vitest";
import { ghtCoverage, type CoverageInput } from "./ght-coverage";

const member = (id: string, activity: number | null, meets: boolean | null, sees = true): CoverageInput => ({
  id,
  name: id,
  activity,
  meetsObjective: meets,
  viewerSeesDetail: sees,
});

describe("CaRE D2 coverage of a GHT", () => {
  it("is the share of combined activity held by members meeting the objective", () => {
    const c = ghtCoverage([member("a", 700, true), member("b", 300, false)], 0.66, 0.85);
    expect(c).toMatchObject({ shown: true, share: 0.7, reached: true });
  });

  it("shows a member with no activity as missing data, never as zero", () => {
    const c = ghtCoverage([member("a", 500, true), member("b", 500, false), member("c", null, true)], 0.66, 0.85);
    expect(c).toMatchObject({ shown: true, share: 0.5, reached: false, missingActivity: ["c"], total: 1000 });
  });

  it("hides the figure when one member holds 90 % and the viewer may not see its detail", () => {
    const members = [member("big", 900, null, false), member("s1", 50, true), member("s2", 50, true)];
    expect(ghtCoverage(members, 0.66, 0.85)).toEqual({
      shown: false,
      reason: "dominance",
      minShare: 0.66,
      missingActivity: [],
    });
  });

  it("shows it to a viewer who may already see the dominant member's detail", () => {
    const members = [member("big", 900, true, true), member("s1", 50, false), member("s2", 50, false)];
    expect(ghtCoverage(members, 0.66, 0.85)).toMatchObject({ shown: true, share: 0.9, reached: true });
  });

  it("says no figure when no member has any activity recorded", () => {
    expect(ghtCoverage([member("a", null, true)], 0.66, 0.85)).toMatchObject({ shown: false, reason: "no_activity" });
  });

  it("counts members of unknown status as not known to meet, and says how many", () => {
    const c = ghtCoverage([member("a", 600, true), member("b", 400, null, false)], 0.66, 0.85);
    expect(c).toMatchObject({ shown: true, share: 0.6, unknown: 1 });
  });
});
