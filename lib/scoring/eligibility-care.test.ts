import { describe, expect, it } from "vitest";
import { coveredShare } from "./coverage";
import { scoreAssessment } from "./score";
import { SHIPPED, allMet, loadShippedSync, value } from "@/test/scoring/kit";
import type { TReferentialFile } from "@/lib/referentials/schemas";
import type { CoverageMember } from "./types";

const BOTH = ["D2.O1.C", "D2.O1.D"];

// A GHT of three legal entities at 50 %, 30 % and 20 % of the combined activity.
function ght(covered: string[], reaches = BOTH): { members: CoverageMember[] } {
  const members = [
    { id: "a", name: "CH A", activity: 50_000 },
    { id: "b", name: "CH B", activity: 30_000 },
    { id: "c", name: "CH C", activity: 20_000 },
  ];
  return {
    members: members.map((m) => ({ ...m, kind: "entity" as const, reaches: covered.includes(m.id) ? reaches : [] })),
  };
}

const member = (id: string, activity: number | null, reaches: string[], kind: "entity" | "site" = "entity") => ({
  id,
  name: id,
  kind,
  activity,
  reaches,
});

describe("[SCORING] CaRE D2: prerequisites, then objectives, with the 66 % coverage rule", () => {
  const referential = loadShippedSync(SHIPPED.careD2);
  const score = (overrides = {}, coverage?: { members: CoverageMember[] }) =>
    scoreAssessment({ referential, answers: allMet(referential, overrides), options: {}, coverage });
  const status = (result: ReturnType<typeof score>, code: string) =>
    result.requirements.find((r) => r.code === code)!.status;

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
    expect(coveredShare(ght(["a", "b"]).members, "D2.O1.C")).toBeCloseTo(0.8);
    const result = score({}, ght(["a", "b"]));
    expect(result.verdict.eligible).toBe(true);
    expect(status(result, "D2.O1.C")).toBe("met");
  });

  it("judges O1.C and O1.D each on its own: a plan over A + B (80 %), a test over A + C (70 %), both met", () => {
    const members = [
      member("A", 50_000, BOTH),
      member("B", 30_000, ["D2.O1.C"]), // a PCRA, no field test yet
      member("C", 20_000, ["D2.O1.D"]), // a field test, its PCRA not finished
    ];
    expect(coveredShare(members, "D2.O1.C")).toBeCloseTo(0.8);
    expect(coveredShare(members, "D2.O1.D")).toBeCloseTo(0.7);
    const result = score({}, { members });
    expect(result.verdict.eligible).toBe(true);
    expect([status(result, "D2.O1.C"), status(result, "D2.O1.D")]).toEqual(["met", "met"]);
  });

  it("names the objective that misses the share, the other one standing", () => {
    const members = [member("A", 50_000, ["D2.O1.C"]), member("B", 30_000, BOTH), member("C", 20_000, [])];
    const result = score({}, { members });
    expect(result.verdict.blockingMissing.map((r) => r.code)).toEqual(["D2.O1.D"]);
    expect(result.verdict.reasons).toContain(
      "D2.O1.D : couverture 30 % < 66 % de l'activité combinée (atteint par : B) : objectif non atteint.",
    );
  });

  it.each([
    [["a"], "50 %"],
    [["b", "c"], "50 %"],
    [[], "0 %"],
  ])("refuses coverage %j: the objectives it applies to are not met, naming the share", (covered, share) => {
    const { verdict, requirements } = score({}, ght(covered));
    expect(verdict.eligible).toBe(false);
    expect(verdict.blockingMissing.map((r) => r.code)).toEqual(BOTH);
    expect(verdict.headline).toBe("Pas encore éligible : 2 objectifs manquent");
    expect(verdict.reasons.some((r) => r.includes(`D2.O1.C : couverture ${share} < 66 %`))).toBe(true);
    expect(requirements.find((r) => r.code === "D2.O1.C")!.answerText).toBe(`Oui — couverture ${share} < 66 %`);
    expect(requirements.find((r) => r.code === "D2.O2.A")!.status).toBe("met");
  });

  it("accepts exactly 66 % of the activity", () => {
    const members = [member("a", 66, BOTH), member("b", 34, [])];
    expect(score({}, { members }).verdict.eligible).toBe(true);
  });

  it("treats a member without recorded activity as missing data, not zero, and says whose activity is unknown", () => {
    // Known: A 50 % covered, B uncovered; C's activity unknown and C uncovered: C could weigh anything.
    const members = [member("A", 50_000, BOTH), member("B", 20_000, []), member("C", null, [])];
    const result = score({}, { members });
    expect(status(result, "D2.O1.C")).toBe("unknown");
    expect(result.verdict.eligible).toBe(false);
    expect(result.verdict.reasons).toContain(
      "D2.O1.C : couverture 71,4 % de l'activité connue (atteint par : A), 66 % requis : à instruire, activité non renseignée pour C.",
    );
    // Before, C counted as 0: 50 / 70 = 71,4 % ≥ 66 % and the objective was declared met.
  });

  it("decides despite an unknown activity when no value could change the outcome", () => {
    // C is covered: its activity can only raise A's 71 % of the known activity.
    const covered = score(
      {},
      { members: [member("A", 50_000, BOTH), member("B", 20_000, []), member("C", null, BOTH)] },
    );
    expect(covered.verdict.eligible).toBe(true);
    // C is not covered and A alone is 40 % of the known activity: below 66 % whatever C weighs.
    const short = score({}, { members: [member("A", 20_000, BOTH), member("B", 30_000, []), member("C", null, [])] });
    expect(status(short, "D2.O1.C")).toBe("not_met");
  });

  it("cannot prove coverage when no member has an activity recorded", () => {
    const members = [member("a", null, BOTH), member("b", null, [])];
    const { verdict } = score({}, { members });
    expect(verdict.eligible).toBe(false);
    expect(verdict.reasons.some((r) => r.includes("couverture non calculable"))).toBe(true);
  });

  it("models an applicant outside a GHT with several sites (EG): sites weighed by their activity", () => {
    const sites = [member("Site principal", 60_000, BOTH, "site"), member("Site SMR", 40_000, [], "site")];
    const result = score({}, { members: sites });
    expect(result.verdict.blockingMissing.map((r) => r.code)).toEqual(BOTH);
    expect(result.verdict.reasons.some((r) => r.includes("couverture 60 % < 66 %"))).toBe(true);
    const both = score({}, { members: [sites[0]!, { ...sites[1]!, reaches: BOTH }] });
    expect(both.verdict.eligible).toBe(true);
  });
});

