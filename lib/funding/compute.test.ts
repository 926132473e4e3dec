import { describe, expect, it } from "vitest";
import { type FundingParameterData, fundingAtStake, orderOfMagnitude, usageFunding } from "./compute";
import { formatRange } from "./format";

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
  eligibleCount: 60,
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
const base = { establishment: ghbs, blockingMissing };
const single = (n: number) => ({ low: n, high: n });

describe("[FUNDING] fundingAtStake", () => {
  it("gives no figure when no parameter applies", () => {
    expect(fundingAtStake({ ...base, parameters: [] })).toBeNull();
    expect(
      fundingAtStake({ ...base, parameters: [regional({ regionId: "pdl" }), own({ establishmentId: "nantes" })] }),
    ).toBeNull();
  });

  it("gives no figure for a regional envelope that names no population, or no activity to share by", () => {
    // Before: shared over the establishments enrolled in Socle's campaign (2 217 672 € for GHBS).
    expect(fundingAtStake({ ...base, parameters: [regional({ eligibleCount: null })] })).toBeNull();
    expect(
      fundingAtStake({
        ...base,
        establishment: { ...ghbs, annualActivity: null },
        parameters: [regional({ eligibleCount: null, populationActivity: 5_000_000 })],
      }),
    ).toBeNull();
  });

  it("rounds to an order of magnitude: two significant digits", () => {
    expect([2_217_672, 349_999, 98_765, 1_234, 0].map(orderOfMagnitude)).toEqual([
      2_200_000, 350_000, 99_000, 1_200, 0,
    ]);
  });

  it("shares a regional envelope among the eligible establishments the assumption names", () => {
    const result = fundingAtStake({ ...base, parameters: [regional()] })!;
    expect(result.basis).toBe("region");
    expect(result.amount).toEqual(single(350_000)); // 21 M€ / 60
    expect(formatRange(result.amount)).toBe("environ 350\u00a0k€");
    expect(result.assumption).toContain("partagée entre 60 établissements éligibles (population de l'hypothèse)");
  });

  it("shares by activity over the population's total activity when the assumption gives it", () => {
    const result = fundingAtStake({
      ...base,
      parameters: [regional({ eligibleCount: null, populationActivity: 7_000_000 })],
    })!;
    expect(result.amount).toEqual(single(290_000)); // 21 M€ × 98 000 / 7 000 000 = 294 000
    expect(result.assumption).toMatch(/98\s000 sur 7\s000\s000/);
  });

  it("shows a range when the assumption is a range, and caps it by the ceiling it states", () => {
    const ranged = fundingAtStake({ ...base, parameters: [regional({ amountMaxEuros: 42_000_000 })] })!;
    expect(ranged.amount).toEqual({ low: 350_000, high: 700_000 });
    expect(formatRange(ranged.amount)).toBe("entre 350\u00a0k€ et 700\u00a0k€");
    const capped = fundingAtStake({
      ...base,
      parameters: [regional({ eligibleCount: 5, amountMaxEuros: 42_000_000, ceilingEuros: 3_400_000 })],
    })!;
    expect(capped.amount).toEqual(single(3_400_000)); // 4,2 M€ and 8,4 M€ both above the 3,4 M€ ceiling
    expect(capped.assumption).toMatch(/plafond par établissement 3\s400\s000 €/);
  });

  it("uses an establishment-level parameter as is, ahead of the regional envelope", () => {
    const result = fundingAtStake({ ...base, parameters: [regional(), own()] })!;
    expect(result.amount).toEqual(single(1_500_000));
    expect(result.basis).toBe("establishment");
    expect(result.isExample).toBe(false);
    expect(result.assumption).toBe("Montant notifié par l'ARS au GHBS.");
  });

  it("makes each missing blocking prerequisite hold back the whole programme amount (all or nothing)", () => {
    const result = fundingAtStake({ ...base, parameters: [own()] })!;
    expect(result.perRequirement).toEqual({ "P2.1": single(1_500_000), "P2.6": single(1_500_000) });
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
    expect(result.amount).toEqual(single(500_000));
    expect(result.perRequirement).toEqual({ "P2.1": single(400_000), "P2.6": single(400_000), "P3.3": single(0) });
    expect(result.rule).toContain("domaine");
    expect(result.rule).not.toContain("Tout ou rien");
    expect(result.assumption).toContain("Domaine P2 :");
  });

  it("keeps the parameter set last for one scope and domain", () => {
    const parameters = [
      own({ amountEuros: 2_000_000, setAt: "2026-09-01T00:00:00Z" }),
      own({ amountEuros: 1_000_000, setAt: "2026-03-01T00:00:00Z" }),
    ];
    expect(fundingAtStake({ ...base, parameters })!.amount).toEqual(single(2_000_000));
  });
});

