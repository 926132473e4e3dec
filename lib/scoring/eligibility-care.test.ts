import { describe, expect, it } from "vitest";
import { coveredShare } from "./coverage";
import { scoreAssessment } from "./score";
import { SHIPPED, allMet, loadShippedSync, value } from "@/test/scoring/kit";
import type { CoverageMember } from "./types";

// A GHT of three legal entities at 50 %, 30 % and 20 % of the combined activity.
function ght(covered: string[]): { members: CoverageMember[] } {
  const members = [
    { id: "a", name: "CH A", activity: 50_000 },
    { id: "b", name: "CH B", activity: 30_000 },
    { id: "c", name: "CH C", activity: 20_000 },
  ];
  return { members: members.map((m) => ({ ...m, covered: covered.includes(m.id) })) };
}

describe("[SCORING] CaRE D2: prerequisites, then objectives, with the 66 % coverage rule", () => {
  const referential = loadShippedSync(SHIPPED.careD2);
  const score = (overrides = {}, coverage?: { members: CoverageMember[] }) =>
    scoreAssessment({ referential, answers: allMet(referential, overrides), options: {}, coverage });

  it("is eligible when all is met and no coverage applies (single legal entity)", () => {
    expect(score().verdict).toMatchObject({ eligible: true, headline: "Éligible" });
  });

  it("asks for the prerequisites first", () => {
    const { verdict } = score({ "D2.P1": value("no"), "D2.O4": value("no") });
    expect(verdict.headline).toBe("Pas encore éligible : 1 prérequis et 1 objectif manquent");
    expect(verdict.blockingMissing.map((r) => r.code)).toEqual(["D2.P1", "D2.O4"]);
    expect(verdict.reasons.some((r) => r.startsWith("Prérequis d'abord") && r.includes("D2.P1"))).toBe(true);
  });

  it("then lists the objectives left once the prerequisites are met", () => {
    const { verdict } = score({ "D2.O3.C": value("no") });
    expect(verdict.headline).toBe("Pas encore éligible : 1 objectif manque");
    expect(verdict.reasons).toContain("Prérequis remplis ; reste à atteindre : D2.O3.C.");
  });

  it("counts covered members at 50 % + 30 % = 80 % ≥ 66 %: eligible side", () => {
    expect(coveredShare(ght(["a", "b"]).members)).toBeCloseTo(0.8);
    const { verdict, requirements } = score({}, ght(["a", "b"]));
    expect(verdict.eligible).toBe(true);
    expect(requirements.find((r) => r.code === "D2.O1.C")!.status).toBe("met");
  });

  it.each([
    [["a"], "50 %"],
    [["b", "c"], "50 %"],
    [[], "0 %"],
  ])("refuses coverage %j: the objectives it applies to are not met, naming the share", (covered, share) => {
    const { verdict, requirements } = score({}, ght(covered));
    expect(verdict.eligible).toBe(false);
    expect(verdict.blockingMissing.map((r) => r.code)).toEqual(["D2.O1.C", "D2.O1.D"]);
    expect(verdict.headline).toBe("Pas encore éligible : 2 objectifs manquent");
    expect(verdict.reasons.some((r) => r.includes(`Couverture ${share} < 66 %`))).toBe(true);
    expect(requirements.find((r) => r.code === "D2.O1.C")!.answerText).toBe(`Oui — couverture ${share} < 66 %`);
    expect(requirements.find((r) => r.code === "D2.O2.A")!.status).toBe("met");
  });

  it("accepts exactly 66 % of the activity", () => {
    const members = [
      { id: "a", name: "A", activity: 66, covered: true },
      { id: "b", name: "B", activity: 34, covered: false },
    ];
    expect(score({}, { members }).verdict.eligible).toBe(true);
  });

  it("cannot prove coverage when no member has an activity recorded", () => {
    const members = [{ id: "a", name: "A", activity: 0, covered: true }];
    const { verdict } = score({}, { members });
    expect(verdict.eligible).toBe(false);
    expect(verdict.reasons.some((r) => r.startsWith("Couverture non calculable"))).toBe(true);
  });
});

describe("[SCORING] CaRE D1: prerequisites_then_objectives without coverage", () => {
  const referential = loadShippedSync(SHIPPED.careD1);

  it("ignores a coverage input the referential does not ask for", () => {
    const result = scoreAssessment({ referential, answers: allMet(referential), options: {}, coverage: ght(["c"]) });
    expect(result.verdict.eligible).toBe(true);
  });

  it("names the missing crisis-plan prerequisite", () => {
    const result = scoreAssessment({
      referential,
      answers: allMet(referential, { "D1.P1": value("no") }),
      options: {},
    });
    expect(result.verdict.headline).toBe("Pas encore éligible : 1 prérequis manque");
  });
});
