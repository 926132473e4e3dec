import { describe, expect, it } from "vitest";
import {
  DEFAULT_SCOPES,
  computeIndicator,
  computeReadings,
  scopeOf,
  computeIndicators,
  displayPercent,
  formatFraction,
  type IndicatorApplication,
  toComputedPercentage,
} from "./indicators";

const app = (over: Partial<IndicatorApplication> = {}): IndicatorApplication => ({
  domains: ["care"],
  holdsHealthData: true,
  identityRepoConnected: false,
  movementRepoConnected: false,
  personalAuth: false,
  qhnCommitted: false,
  ...over,
});

// Any run of spaces (incl. the narrow no-break space fr-FR puts before %) as one plain space.
const plain = (s: string) => s.replace(/\s+/g, " ");

describe("computeIndicator", () => {
  it("counts an application covering four domains once, in the numerator and the denominator", () => {
    const apps = [
      app({ domains: ["care", "patient_admin", "pmsi", "scheduling"], identityRepoConnected: true }),
      app({ domains: ["pmsi"], identityRepoConnected: false }),
    ];
    expect(computeIndicator(apps, "identity_repo")).toEqual({ numerator: 1, denominator: 2, percent: 50 });
  });

  it("keeps to the scope: identity and movement count care, patient admin and PMSI applications only", () => {
    const apps = [
      app({ domains: ["care"], identityRepoConnected: true, movementRepoConnected: true }),
      app({ domains: ["patient_admin"], identityRepoConnected: true, movementRepoConnected: false }),
      app({ domains: ["pmsi"], identityRepoConnected: false, movementRepoConnected: false }),
      // outside the scope, connected or not: not counted at all
      app({ domains: ["finance"], identityRepoConnected: true, movementRepoConnected: true }),
      app({ domains: ["hr", "other"], identityRepoConnected: false }),
      app({ domains: ["imaging", "biology"], identityRepoConnected: false }),
    ];
    expect(computeIndicator(apps, "identity_repo")).toMatchObject({ numerator: 2, denominator: 3 });
    expect(computeIndicator(apps, "movement_repo")).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it("keeps to the scope: personal authentication counts the applications holding health data, whatever their domains", () => {
    const apps = [
      app({ domains: ["imaging"], holdsHealthData: true, personalAuth: true }),
      app({ domains: ["care"], holdsHealthData: true, personalAuth: false }),
      app({ domains: ["finance"], holdsHealthData: false, personalAuth: false }),
      app({ domains: ["hr"], holdsHealthData: false, personalAuth: true }),
    ];
    expect(computeIndicator(apps, "personal_auth")).toEqual({ numerator: 1, denominator: 2, percent: 50 });
  });

  it("returns a null percent, not 0 % nor 100 %, when no application is concerned", () => {
    const result = computeIndicator([app({ domains: ["finance"], holdsHealthData: false })], "identity_repo");
    expect(result).toEqual({ numerator: 0, denominator: 0, percent: null });
    expect(computeIndicator([], "personal_auth")).toEqual({ numerator: 0, denominator: 0, percent: null });
    expect(formatFraction(result)).toBe("aucune application concernée");
    expect(toComputedPercentage(result)).toBeNull();
  });

  it("keeps the exact share for target comparisons (89.9 % is not 90 %)", () => {
    const apps = [
      ...Array.from({ length: 899 }, () => app({ identityRepoConnected: true })),
      ...Array.from({ length: 101 }, () => app()),
    ];
    const result = computeIndicator(apps, "identity_repo");
    expect(result.percent).toBeCloseTo(89.9, 10);
    expect(result.percent! < 90).toBe(true);
  });

  it("computes the indicators at once", () => {
    const all = computeIndicators([app({ identityRepoConnected: true, personalAuth: true })]);
    expect(all.identity_repo.percent).toBe(100);
    expect(all.movement_repo.percent).toBe(0);
    expect(all.personal_auth.percent).toBe(100);
  });
});

describe("formatFraction", () => {
  it("writes 7 / 9 applications (78 %) in fr-FR", () => {
    expect(plain(formatFraction({ numerator: 7, denominator: 9, percent: (7 * 100) / 9 }))).toBe(
      "7 / 9 applications (78 %)",
    );
    // fr-FR typography: a no-break space before % (narrow or not, by ICU version), thousands grouped
    expect(formatFraction({ numerator: 7, denominator: 9, percent: (7 * 100) / 9 })).toMatch(/78[\u00a0\u202f]%/);
    expect(plain(formatFraction({ numerator: 1200, denominator: 1500, percent: 80 }))).toBe(
      "1 200 / 1 500 applications (80 %)",
    );
  });

  it("uses the singular for one application", () => {
    expect(plain(formatFraction({ numerator: 1, denominator: 1, percent: 100 }))).toBe("1 / 1 application (100 %)");
    expect(plain(formatFraction({ numerator: 0, denominator: 1, percent: 0 }))).toBe("0 / 1 application (0 %)");
  });

  it("never shows 100 % while an application is missing, nor 0 % while one qualifies", () => {
    expect(displayPercent({ numerator: 999, denominator: 1000, percent: 99.9 })).toBe(99);
    expect(displayPercent({ numerator: 1, denominator: 1000, percent: 0.1 })).toBe(1);
    expect(displayPercent({ numerator: 0, denominator: 0, percent: null })).toBeNull();
  });

  it("stores the computed answer in the shape the questionnaire expects", () => {
    expect(toComputedPercentage({ numerator: 7, denominator: 9, percent: (7 * 100) / 9 })).toEqual({
      numerator: 7,
      denominator: 9,
      percent: (7 * 100) / 9,
    });
  });
});

describe("[INVENTORY] the indicator's scope is data, both readings while it is uncertain", () => {
  // GHBS's demo inventory, reduced: six patient-path applications connected, a PACS that is not.
  const ghbs = [
    ...Array.from({ length: 6 }, () => app({ domains: ["care"], identityRepoConnected: true })),
    app({ domains: ["imaging"], identityRepoConnected: false }),
    app({ domains: ["finance"], holdsHealthData: false }),
  ];

  it("gives the strict and the broad figure of P1.3 under the documented default scope (6/6 vs 6/7)", () => {
    const scope = scopeOf({ computedFrom: "identity_repo" })!;
    expect(scope).toBe(DEFAULT_SCOPES.identity_repo);
    expect(scope.confidence).toBe("L");
    const { strict, broad } = computeReadings(ghbs, "identity_repo", scope);
    expect([strict.numerator, strict.denominator]).toEqual([6, 6]);
    expect([broad!.numerator, broad!.denominator]).toEqual([6, 7]);
    expect(toComputedPercentage(strict, broad)).toEqual({
      percent: 100,
      numerator: 6,
      denominator: 6,
      broad: { percent: (6 * 100) / 7, numerator: 6, denominator: 7 },
    });
  });

  it("counts what a referential's own scope names (a correction ships as a new version)", () => {
    const scope = { strict: { domains: ["care", "imaging"] }, confidence: "H" as const };
    expect(scopeOf({ computedFrom: "identity_repo", scope })).toBe(scope);
    const { strict, broad } = computeReadings(ghbs, "identity_repo", scope);
    expect([strict.numerator, strict.denominator, broad]).toEqual([6, 7, null]);
  });

  it("keeps personal authentication on applications holding health data", () => {
    const scope = scopeOf({ computedFrom: "personal_auth" })!;
    expect(computeReadings(ghbs, "personal_auth", scope).strict.denominator).toBe(7);
  });
});

describe("[FIDELITY] the per-application QHN flag feeds HOP'EN's QHN condition", () => {
  // Three health-data applications whose vendors are committed, one without health data whose vendor is not.
  const apps = [
    ...Array.from({ length: 3 }, () => app({ qhnCommitted: true })),
    app({ domains: ["hr"], holdsHealthData: false, qhnCommitted: false }),
  ];

  it("counts applications whose vendor is committed, under both readings of 'software concerned'", () => {
    const scope = scopeOf({ computedFrom: "qhn_committed" })!;
    expect(scope.confidence).toBe("L");
    const { strict, broad } = computeReadings(apps, "qhn_committed", scope);
    expect([strict.numerator, strict.denominator]).toEqual([3, 3]);
    expect([broad!.numerator, broad!.denominator]).toEqual([3, 4]);
    expect(computeIndicators(apps).qhn_committed).toEqual({ numerator: 3, denominator: 3, percent: 100 });
  });

  it("an uncommitted vendor of a health-data application lowers the strict figure too", () => {
    const withDpi = [...apps, app({ domains: ["care"], qhnCommitted: false })];
    expect(computeIndicator(withDpi, "qhn_committed")).toEqual({ numerator: 3, denominator: 4, percent: 75 });
  });
});
