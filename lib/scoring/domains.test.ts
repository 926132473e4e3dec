import { describe, expect, it } from "vitest";
import { scoreAssessment } from "./score";
import { syntheticReferential } from "@/test/scoring/synthetic-referential";
import { notApplicable, unknown, value } from "@/test/scoring/kit";

describe("[SCORING] domain and overall scores", () => {
  const referential = syntheticReferential([
    { code: "A1", domain: "A", weight: 3 },
    { code: "A2", domain: "A", weight: 1, answer: { type: "yes_partial_no" } },
    { code: "A3", domain: "A", weight: 2, naAllowed: true },
    { code: "B1", domain: "B", weight: 1, naAllowed: true },
    { code: "C1", domain: "C", weight: 2 },
  ]);

  it("weighs met as 1 and partial as 0.5; N/A leaves the denominator; null when nothing applies", () => {
    const score = scoreAssessment({
      referential,
      options: {},
      answers: new Map([
        ["A1", value("yes")],
        ["A2", value("partial")],
        ["A3", notApplicable],
        ["B1", notApplicable],
        ["C1", unknown],
      ]),
    });
    // A: (3 + 0.5) / 4 = 87.5 % → 88; B: nothing applicable; C: unknown counts 0 of 2.
    expect(score.domains.map((d) => [d.code, d.score])).toEqual([
      ["A", 88],
      ["B", null],
      ["C", 0],
    ]);
    // Overall: 3.5 / 6 = 58.3 %.
    expect(score.overall).toBe(58);
    expect(score.counts).toEqual({ met: 1, partial: 1, not_met: 0, unknown: 1, not_applicable: 2 });
    expect(score.domains[0]!.counts).toEqual({ met: 1, partial: 1, not_met: 0, unknown: 0, not_applicable: 1 });
  });

  it("gives a null overall when every requirement is N/A", () => {
    const onlyNa = syntheticReferential([{ code: "X", naAllowed: true }]);
    const score = scoreAssessment({ referential: onlyNa, options: {}, answers: new Map([["X", notApplicable]]) });
    expect(score.overall).toBeNull();
    expect(score.domains[0]!.score).toBeNull();
  });

  it("omits a domain whose requirements are all hidden", () => {
    const hidden = syntheticReferential([
      { code: "X", domain: "A" },
      { code: "Y", domain: "B", showIf: { code: "X", equals: "yes" } },
    ]);
    const score = scoreAssessment({ referential: hidden, options: {}, answers: new Map([["X", value("no")]]) });
    expect(score.domains.map((d) => d.code)).toEqual(["A"]);
  });
});
