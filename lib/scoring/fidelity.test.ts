import { describe, expect, it } from "vitest";
import { canonicalHash } from "@/lib/referentials/canonical-hash";
import { diffReferentials } from "@/lib/referentials/diff";
import {
  confidenceMarks,
  type TReferentialFile,
  type TReferentialFileInput,
  ZReferentialFile,
} from "@/lib/referentials/schemas";
import { allMet, loadShippedSync, unknown, value } from "@/test/scoring/kit";
import { scoreAssessment } from "./score";
import type { PrerequisiteGate } from "./types";

// Issue 11, part A: what no source states (a provisional target or blocking flag) never decides a
// verdict alone; HOP'EN usage is judged per domain behind the socle; HospiConnect blocks on its
// mandatory objective only and judges 2026 on its own; the confidence mark is split in three.

const socle = loadShippedSync(["hopen-socle", "2019.3"]);
const usage = loadShippedSync(["hopen-usage", "2019.3"]);
const hospiconnect = loadShippedSync(["hospiconnect", "2026.2"]);
const pct = (percent: number) => value({ percent, numerator: 1, denominator: 1 });

describe("[FIDELITY] HOP'EN socle 2019.3: provisional targets never decide alone", () => {
  const score = (overrides = {}) =>
    scoreAssessment({ referential: socle, answers: allMet(socle, overrides), options: {} });

  it("a P1.3 below its provisional 90 % makes the verdict 'sous réserve' naming P1.3, not 'not eligible'", () => {
    const { verdict } = score({ "P1.3": pct(80) });
    expect(verdict.status).toBe("reserved");
    expect(verdict.eligible).toBe(false);
    expect(verdict.blockingMissing).toEqual([]);
    expect(verdict.headline).toContain("Sous réserve");
    expect(verdict.headline).toContain("P1.3");
    expect(verdict.provisional.find((p) => p.code === "P1.3")).toMatchObject({
      status: "not_met",
      what: ["target"],
      target: "≥ 90 %",
    });
  });

  it("all met still rests on the provisional targets: 'Prérequis atteints sous réserve' naming P1.3, P1.4, P3.2", () => {
    const { verdict } = score();
    expect(verdict.status).toBe("reserved");
    expect(verdict.headline).toBe("Prérequis atteints sous réserve des éléments provisoires de P1.3, P1.4 et P3.2");
    expect(verdict.provisional.map((p) => p.code)).toEqual(["P1.3", "P1.4", "P3.2"]);
  });

  it("names only the items a target could change: 100 % meets any target, 85 % may not", () => {
    const { verdict } = score({ "P1.3": pct(100), "P1.4": pct(100), "P3.2": pct(85) });
    expect(verdict.status).toBe("reserved");
    expect(verdict.provisional.map((p) => p.code)).toEqual(["P3.2"]);
    expect(verdict.headline).toBe("Prérequis atteints sous réserve des éléments provisoires de P3.2");
  });

  it("a firm gap still decides: P2.1 not met is 'not yet', whatever the provisional items", () => {
    const { verdict } = score({ "P2.1": value("no"), "P1.3": pct(80) });
    expect(verdict.status).toBe("not_eligible");
    expect(verdict.provisional).toEqual([]); // they would not change it: not named
    expect(verdict.blockingMissing.map((r) => r.code)).toEqual(["P2.1"]);
    expect(verdict.headline).toBe("Pas encore éligible : 1 prérequis manque");
  });

  it("an unanswered P1.3 is missing whatever its target (to investigate), not provisional", () => {
    const { verdict } = score({ "P1.3": unknown });
    expect(verdict.status).toBe("not_eligible");
    expect(verdict.blockingMissing.map((r) => [r.code, r.status])).toEqual([["P1.3", "unknown"]]);
  });

  it("P1.2 is not blocking: its absence leaves the prerequisites met", () => {
    const { verdict, gaps } = score({ "P1.2": value("no") });
    expect(verdict.blockingMissing).toEqual([]);
    expect(verdict.status).toBe("reserved"); // only because of the provisional targets
    expect(gaps.find((g) => g.code === "P1.2")).toMatchObject({ blocking: false, kind: "missing" });
  });

  it("says 'Prérequis atteints', not 'Éligible', when the socle is met (2019.2, no provisional item)", () => {
    const old = loadShippedSync(["hopen-socle", "2019.2"]);
    const { verdict } = scoreAssessment({ referential: old, answers: allMet(old), options: {} });
    expect(verdict).toMatchObject({ status: "eligible", eligible: true, headline: "Prérequis atteints" });
  });
});

