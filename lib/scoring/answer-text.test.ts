import { describe, expect, it } from "vitest";
import { scoreAssessment } from "./score";
import { syntheticReferential } from "@/test/scoring/synthetic-referential";
import { notApplicable, unknown, value } from "@/test/scoring/kit";

describe("[SCORING] answer and target in words", () => {
  const referential = syntheticReferential([
    { code: "Y" },
    { code: "P", answer: { type: "percentage", target: 90, comparator: ">=", computedFrom: "identity_repo" } },
    {
      code: "C",
      answer: {
        type: "choice",
        options: [
          { value: "a", label: "Aucune" },
          { value: "b", label: "Décision" },
          { value: "c", label: "Sans réserve" },
        ],
        metValues: ["b", "c"],
      },
    },
    { code: "D", answer: { type: "date" } },
    { code: "N", naAllowed: true },
  ]);
  const score = scoreAssessment({
    referential,
    options: {},
    answers: new Map([
      ["Y", { kind: "value", value: "yes", needsConfirmation: true }],
      ["P", value({ percent: 77.8, numerator: 7, denominator: 9 })],
      ["C", value("b")],
      ["D", value("2026-03-01")],
      ["N", notApplicable],
    ]),
  });
  const byCode = new Map(score.requirements.map((r) => [r.code, r]));

  it("describes each kind of answer", () => {
    expect(byCode.get("Y")!.answerText).toBe("Oui (reprise, à confirmer)");
    expect(byCode.get("P")!.answerText).toBe("7 / 9 applications (77,8 %)");
    expect(byCode.get("C")!.answerText).toBe("Décision");
    expect(byCode.get("D")!.answerText).toBe("01/03/2026");
    expect(byCode.get("N")!.answerText).toBe("Non applicable");
    const empty = scoreAssessment({ referential, options: {}, answers: new Map([["Y", unknown]]) });
    expect(empty.requirements.map((r) => r.answerText).slice(0, 2)).toEqual(["Je ne sais pas", "Sans réponse"]);
  });

  it("states the target", () => {
    expect(byCode.get("Y")!.target).toBeNull();
    expect(byCode.get("P")!.target).toBe("≥ 90 %");
    expect(byCode.get("C")!.target).toBe("Décision ou Sans réserve");
  });
});
