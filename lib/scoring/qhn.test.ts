import { describe, expect, it } from "vitest";
import { computeReadings, scopeOf, toComputedPercentage, type IndicatorApplication } from "@/lib/inventory/indicators";
import { allMet, loadShippedSync, value } from "@/test/scoring/kit";
import { scoreAssessment } from "./score";

// Issue 11: HOP'EN's QHN condition (vendors committed to "Qualité Hôpital Numérique") is computed
// from each application's flag in the inventory (hopen-socle 2019.4), under the two readings of
// "software concerned" its file names; 2019.3 (a bare yes/no) stays as published.

const socle = loadShippedSync(["hopen-socle", "2019.4"]);
const qhn = socle.requirements.find((r) => r.code === "QHN")!;

const app = (over: Partial<IndicatorApplication>): IndicatorApplication => ({
  domains: ["care"],
  holdsHealthData: true,
  identityRepoConnected: true,
  movementRepoConnected: true,
  personalAuth: true,
  qhnCommitted: true,
  ...over,
});

/** The QHN answer the questionnaire stores from these applications (both readings). */
function qhnAnswer(apps: IndicatorApplication[]) {
  if (qhn.answer.type !== "percentage" || !qhn.answer.computedFrom) throw new Error("QHN is not computed");
  const { strict, broad } = computeReadings(apps, qhn.answer.computedFrom, scopeOf(qhn.answer)!);
  return value(toComputedPercentage(strict, broad));
}

const score = (apps: IndicatorApplication[]) =>
  scoreAssessment({
    referential: socle,
    // P1.3, P1.4 and P3.2 at 100 %: their provisional targets decide nothing, only QHN is at stake.
    answers: allMet(socle, {
      QHN: qhnAnswer(apps),
      "P1.3": value({ percent: 100, numerator: 1, denominator: 1 }),
      "P1.4": value({ percent: 100, numerator: 1, denominator: 1 }),
      "P3.2": value({ percent: 100, numerator: 1, denominator: 1 }),
    }),
    options: {},
  });

describe("[FIDELITY] the per-application QHN flag feeds the QHN condition (hopen-socle 2019.4)", () => {
  it("QHN is computed from the inventory's flag, blocking, 100 % of the applications concerned", () => {
    expect(qhn.answer).toMatchObject({
      type: "percentage",
      target: 100,
      comparator: ">=",
      computedFrom: "qhn_committed",
    });
    expect(qhn.blocking).toBe(true);
    expect(socle.eligibility).toMatchObject({ kind: "all_blocking_met", alsoRequire: ["QHN"] });
  });

  it("every vendor committed: the condition is met and the prerequisites are reached", () => {
    const { verdict, requirements } = score([app({}), app({ domains: ["hr"], holdsHealthData: false })]);
    expect(requirements.find((r) => r.code === "QHN")!.status).toBe("met");
    expect(verdict.status).toBe("eligible");
  });

  it("the patient record's vendor not committed: QHN is not met and names the condition", () => {
    const { verdict, requirements } = score([app({ qhnCommitted: false }), app({ domains: ["pmsi"] })]);
    const result = requirements.find((r) => r.code === "QHN")!;
    expect(result.status).toBe("not_met");
    expect(result.answerText).toContain("1 / 2 applications");
    expect(verdict.status).toBe("not_eligible");
    expect(verdict.blockingMissing.map((r) => r.code)).toEqual(["QHN"]);
    expect(verdict.reasons).toContain("Condition du programme exigée en plus des indicateurs : QHN.");
  });

  it("a vendor of an application without health data: met in the strict reading, the broad one says what changes", () => {
    const result = score([app({}), app({ domains: ["finance"], holdsHealthData: false, qhnCommitted: false })]);
    expect(result.requirements.find((r) => r.code === "QHN")!.status).toBe("met");
    expect(result.verdict.status).toBe("eligible");
    expect(result.broadReading?.changed).toEqual(["QHN"]);
    expect(result.broadReading?.verdict.status).toBe("not_eligible");
    expect(result.verdict.reasons.join(" ")).toContain("Périmètre des applications incertain (QHN)");
  });

  it("2019.3 keeps its yes/no QHN, as published", () => {
    const old = loadShippedSync(["hopen-socle", "2019.3"]);
    expect(old.requirements.find((r) => r.code === "QHN")!.answer).toEqual({ type: "yes_no" });
  });
});
