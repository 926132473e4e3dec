import { describe, expect, it } from "vitest";
import { changeOf, diffAssessments } from "./diff";
import { scoreAssessment } from "./score";
import { syntheticReferential } from "@/test/scoring/synthetic-referential";
import { SHIPPED, allMet, loadShippedSync, unknown, value } from "@/test/scoring/kit";

describe("[SCORING] comparing two assessments", () => {
  it("ranks status changes", () => {
    expect(changeOf("not_met", "met")).toBe("improved");
    expect(changeOf("partial", "not_met")).toBe("regressed");
    expect(changeOf("unknown", "not_met")).toBe("unchanged");
    expect(changeOf("met", "not_applicable")).toBe("unchanged");
  });

  it("reports improved, regressed and unchanged requirements present in both", () => {
    const referential = loadShippedSync(SHIPPED.hopenSocle);
    const before = scoreAssessment({
      referential,
      options: {},
      answers: allMet(referential, { "P2.1": value("no"), "P2.6": value("no"), "P3.3": value("no") }),
    });
    const after = scoreAssessment({
      referential,
      options: {},
      answers: allMet(referential, { "P2.1": value("no"), "P3.3": value("yes"), "P1.1": unknown }),
    });
    const diff = diffAssessments(before, after);
    expect(diff.counts).toEqual({ improved: 2, regressed: 1, unchanged: referential.requirements.length - 3 });
    const changed = diff.changes
      .filter((c) => c.change !== "unchanged")
      .map((c) => [c.code, c.before, c.after, c.change]);
    expect(changed).toEqual([
      ["P1.1", "met", "unknown", "regressed"],
      ["P2.6", "not_met", "met", "improved"],
      ["P3.3", "not_met", "met", "improved"],
    ]);
  });

  it("ignores codes present on one side only", () => {
    const a = scoreAssessment({ referential: syntheticReferential([{ code: "X" }]), answers: new Map(), options: {} });
    const b = scoreAssessment({ referential: syntheticReferential([{ code: "Y" }]), answers: new Map(), options: {} });
    expect(diffAssessments(a, b)).toEqual({ changes: [], counts: { improved: 0, regressed: 0, unchanged: 0 } });
  });
});
