// fast-check generators for the scoring property tests: random (valid) referentials of the three
// rule kinds, random answers, and an optional GHT coverage. Answer-based showIf is left out: a
// "yes" that reveals a follow-up question may rightly add a gap, which is not what the properties test.
import fc from "fast-check";
import type { TReferentialFileInput } from "@/lib/referentials/schemas";
import { domain, syntheticReferential, type SyntheticRequirement } from "./synthetic-referential";
import type { CoverageMember, ScoreAnswer } from "@/lib/scoring/types";

const CHOICES = [
  { value: "a", label: "A" },
  { value: "b", label: "B" },
  { value: "c", label: "C" },
];
const YEARS = ["2027", "2028"];

const answerSpec = fc.oneof(
  fc.constant({ type: "yes_no" as const }),
  fc.constant({ type: "yes_partial_no" as const }),
  fc.record({
    type: fc.constant("percentage" as const),
    target: fc.integer({ min: 1, max: 99 }),
    comparator: fc.constantFrom(">=" as const, ">" as const, "<=" as const, "<" as const),
  }),
  fc.constant({ type: "number" as const }),
  fc.record({
    type: fc.constant("number" as const),
    target: fc.integer({ min: -5, max: 50 }),
    comparator: fc.constantFrom(">=" as const, "<" as const),
  }),
  fc.record({
    type: fc.constant("choice" as const),
    options: fc.constant(CHOICES),
    metValues: fc.option(fc.subarray(["a", "b", "c"], { minLength: 1 }), { nil: undefined }),
  }),
  fc.constant({ type: "date" as const }),
  fc.constant({ type: "text" as const }),
);

const requirementArb = (i: number) =>
  fc
    .record({
      domain: fc.constantFrom("A", "B", "C"),
      answer: answerSpec,
      blocking: fc.boolean(),
      naAllowed: fc.boolean(),
      weight: fc.constantFrom(0.5, 1, 2, 3),
      effort: fc.option(fc.constantFrom("low" as const, "medium" as const, "high" as const), { nil: undefined }),
      yearTarget: fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
    })
    .map(({ yearTarget, ...r }): SyntheticRequirement => ({
      code: `R${i}`,
      ...r,
      // A year-specific target only where scoring reads a number from it.
      ...(yearTarget !== undefined &&
      (r.answer.type === "percentage" || (r.answer.type === "number" && "target" in r.answer))
        ? { targetsByYear: { "2028": { label: `Cible 2028 : ${yearTarget}`, target: yearTarget } } }
        : {}),
    }));

const domains = [domain("A", "prerequisite"), domain("B", "objective"), domain("C", "objective")];

export const referentialArb = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: n }, (_, i) => requirementArb(i))),
      fc.constantFrom("all", "year", "phases"),
      fc.subarray(Array.from({ length: n }, (_, i) => `R${i}`)),
    ),
  )
  .map(([requirements, kind, picked]) => {
    const yearOption: TReferentialFileInput["options"] = [
      { type: "single_choice", key: "year", label: "Année cible", choices: YEARS.map((y) => ({ value: y, label: y })) },
    ];
    const eligibility: TReferentialFileInput["eligibility"] =
      kind === "all"
        ? { kind: "all_blocking_met", alsoRequire: picked }
        : kind === "year"
          ? { kind: "targets_of_year", option: "year" }
          : {
              kind: "prerequisites_then_objectives",
              ...(picked.length ? { coverage: { minShare: 0.66, appliesTo: picked, basis: "activity" as const } } : {}),
            };
    return syntheticReferential(requirements, { domains, eligibility, options: kind === "year" ? yearOption : [] });
  });

const valueArb = fc.oneof(
  fc.constantFrom("yes", "no", "partial", "a", "b", "c", "2026-01-01", "texte", ""),
  fc.integer({ min: -10, max: 100 }),
  fc.double({ min: 0, max: 100, noNaN: true }),
);

export const answerArb: fc.Arbitrary<ScoreAnswer | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant<ScoreAnswer>({ kind: "unknown", value: null }),
  fc.constant<ScoreAnswer>({ kind: "not_applicable", value: null }),
  fc.record({ kind: fc.constant("value" as const), value: valueArb, needsConfirmation: fc.boolean() }),
);

export const optionsArb = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...YEARS).map((year) => ({ year })),
);

export const coverageArb: fc.Arbitrary<{ members: CoverageMember[] } | undefined> = fc.option(
  fc
    .array(
      fc.record({
        activity: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
        reaches: fc.subarray(["R1", "R7", "D2.O1.C", "D2.O1.D"]),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .map((ms) => ({
      members: ms.map((m, i) => ({ id: `m${i}`, name: `Membre ${i}`, kind: "entity" as const, ...m })),
    })),
  { nil: undefined },
);