describe("[FIDELITY] three confidence marks; old content keeps parsing and scoring", () => {
  it("splits the marks in 2019.3 and shows them on every result", () => {
    const result = scoreAssessment({ referential: socle, answers: allMet(socle), options: {} });
    expect(result.requirements.find((r) => r.code === "P1.3")).toMatchObject({
      marks: { wording: "H", code: "L", target: "L" },
      provisional: { target: expect.stringContaining("proposition de Socle") },
    });
  });

  it("reads a legacy single mark as the same mark for wording, code and target, and stores it unchanged", () => {
    const old = loadShippedSync(["hopen-socle", "2019.2"]);
    const p11 = old.requirements.find((r) => r.code === "P1.1")!;
    expect(p11.confidence).toBe("L"); // the stored content (and so its hash) is what 2019.2 always was
    expect("provisional" in p11).toBe(false);
    expect(confidenceMarks(p11)).toEqual({ wording: "L", code: "L", target: "L" });
    // Content stored before the split, as JSON, still scores: same verdict as before, marks spread.
    const stored = JSON.parse(JSON.stringify(old));
    const result = scoreAssessment({ referential: stored, answers: allMet(old, { "P2.1": value("no") }), options: {} });
    expect(result.verdict).toMatchObject({
      status: "not_eligible",
      headline: "Pas encore éligible : 1 prérequis manque",
    });
    expect(result.requirements.find((r) => r.code === "QHN")!.marks).toEqual({ wording: "H", code: "H", target: "H" });
    expect(canonicalHash(stored)).toBe(canonicalHash(old));
  });
});

describe("[FIDELITY] HOP'EN usage 2019.3: one verdict per domain, gated by the socle", () => {
  const gate = (status: PrerequisiteGate["status"], missing: string[] = []): PrerequisiteGate => ({
    referentialId: "hopen-socle",
    found: true,
    source: "HOP'EN — prérequis 2021, révision 1",
    status,
    missing,
    provisional: [],
  });
  const score = (domains: string[], prerequisites?: PrerequisiteGate, overrides = {}) =>
    scoreAssessment({ referential: usage, answers: allMet(usage, overrides), options: { domains }, prerequisites });

  it("gives each chosen domain its own verdict: D2 (sourced) eligible, D6 (provisional only) sous réserve", () => {
    const { verdict } = score(["D2", "D6"], gate("eligible"));
    expect(verdict.domains.map((d) => [d.code, d.status])).toEqual([
      ["D2", "eligible"],
      ["D6", "reserved"],
    ]);
    expect(verdict.domains[1]!.provisional.map((p) => p.code)).toEqual(["D6.1"]);
    expect(verdict.headline).toBe("Par domaine : D2 éligible · D6 sous réserve");
  });

  it("a domain's own gap is that domain's: D2.2 at 90 % (< 98 %) fails D2 only", () => {
    const { verdict } = score(["D2", "D5"], gate("eligible"), { "D2.2": value(90), "D5.1": value("no") });
    const d2 = verdict.domains.find((d) => d.code === "D2")!;
    expect(d2.status).toBe("not_eligible");
    expect(d2.blockingMissing.map((r) => r.code)).toEqual(["D2.2"]);
    // D5.1 is a placeholder: not met, it makes D5 "sous réserve", never "not eligible".
    expect(verdict.domains.find((d) => d.code === "D5")!.status).toBe("reserved");
  });

  it("no usage domain is eligible while a socle prerequisite is missing, and it says which", () => {
    const { verdict } = score(["D2"], gate("not_eligible", ["P2.1", "P2.6"]));
    expect(verdict.domains[0]).toMatchObject({ code: "D2", status: "not_eligible" });
    expect(verdict.domains[0]!.reasons[0]).toContain("Prérequis du socle manquants");
    expect(verdict.domains[0]!.reasons[0]).toContain("P2.1, P2.6");
    expect(verdict.eligible).toBe(false);
  });

  it("without a socle assessment to read, no domain is eligible", () => {
    const missing = { ...gate(null), found: false, source: null };
    const { verdict } = score(["D2"], missing);
    expect(verdict.domains[0]!.status).toBe("not_eligible");
    expect(verdict.domains[0]!.reasons[0]).toContain("Prérequis du socle non évalués");
    expect(score(["D2"]).verdict.domains[0]!.status).toBe("not_eligible");
  });

  it("a socle 'sous réserve' leaves the domain 'sous réserve' at best", () => {
    const { verdict } = score(["D2"], { ...gate("reserved"), provisional: ["P1.3"] });
    expect(verdict.domains[0]!.status).toBe("reserved");
    expect(verdict.domains[0]!.headline).toBe("Sous réserve des prérequis du socle");
    expect(verdict.domains[0]!.reasons[0]).toContain("P1.3");
  });
});

