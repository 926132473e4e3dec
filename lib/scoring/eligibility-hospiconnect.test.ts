import { describe, expect, it } from "vitest";
import { scoreAssessment } from "./score";
import { SHIPPED, allMet, loadShippedSync, value } from "@/test/scoring/kit";

describe("[SCORING] HospiConnect: targets_of_year", () => {
  const referential = loadShippedSync(SHIPPED.hospiconnect);
  const score = (year: string | undefined, overrides = {}) =>
    scoreAssessment({
      referential,
      answers: allMet(referential, overrides, year ?? null),
      options: year ? { targetYear: year } : {},
    });

  it("is eligible when every objective reaches the chosen year's target", () => {
    expect(score("2027").verdict).toMatchObject({
      eligible: true,
      headline: "Éligible",
      reasons: ["Objectifs jugés sur les cibles 2027."],
    });
    expect(score("2028").verdict.eligible).toBe(true);
  });

  it("judges the same answers against the year's target: 80 % consent meets 2027, not 2028", () => {
    const answers = { "2.1": value(80), "1.0": value("with_reserves") };
    const in2027 = score("2027", answers);
    expect(in2027.verdict.eligible).toBe(true);
    expect(in2027.requirements.find((r) => r.code === "2.1")!.target).toBe("75 % du flux mensuel de patients");
    const in2028 = scoreAssessment({
      referential,
      answers: allMet(referential, answers, "2028"),
      options: { targetYear: "2028" },
    });
    expect(in2028.verdict.eligible).toBe(false);
    expect(in2028.verdict.blockingMissing.map((r) => r.code)).toEqual(["1.0", "2.1"]);
    expect(in2028.verdict.headline).toBe("Pas encore éligible : 2 objectifs manquent");
  });

  it("is not eligible until the target year is chosen", () => {
    const { verdict } = score(undefined);
    expect(verdict.eligible).toBe(false);
    expect(verdict.headline).toBe("Pas encore éligible : « Année cible » à renseigner");
  });

  it("names the 2026 launch prerequisites before the objectives", () => {
    const { verdict } = score("2027", { "2026.cadrage": value("no"), "1.3": value("none") });
    expect(verdict.blockingMissing.map((r) => r.code)).toEqual(["2026.cadrage", "1.3"]);
    expect(verdict.headline).toBe("Pas encore éligible : 1 prérequis et 1 objectif manquent");
  });
});
