import { describe, expect, it } from "vitest";
import { type FundingParameterData, fundingAtStake } from "./compute";

const ghbs = { id: "ghbs", regionId: "bzh", annualActivity: 98_000 };
const blockingMissing = [
  { code: "P2.1", domain: "P2" },
  { code: "P2.6", domain: "P2" },
];
const regional = (over: Partial<FundingParameterData> = {}): FundingParameterData => ({
  regionId: "bzh",
  establishmentId: null,
  domainCode: null,
  amountEuros: 21_000_000,
  assumption: "Exemple : enveloppe régionale HOP'EN annoncée en 2019.",
  isExample: true,
  ...over,
});
const own = (over: Partial<FundingParameterData> = {}): FundingParameterData => ({
  regionId: null,
  establishmentId: "ghbs",
  domainCode: null,
  amountEuros: 1_500_000,
  assumption: "Montant notifié par l'ARS au GHBS.",
  isExample: false,
  ...over,
});
const base = { establishment: ghbs, regionActivityTotal: 928_000, blockingMissing };

describe("[FUNDING] fundingAtStake", () => {
  it("gives no figure when no parameter applies", () => {
    expect(fundingAtStake({ ...base, parameters: [] })).toBeNull();
    expect(
      fundingAtStake({ ...base, parameters: [regional({ regionId: "pdl" }), own({ establishmentId: "nantes" })] }),
    ).toBeNull();
  });

  it("gives no figure for a regional envelope when the activity to share it by is unknown", () => {
    expect(
      fundingAtStake({ ...base, establishment: { ...ghbs, annualActivity: null }, parameters: [regional()] }),
    ).toBeNull();
    expect(fundingAtStake({ ...base, regionActivityTotal: 0, parameters: [regional()] })).toBeNull();
  });

  it("uses an establishment-level parameter as is, ahead of the regional envelope", () => {
    const result = fundingAtStake({ ...base, parameters: [regional(), own()] })!;
    expect(result.amountEuros).toBe(1_500_000);
    expect(result.basis).toBe("establishment");
    expect(result.share).toBeNull();
    expect(result.isExample).toBe(false);
    expect(result.assumption).toBe("Montant notifié par l'ARS au GHBS.");
  });

  it("shares a regional envelope in proportion to activity and says so", () => {
    const result = fundingAtStake({ ...base, parameters: [regional()] })!;
    expect(result.basis).toBe("region");
    expect(result.share).toBeCloseTo(98 / 928, 10);
    expect(result.amountEuros).toBe(Math.round((21_000_000 * 98_000) / 928_000)); // 2 217 672
    expect(result.isExample).toBe(true);
    expect(result.assumption).toContain("Exemple : enveloppe régionale HOP'EN annoncée en 2019.");
    expect(result.assumption).toMatch(/part de l'enveloppe régionale au prorata de l'activité : 10,6\s?%/);
  });

  it("makes each missing blocking prerequisite hold back the whole programme amount (all or nothing)", () => {
    const result = fundingAtStake({ ...base, parameters: [own()] })!;
    expect(result.perRequirement).toEqual({ "P2.1": 1_500_000, "P2.6": 1_500_000 });
    expect(result.rule).toContain("Tout ou rien");
    expect(fundingAtStake({ ...base, blockingMissing: [], parameters: [own()] })!.perRequirement).toEqual({});
  });

  it("makes domain-level amounts held back by their own domain's missing prerequisites", () => {
    const parameters = [
      own({ domainCode: "P2", amountEuros: 400_000 }),
      own({ domainCode: "P1", amountEuros: 100_000 }),
    ];
    const result = fundingAtStake({
      ...base,
      blockingMissing: [...blockingMissing, { code: "P3.3", domain: "P3" }],
      parameters,
    })!;
    expect(result.amountEuros).toBe(500_000);
    expect(result.perRequirement).toEqual({ "P2.1": 400_000, "P2.6": 400_000, "P3.3": 0 });
    expect(result.rule).toContain("domaine");
    expect(result.rule).not.toContain("Tout ou rien");
    expect(result.assumption).toContain("Domaine P2 :");
  });

  it("adds programme and domain amounts, shared by activity for a region", () => {
    const parameters = [
      regional({ amountEuros: 928_000 }),
      regional({ domainCode: "P2", amountEuros: 92_800, isExample: false }),
    ];
    const result = fundingAtStake({ ...base, parameters })!;
    expect(result.amountEuros).toBe(98_000 + 9_800);
    expect(result.perRequirement["P2.1"]).toBe(98_000 + 9_800);
    expect(result.isExample).toBe(true);
  });

  it("keeps the parameter set last for one scope and domain", () => {
    const parameters = [
      own({ amountEuros: 2_000_000, setAt: "2026-09-01T00:00:00Z" }),
      own({ amountEuros: 1_000_000, setAt: "2026-03-01T00:00:00Z" }),
    ];
    expect(fundingAtStake({ ...base, parameters })!.amountEuros).toBe(2_000_000);
  });
});