/** CaRE D2 with the test dates its operational phase reads (as a republished version would carry them). */
function withTestDates(care: TReferentialFile): TReferentialFile {
  const dated = (code: string, label: string) => ({
    ...care.requirements.find((r) => r.code === "D2.O4")!,
    code,
    label,
    answer: { type: "date" as const },
    blocking: false,
    mappings: [],
  });
  return {
    ...care,
    eligibility: {
      kind: "prerequisites_then_objectives",
      coverage: { minShare: 0.66, appliesTo: BOTH, basis: "activity" },
      windows: [
        { appliesTo: ["D2.O1.D"], dateOf: "D2.O1.D.date", from: "2025-07-03", label: "Phase opérationnelle" },
        { appliesTo: ["D2.O4"], dateOf: "D2.O4.date", from: "2025-07-03", label: "Phase opérationnelle" },
      ],
    },
    requirements: [
      ...care.requirements,
      dated("D2.O1.D.date", "Date de l'exercice de terrain"),
      dated("D2.O4.date", "Date du test de restauration"),
    ],
  };
}

describe("[SCORING] CaRE D2: the operational phase is a period of dates, not a yes/no", () => {
  const referential = withTestDates(loadShippedSync(SHIPPED.careD2));
  const score = (overrides = {}) =>
    scoreAssessment({ referential, answers: allMet(referential, overrides), options: {} });
  const find = (result: ReturnType<typeof score>, code: string) => result.requirements.find((r) => r.code === code)!;

  it("counts a test dated inside the phase", () => {
    const result = score({ "D2.O1.D.date": value("2025-11-20"), "D2.O4.date": value("2025-07-03") });
    expect(result.verdict.eligible).toBe(true);
  });

  it("does not count a test older than the phase, even answered « oui »", () => {
    const result = score({ "D2.O4.date": value("2021-06-15") });
    expect(find(result, "D2.O4").status).toBe("not_met");
    expect(find(result, "D2.O4").answerText).toBe(
      "Oui — daté du 15/06/2021, hors période (Phase opérationnelle : depuis le 03/07/2025)",
    );
    expect(result.verdict.blockingMissing.map((r) => r.code)).toEqual(["D2.O4"]);
  });

  it("asks for the date when it is missing (à instruire)", () => {
    const result = score({ "D2.O1.D.date": { kind: "unknown", value: null } });
    expect(find(result, "D2.O1.D").status).toBe("unknown");
  });

  it("a stale test does not make its member count for O1.D", async () => {
    const { reachedCoveredRequirements } = await import("./coverage");
    const answers = allMet(referential, { "D2.O1.D.date": value("2024-01-10") });
    expect(reachedCoveredRequirements(referential, answers, {})).toEqual(["D2.O1.C"]);
  });

  it("refuses a period whose date requirement is not a date", async () => {
    const { ZReferentialFile } = await import("@/lib/referentials/schemas");
    const broken = {
      ...referential,
      eligibility: {
        ...referential.eligibility,
        windows: [{ appliesTo: ["D2.O4"], dateOf: "D2.O3.A", from: "2025-07-03", label: "Phase" }],
      },
    };
    expect(ZReferentialFile.safeParse(broken).success).toBe(false);
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
