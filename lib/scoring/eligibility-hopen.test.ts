import { describe, expect, it } from "vitest";
import { scoreAssessment } from "./score";
import { SHIPPED, allMet, loadShippedSync, notApplicable, unknown, value } from "@/test/scoring/kit";

describe("[SCORING] HOP'EN socle: all_blocking_met with alsoRequire", () => {
  const referential = loadShippedSync(SHIPPED.hopenSocle);
  const score = (overrides = {}) =>
    scoreAssessment({ referential, answers: allMet(referential, overrides), options: {} });

  it("is eligible when every prerequisite and the QHN condition are met", () => {
    const result = score();
    expect(result.verdict).toEqual({
      status: "eligible",
      eligible: true,
      headline: "Prérequis atteints",
      blockingMissing: [],
      provisional: [],
      reasons: [],
      domains: [],
    });
    expect(result.overall).toBe(100);
    expect(result.gaps).toEqual([]);
  });

  it("names P2.1 and P2.6 when they are answered no (the GHBS 2026 demo case)", () => {
    const { verdict, gaps, domains } = score({ "P2.1": value("no"), "P2.6": value("no") });
    expect(verdict.eligible).toBe(false);
    expect(verdict.headline).toBe("Pas encore éligible : 2 prérequis manquent");
    expect(verdict.blockingMissing.map((r) => r.code)).toEqual(["P2.1", "P2.6"]);
    expect(verdict.reasons).toContain("Non remplis : P2.1, P2.6.");
    expect(gaps.map((g) => g.code)).toEqual(["P2.1", "P2.6"]);
    // P2: weights 3+2+3+2+2+2 = 14, missing 3+2 → 9/14 = 64 %.
    expect(domains.find((d) => d.code === "P2")!.score).toBe(64);
  });

  it("gives the verdict under both readings of an uncertain application scope (GHBS P1.3: 6/6 vs 6/7)", () => {
    const computed = {
      percent: 100,
      numerator: 6,
      denominator: 6,
      broad: { percent: 600 / 7, numerator: 6, denominator: 7 },
    };
    const result = score({ "P1.3": value(computed) });
    const p13 = result.requirements.find((r) => r.code === "P1.3")!;
    expect(p13.status).toBe("met"); // the strict reading, the documented default
    expect(p13.answerText).toBe(
      "lecture stricte 6 / 6 applications (100 %) ; lecture large 6 / 7 applications (85,7 %)",
    );
    expect(result.broadReading?.changed).toEqual(["P1.3"]);
    expect(result.broadReading?.verdict).toMatchObject({
      eligible: false,
      headline: "Pas encore éligible : 1 prérequis manque",
    });
    expect(result.verdict.reasons).toContain(
      "Verdict en lecture large du périmètre : Pas encore éligible : 1 prérequis manque.",
    );
    expect(result.verdict.reasons.some((r) => r.startsWith("Périmètre des applications incertain (P1.3)"))).toBe(true);
    // Without a broad figure, one reading only.
    expect(score({ "P1.3": value({ percent: 100, numerator: 6, denominator: 6 }) }).broadReading).toBeNull();
  });

  it("requires the QHN condition named by alsoRequire", () => {
    const { verdict } = score({ QHN: value("no") });
    expect(verdict).toMatchObject({ eligible: false, headline: "Pas encore éligible : 1 condition manque" });
    expect(verdict.blockingMissing.map((r) => r.code)).toEqual(["QHN"]);
    expect(verdict.reasons).toContain("Condition du programme exigée en plus des indicateurs : QHN.");
  });

  it("refuses N/A where it is not allowed, and reports unknown answers as to investigate", () => {
    const { verdict, gaps } = score({ "P3.1": notApplicable, "P1.3": unknown });
    expect(verdict.eligible).toBe(false);
    expect(verdict.reasons).toContain("Non remplis : P3.1.");
    expect(verdict.reasons.some((r) => r.startsWith("À instruire") && r.includes("P1.3"))).toBe(true);
    expect(gaps.map((g) => [g.code, g.kind])).toEqual([
      ["P1.3", "to_investigate"],
      ["P3.1", "missing"],
    ]);
  });

  it("judges computed percentages against their target (P1.3 ≥ 90 %)", () => {
    const { verdict } = score({ "P1.3": value({ percent: 77.8, numerator: 7, denominator: 9 }) });
    expect(verdict.blockingMissing.map((r) => [r.code, r.status, r.target])).toEqual([["P1.3", "not_met", "≥ 90 %"]]);
  });
});

describe("[SCORING] HOP'EN usage: only the domains applied for count", () => {
  const referential = loadShippedSync(SHIPPED.hopenUsage);

  it("is not eligible until a domain is chosen", () => {
    const { verdict, requirements } = scoreAssessment({ referential, answers: allMet(referential), options: {} });
    expect(requirements).toEqual([]);
    expect(verdict.eligible).toBe(false);
    expect(verdict.headline).toBe(
      "Pas encore éligible : « Domaines fonctionnels pour lesquels l'établissement candidate » à renseigner",
    );
  });

  it("scores only the chosen domain's indicators against their targets", () => {
    const options = { domains: ["D2"] };
    const met = scoreAssessment({ referential, answers: allMet(referential), options });
    expect(met.requirements.map((r) => r.code)).toEqual(["D2.2", "D2.5"]);
    expect(met.verdict.eligible).toBe(true);
    const low = scoreAssessment({ referential, answers: allMet(referential, { "D2.2": value(97) }), options });
    expect(low.verdict.headline).toBe("Pas encore éligible : 1 indicateur manque");
  });
});
