import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerArb, coverageArb, optionsArb, referentialArb } from "@/test/scoring/arbitraries";
import { scoreAssessment } from "./score";
import { targetYear } from "./targets";
import { metValue } from "@/test/scoring/kit";
import type { ScoreAnswer, ScoreInput } from "./types";

const inputArb = referentialArb.chain((referential) =>
  fc.record({
    referential: fc.constant(referential),
    answers: fc
      .tuple(...referential.requirements.map(() => answerArb))
      .map(
        (list) =>
          new Map(list.flatMap((a, i): [string, ScoreAnswer][] => (a ? [[referential.requirements[i]!.code, a]] : []))),
      ),
    options: optionsArb,
    coverage: coverageArb,
  }),
);

describe("[SCORING] properties", () => {
  it("adding a met answer never lowers a domain score or the overall score", () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (input: ScoreInput, pick) => {
        const requirement = input.referential.requirements[pick % input.referential.requirements.length]!;
        const before = scoreAssessment(input);
        const answers = new Map(input.answers);
        answers.set(requirement.code, {
          kind: "value",
          value: metValue(requirement, targetYear(input.referential, input.options)),
        });
        const after = scoreAssessment({ ...input, answers });
        const status = after.requirements.find((r) => r.code === requirement.code)!.status;
        expect(
          status === "met" ||
            after.requirements.find((r) => r.code === requirement.code)!.answerText.includes("couverture"),
        ).toBe(true);
        for (const domain of before.domains) {
          const next = after.domains.find((d) => d.code === domain.code);
          if (domain.score !== null) expect(next?.score ?? -1).toBeGreaterThanOrEqual(domain.score);
        }
        if (before.overall !== null) expect(after.overall ?? -1).toBeGreaterThanOrEqual(before.overall);
      }),
      { numRuns: 300 },
    );
  });

  it("is eligible only if no blocking requirement is not met, partial or unknown", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { verdict, requirements } = scoreAssessment(input);
        const open = requirements.filter((r) => r.blocking && ["not_met", "partial", "unknown"].includes(r.status));
        if (verdict.eligible) expect(open).toEqual([]);
        const codes = (list: { code: string }[]) => list.map((r) => r.code).sort();
        expect(codes(verdict.blockingMissing)).toEqual(codes(open)); // prerequisites are listed first
        expect(verdict.headline.startsWith(verdict.eligible ? "Éligible" : "Pas encore éligible : ")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every score within 0–100 and counts every visible requirement once", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const score = scoreAssessment(input);
        for (const value of [score.overall, ...score.domains.map((d) => d.score)]) {
          if (value !== null) expect(value >= 0 && value <= 100 && Number.isInteger(value)).toBe(true);
        }
        const total = Object.values(score.counts).reduce((a, b) => a + b, 0);
        expect(total).toBe(score.requirements.length);
        expect(score.gaps.length).toBe(score.counts.not_met + score.counts.partial + score.counts.unknown);
      }),
      { numRuns: 300 },
    );
  });
});
