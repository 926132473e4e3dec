import { describe, expect, it } from "vitest";
import { scoreAssessment } from "./score";
import { syntheticReferential, type SyntheticRequirement } from "@/test/scoring/synthetic-referential";
import { notApplicable, unknown, value } from "@/test/scoring/kit";
import type { ScoreAnswer } from "./types";

function statusOf(
  req: Omit<SyntheticRequirement, "code">,
  answer: ScoreAnswer | undefined,
  options: Record<string, unknown> = {},
) {
  const referential = syntheticReferential([{ code: "R1", ...req }]);
  const answers = new Map(answer ? [["R1", answer]] : []);
  return scoreAssessment({ referential, answers, options }).requirements[0]?.status;
}

describe("[SCORING] status of one requirement", () => {
  it("yes → met, partial → partial, no → not met", () => {
    expect(statusOf({}, value("yes"))).toBe("met");
    expect(statusOf({}, value("no"))).toBe("not_met");
    expect(statusOf({ answer: { type: "yes_partial_no" } }, value("partial"))).toBe("partial");
    expect(statusOf({ answer: { type: "yes_partial_no" } }, value("yes"))).toBe("met");
    expect(statusOf({ answer: { type: "yes_partial_no" } }, value("no"))).toBe("not_met");
  });

  it("compares a percentage with its target and comparator", () => {
    const pct = (comparator: ">=" | ">" | "<=" | "<") => ({
      answer: { type: "percentage" as const, target: 80, comparator },
    });
    expect(statusOf(pct(">="), value(80))).toBe("met");
    expect(statusOf(pct(">="), value(79.9))).toBe("not_met");
    expect(statusOf(pct(">"), value(80))).toBe("not_met");
    expect(statusOf(pct("<="), value(80))).toBe("met");
    expect(statusOf(pct("<"), value(80))).toBe("not_met");
    expect(statusOf(pct("<"), value(10))).toBe("met");
  });

  it("reads a computed percentage through its percent", () => {
    const spec = {
      answer: {
        type: "percentage" as const,
        target: 90,
        comparator: ">=" as const,
        computedFrom: "identity_repo" as const,
      },
    };
    expect(statusOf(spec, value({ percent: 77.8, numerator: 7, denominator: 9 }))).toBe("not_met");
    expect(statusOf(spec, value({ percent: 100, numerator: 9, denominator: 9 }))).toBe("met");
  });

  it("compares a number with its target, and counts a number without target as informative", () => {
    expect(statusOf({ answer: { type: "number", target: 2, comparator: ">=" } }, value(1))).toBe("not_met");
    expect(statusOf({ answer: { type: "number", target: 2, comparator: ">=" } }, value(2))).toBe("met");
    expect(statusOf({ answer: { type: "number" } }, value(0))).toBe("met");
  });

  it("uses metValues for a choice, and counts a choice without them as met when answered", () => {
    const options = [
      { value: "a", label: "A" },
      { value: "b", label: "B" },
    ];
    expect(statusOf({ answer: { type: "choice", options, metValues: ["b"] } }, value("a"))).toBe("not_met");
    expect(statusOf({ answer: { type: "choice", options, metValues: ["b"] } }, value("b"))).toBe("met");
    expect(statusOf({ answer: { type: "choice", options } }, value("a"))).toBe("met");
    expect(statusOf({ answer: { type: "choice", options } }, value("zz"))).toBe("unknown");
  });

  it("counts a date or a text as met when answered", () => {
    expect(statusOf({ answer: { type: "date" } }, value("2026-01-31"))).toBe("met");
    expect(statusOf({ answer: { type: "text" } }, value("Oui, voir la note"))).toBe("met");
    expect(statusOf({ answer: { type: "text" } }, value("   "))).toBe("unknown");
  });

  it("makes unknown, unanswered, to-confirm and malformed answers 'unknown'", () => {
    expect(statusOf({}, unknown)).toBe("unknown");
    expect(statusOf({}, undefined)).toBe("unknown");
    expect(statusOf({}, { kind: "value", value: "yes", needsConfirmation: true })).toBe("unknown");
    expect(statusOf({}, value("peut-être"))).toBe("unknown");
    expect(statusOf({ answer: { type: "percentage", target: 50, comparator: ">=" } }, value("50"))).toBe("unknown");
  });

  it("accepts N/A only where the data allows it, and otherwise treats it as not met", () => {
    expect(statusOf({ naAllowed: true }, notApplicable)).toBe("not_applicable");
    expect(statusOf({ naAllowed: false }, notApplicable)).toBe("not_met");
  });

  it("leaves hidden requirements out entirely", () => {
    const referential = syntheticReferential(
      [
        { code: "R1" },
        { code: "R2", showIf: { code: "R1", equals: "yes" } },
        { code: "R3", showIf: { option: "scope", includes: "x" } },
      ],
      {
        options: [
          {
            type: "multi_choice",
            key: "scope",
            label: "Périmètre",
            choices: [
              { value: "x", label: "X" },
              { value: "y", label: "Y" },
            ],
            minSelected: 0,
          },
        ],
      },
    );
    const codes = (answers: Map<string, ScoreAnswer>, options: Record<string, unknown>) =>
      scoreAssessment({ referential, answers, options }).requirements.map((r) => r.code);
    expect(codes(new Map([["R1", value("no")]]), { scope: ["y"] })).toEqual(["R1"]);
    expect(codes(new Map([["R1", value("yes")]]), { scope: ["x"] })).toEqual(["R1", "R2", "R3"]);
  });
});
