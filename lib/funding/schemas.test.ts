import { describe, expect, it } from "vitest";
import { ZFundingParameterInput } from "./schemas";

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join(".") || "_", i.message]));

describe("[FUNDING] schemas", () => {
  const base = { campaignId: "c1", amountEuros: 1000, assumption: "Montant notifié par l'ARS.", isExample: false };

  it("needs the target that matches the scope, and only that one", () => {
    expect(
      ZFundingParameterInput.safeParse({ ...base, scope: "region", regionId: "r1", eligibleCount: 60 }).success,
    ).toBe(true);
    expect(messages(ZFundingParameterInput.safeParse({ ...base, scope: "region" })).regionId).toBe(
      "Choisissez la région.",
    );
    expect(
      messages(ZFundingParameterInput.safeParse({ ...base, scope: "establishment", regionId: "r1" })),
    ).toMatchObject({
      establishmentId: "Choisissez l'établissement.",
      regionId: "Un paramètre d'établissement ne vise pas une région.",
    });
  });

  it("asks a regional envelope for the population it is shared over, and a range read low to high", () => {
    expect(
      messages(ZFundingParameterInput.safeParse({ ...base, scope: "region", regionId: "r1" })).eligibleCount,
    ).toMatch(/population que nomme l'hypothèse/);
    expect(
      ZFundingParameterInput.safeParse({ ...base, scope: "region", regionId: "r1", populationActivity: 5_000_000 })
        .success,
    ).toBe(true);
    expect(
      messages(
        ZFundingParameterInput.safeParse({
          ...base,
          scope: "establishment",
          establishmentId: "e1",
          amountMaxEuros: 10,
        }),
      ).amountMaxEuros,
    ).toBe("Le haut de la fourchette ne peut être inférieur au montant.");
    expect(
      ZFundingParameterInput.safeParse({ ...base, scope: "establishment", establishmentId: "e1", eligibleCount: 0 })
        .success,
    ).toBe(false);
  });

  it("refuses a negative or fractional amount and a short assumption", () => {
    const r = ZFundingParameterInput.safeParse({
      ...base,
      scope: "region",
      regionId: "r1",
      amountEuros: -1,
      assumption: "court",
    });
    expect(messages(r)).toMatchObject({
      amountEuros: "Le montant ne peut pas être négatif.",
      assumption: expect.stringContaining("10 caractères"),
    });
    expect(
      ZFundingParameterInput.safeParse({ ...base, scope: "region", regionId: "r1", amountEuros: 10.5 }).success,
    ).toBe(false);
  });
});