describe("[FIDELITY] HOP'EN usage: a funding figure per domain applied for, and the total", () => {
  const d2 = regional({
    domainCode: "D2",
    amountEuros: 4_000_000,
    amountMaxEuros: 6_000_000,
    eligibleCount: 60,
    ceilingEuros: 80_000,
    assumption: "Exemple de démonstration : montant par domaine non sourcé.",
  });
  const d3 = regional({
    domainCode: "D3",
    amountEuros: 2_000_000,
    eligibleCount: null,
    populationActivity: 1_500_000,
    assumption: "Exemple de démonstration : enveloppe fictive du domaine D3.",
  });
  const verdicts = [
    { code: "D2", title: "DPI interopérable et DMP", status: "not_eligible" as const },
    { code: "D3", title: "Prescription électronique", status: "eligible" as const },
    { code: "D6", title: "Échanges avec les partenaires", status: "reserved" as const },
  ];

  it("gives each domain its own order of magnitude, over the population its assumption names, capped", () => {
    const result = usageFunding({ establishment: ghbs, parameters: [d2, d3] }, verdicts)!;
    // D2: 4 M€ to 6 M€ over 60 establishments = 66 667 € to 100 000 €, capped at 80 000 €.
    expect(result.domains[0]).toMatchObject({
      code: "D2",
      status: "not_eligible",
      amount: { low: 67_000, high: 80_000 },
    });
    expect(result.domains[0]!.assumption?.replace(/\s/g, " ")).toContain("plafond par établissement 80 000 €");
    // D3: 2 M€ by activity, 98 000 of 1 500 000 stays = 130 667 €.
    expect(result.domains[1]).toMatchObject({ code: "D3", amount: single(130_000), isExample: true });
    // D6: no assumption names it: no figure.
    expect(result.domains[2]).toMatchObject({ code: "D6", amount: null, assumption: null });
    expect(result.total).toEqual({ low: 197_000, high: 210_000 });
    // Held back: D2 (not eligible) and D6 (sous réserve, no figure); D3 is eligible.
    expect(result.held).toEqual({ low: 67_000, high: 80_000 });
    expect(result.isExample).toBe(true);
    expect(result.unassigned).toBeNull();
    expect(formatRange(result.total).replace(/\s/g, " ")).toBe("entre 197 k€ et 210 k€");
  });

  it("never shares a programme-level amount out across domains: it is shown apart", () => {
    const result = usageFunding({ establishment: ghbs, parameters: [regional(), d2] }, verdicts)!;
    expect(result.unassigned?.amount).toEqual(single(350_000));
    expect(result.domains.map((d) => d.amount)).toEqual([{ low: 67_000, high: 80_000 }, null, null]);
    expect(result.total).toEqual({ low: 67_000, high: 80_000 });
  });

  it("gives no figure without an assumption, or for an envelope that names no population", () => {
    expect(usageFunding({ establishment: ghbs, parameters: [] }, verdicts)).toBeNull();
    expect(
      usageFunding(
        { establishment: ghbs, parameters: [regional({ domainCode: "D2", eligibleCount: null })] },
        verdicts,
      ),
    ).toBeNull();
  });
});
