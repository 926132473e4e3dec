import { describe, expect, it } from "vitest";
import { compareCodes } from "./gaps";
import { scoreAssessment } from "./score";
import { syntheticReferential } from "@/test/scoring/synthetic-referential";
import { unknown, value } from "@/test/scoring/kit";

describe("[SCORING] gaps", () => {
  const referential = syntheticReferential([
    { code: "R10", blocking: false, weight: 5, effort: "low" },
    { code: "R2", weight: 1, effort: "high" },
    { code: "R3", weight: 3, effort: "high" },
    { code: "R4", weight: 3, effort: "low" },
    { code: "R5", weight: 3 },
    { code: "R1", weight: 1, effort: "high" },
    { code: "R6", weight: 2, answer: { type: "yes_partial_no" } },
    { code: "OK", weight: 9 },
  ]);
  const answers = new Map([
    ["R10", value("no")],
    ["R2", value("no")],
    ["R3", unknown],
    ["R4", value("no")],
    ["R5", value("no")],
    ["R1", value("no")],
    ["R6", value("partial")],
    ["OK", value("yes")],
  ]);
  const { gaps } = scoreAssessment({ referential, answers, options: {} });

  it("sorts blocking first, then weight desc, then effort (low first, none last), then code", () => {
    expect(gaps.map((g) => g.code)).toEqual(["R4", "R3", "R5", "R6", "R1", "R2", "R10"]);
  });

  it("keeps unknown answers as gaps to investigate, partial ones as missing", () => {
    const kinds = Object.fromEntries(gaps.map((g) => [g.code, g.kind]));
    expect(kinds).toMatchObject({ R3: "to_investigate", R6: "missing", R4: "missing" });
    expect(gaps.find((g) => g.code === "OK")).toBeUndefined();
  });

  it("carries the proofs and recommended action", () => {
    expect(gaps[0]).toMatchObject({
      proofs: ["Preuve"],
      recommendedAction: "Agir.",
      marks: { wording: "H", code: "H", target: "H" },
      blocking: true,
    });
  });
});

describe("[SCORING] natural order of codes", () => {
  it("orders numbers by value and keeps a total order", () => {
    const codes = ["P1.10", "P1.2", "D2.O1.C", "D2.O1.A", "2026.cadrage", "1.0", "P1.02", "D2.P1", "P1"];
    expect([...codes].sort(compareCodes)).toEqual([
      "1.0",
      "2026.cadrage",
      "D2.O1.A",
      "D2.O1.C",
      "D2.P1",
      "P1",
      "P1.02",
      "P1.2",
      "P1.10",
    ]);
  });
});