describe("[FIDELITY] HospiConnect 2026.2: only the mandatory objective blocks; 2026 judged on its own", () => {
  const score = (year: string, overrides = {}) =>
    scoreAssessment({
      referential: hospiconnect,
      answers: allMet(hospiconnect, overrides, year),
      options: { targetYear: year },
    });

  it("an axis objective below its target is a gap on a trajectory, not a blocker", () => {
    const { verdict, gaps } = score("2027", { "1.3": value("none"), "2.1": value(50) });
    expect(verdict.status).toBe("eligible");
    expect(gaps.map((g) => [g.code, g.blocking])).toEqual([
      ["1.3", false],
      ["2.1", false],
    ]);
  });

  it("1.0 blocks on each of its parts: the PSSI update and the maturity indicators as well as the decision", () => {
    expect(score("2027", { "1.0.pssi": value("no") }).verdict.blockingMissing.map((r) => r.code)).toEqual(["1.0.pssi"]);
    expect(score("2028", { "1.0.maturite": value("no") }).verdict.blockingMissing.map((r) => r.code)).toEqual([
      "1.0.maturite",
    ]);
    expect(score("2028", { "1.0": value("with_reserves") }).verdict.blockingMissing.map((r) => r.code)).toEqual([
      "1.0",
    ]);
  });

  it("a 2026 campaign judges the 2026 objectives alone: 1.0 unanswered does not block in 2026", () => {
    const { verdict, requirements } = score("2026", { "1.0": undefined, "1.0.pssi": undefined, "1.3": undefined });
    expect(verdict.status).toBe("eligible");
    expect(requirements.find((r) => r.code === "1.0")).toMatchObject({ blocking: false, status: "unknown" });
    expect(requirements.find((r) => r.code === "1.0")!.target).toContain("Trajectoire");
  });

  it("a 2026 objective missing makes 2026 'sous réserve' (the ANS does not call it mandatory)", () => {
    const { verdict } = score("2026", { "2026.cadrage": value("no") });
    expect(verdict.status).toBe("reserved");
    expect(verdict.provisional.map((p) => [p.code, p.what])).toEqual([["2026.cadrage", ["blocking"]]]);
  });

  it("1.2 in 2028 asks for RPPS activities kept up to date in the scored answer", () => {
    const r12 = (v: string) => score("2028", { "1.2": value(v) }).requirements.find((r) => r.code === "1.2")!.status;
    expect(r12("automatic")).toBe("not_met");
    expect(r12("automatic_rpps")).toBe("met");
  });
});

describe("[FIDELITY] a delegate's correction of a target is a new referential version", () => {
  it("makes the confirmed target firm in the new version only; the diff names what changed", () => {
    const corrected = structuredClone(socle) as TReferentialFileInput;
    corrected.version = "2019.4";
    const p13 = corrected.requirements.find((r) => r.code === "P1.3")!;
    p13.answer = { type: "percentage", target: 95, comparator: ">=", computedFrom: "identity_repo" };
    delete p13.provisional;
    p13.confidence = { wording: "H", code: "L", target: "H" };
    const parsed = ZReferentialFile.parse(corrected);
    expect(
      diffReferentials(socle, parsed)
        .changed.find((c) => c.code === "P1.3")
        ?.fields.map((f) => f.field),
    ).toEqual(expect.arrayContaining(["answer", "confidence", "provisional"]));
    const answers = (referential: TReferentialFile) => allMet(referential, { "P1.3": pct(92) });
    // On 2019.3, 92 % against a provisional 90 %: "sous réserve". On the corrected 2019.4: firm, not met.
    expect(scoreAssessment({ referential: socle, answers: answers(socle), options: {} }).verdict.status).toBe(
      "reserved",
    );
    const { verdict } = scoreAssessment({ referential: parsed, answers: answers(parsed), options: {} });
    expect(verdict.status).toBe("not_eligible");
    expect(verdict.blockingMissing.map((r) => r.code)).toEqual(["P1.3"]);
  });
});
