import type { TComputedFrom, TIndicatorScope, TScopeReading } from "@/lib/referentials/answer-schema";
import type { TDomain } from "./schemas";

// The "share of applications" indicators (HOP'EN P1.3, P1.4, P3.2; Hôpital numérique P1.1 …),
// computed from the inventory instead of typed in. Pure and client-safe.
//
// Counting rule (docs/programmes.md, HOP'EN prerequisites, M): the numerator counts APPLICATIONS, not
// functional domains. An application covering four domains is one application, in the
// denominator and, if it qualifies, in the numerator.
//
// Scopes are data: each indicator's `answer.scope` in the referential file (strict reading, broad
// reading while uncertain, confidence). Content written before the field existed reads
// DEFAULT_SCOPES below, the documented reading of the labels (confidence L for P1.3/P1.4: the
// official HOP'EN scope text was not seen):
// - identity_repo, movement_repo: strict = applications covering care ("Soins / dossier patient"),
//   patient_admin or pmsi, from the label "applications de soins, de gestion administrative du
//   patient et du PMSI"; broad = also imaging, biology and pharmacy systems, which handle patient
//   identities too (a PACS, a laboratory or pharmacy system).
// - personal_auth: applications marked as holding personal health data (M: the label says so).
// - qhn_committed (HOP'EN's QHN condition, computed from 2019.4, whose file states its scope): the
//   sources name "the establishment's software vendors" without saying which software is concerned
//   (L): strict = applications holding personal health data, broad = every application.

export type IndicatorKind = TComputedFrom;
export const INDICATOR_KINDS = [
  "identity_repo",
  "movement_repo",
  "personal_auth",
  "qhn_committed",
] as const satisfies readonly IndicatorKind[];

/** What the computation needs from an application (a database row, a form value or a CSV row). */
export type IndicatorApplication = {
  domains: readonly string[];
  holdsHealthData: boolean;
  identityRepoConnected: boolean;
  movementRepoConnected: boolean;
  personalAuth: boolean;
  /** The vendor is committed to "Qualité Hôpital Numérique" certification (HOP'EN's QHN condition). */
  qhnCommitted: boolean;
};

/** percent is null when no application is concerned (0 / 0 is not 0 %, nor 100 %). */
export type IndicatorResult = { numerator: number; denominator: number; percent: number | null };

/** Domains that put an application in the identity and movement indicators' strict scope. */
export const PATIENT_PATH_DOMAINS = ["care", "patient_admin", "pmsi"] as const satisfies readonly TDomain[];
/** The broad reading adds the systems that also handle patient identities. */
export const PATIENT_IDENTITY_DOMAINS = [
  ...PATIENT_PATH_DOMAINS,
  "imaging",
  "biology",
  "pharmacy",
] as const satisfies readonly TDomain[];

const PATIENT_PATH_SCOPE: TIndicatorScope = {
  strict: { domains: [...PATIENT_PATH_DOMAINS] },
  broad: { domains: [...PATIENT_IDENTITY_DOMAINS] },
  confidence: "L",
  note: "Lecture du libellé (applications de soins, de gestion administrative du patient et du PMSI) ; une lecture large y ajoute l'imagerie, la biologie et la pharmacie, qui gèrent aussi des identités patients.",
};

/** The scope of content stored before scopes were data (see the comment at the top). */
export const DEFAULT_SCOPES: Record<IndicatorKind, TIndicatorScope> = {
  identity_repo: PATIENT_PATH_SCOPE,
  movement_repo: PATIENT_PATH_SCOPE,
  personal_auth: { strict: { healthDataOnly: true }, confidence: "M" },
  qhn_committed: {
    strict: { healthDataOnly: true },
    broad: {},
    confidence: "L",
    note: "Les sources citent l'engagement des éditeurs de l'établissement sans dire quels logiciels sont concernés : lecture stricte, les applications contenant des données de santé à caractère personnel ; lecture large, toutes les applications de l'inventaire.",
  },
};

/** The scope an indicator requirement counts: its own (data), else the documented default. */
export function scopeOf(spec: { computedFrom?: IndicatorKind; scope?: TIndicatorScope }): TIndicatorScope | null {
  if (!spec.computedFrom) return null;
  return spec.scope ?? DEFAULT_SCOPES[spec.computedFrom];
}

const inReading = (reading: TScopeReading) => (app: IndicatorApplication) =>
  (!reading.domains || app.domains.some((d) => reading.domains!.includes(d))) &&
  (!reading.healthDataOnly || app.holdsHealthData);

type IndicatorRule = {
  inScope: (app: IndicatorApplication) => boolean;
  meets: (app: IndicatorApplication) => boolean;
};

const MEETS: Record<IndicatorKind, IndicatorRule["meets"]> = {
  identity_repo: (app) => app.identityRepoConnected,
  movement_repo: (app) => app.movementRepoConnected,
  personal_auth: (app) => app.personalAuth,
  qhn_committed: (app) => app.qhnCommitted,
};

const RULES: Record<IndicatorKind, IndicatorRule> = {
  identity_repo: { inScope: inReading(DEFAULT_SCOPES.identity_repo.strict), meets: MEETS.identity_repo },
  movement_repo: { inScope: inReading(DEFAULT_SCOPES.movement_repo.strict), meets: MEETS.movement_repo },
  personal_auth: { inScope: inReading(DEFAULT_SCOPES.personal_auth.strict), meets: MEETS.personal_auth },
  qhn_committed: { inScope: inReading(DEFAULT_SCOPES.qhn_committed.strict), meets: MEETS.qhn_committed },
};

/**
 * Words the page shows for each indicator: a title, its scope and what counts. No requirement code:
 * codes belong to the referential (versioned data), which names the computation via `computedFrom`.
 */
export const INDICATOR_TEXT: Record<IndicatorKind, { title: string; scope: string; counts: string }> = {
  identity_repo: {
    title: "Référentiel unique d'identités (INS)",
    scope: "applications de soins, de gestion administrative du patient et du PMSI",
    counts: "reliées au référentiel unique d'identités portant l'INS",
  },
  movement_repo: {
    title: "Référentiel unique des séjours et mouvements",
    scope: "applications de soins, de gestion administrative du patient et du PMSI",
    counts: "reliées au référentiel unique des séjours et mouvements",
  },
  personal_auth: {
    title: "Authentification personnelle",
    scope: "applications contenant des données de santé à caractère personnel",
    counts: "qui exigent une authentification personnelle",
  },
  qhn_committed: {
    title: "Engagement QHN des éditeurs",
    scope: "applications contenant des données de santé à caractère personnel",
    counts: "dont l'éditeur est engagé dans la démarche « Qualité Hôpital Numérique »",
  },
};

/** The figure under one reading of the scope. */
export function computeReading(
  apps: readonly IndicatorApplication[],
  kind: IndicatorKind,
  reading: TScopeReading,
): IndicatorResult {
  return count(apps, { inScope: inReading(reading), meets: MEETS[kind] });
}

/** Both figures while the scope is uncertain: strict always, broad when the scope gives one. */
export function computeReadings(
  apps: readonly IndicatorApplication[],
  kind: IndicatorKind,
  scope: TIndicatorScope,
): { strict: IndicatorResult; broad: IndicatorResult | null } {
  return {
    strict: computeReading(apps, kind, scope.strict),
    broad: scope.broad ? computeReading(apps, kind, scope.broad) : null,
  };
}

/** Exact share (not rounded: a target comparison must not see 89.96 % as 90 %), default strict scope. */
export function computeIndicator(apps: readonly IndicatorApplication[], kind: IndicatorKind): IndicatorResult {
  return count(apps, RULES[kind]);
}

function count(apps: readonly IndicatorApplication[], rule: IndicatorRule): IndicatorResult {
  let numerator = 0;
  let denominator = 0;
  for (const app of apps) {
    if (!rule.inScope(app)) continue;
    denominator += 1;
    if (rule.meets(app)) numerator += 1;
  }
  return { numerator, denominator, percent: denominator === 0 ? null : (numerator * 100) / denominator };
}

export function computeIndicators(apps: readonly IndicatorApplication[]): Record<IndicatorKind, IndicatorResult> {
  return {
    identity_repo: computeIndicator(apps, "identity_repo"),
    movement_repo: computeIndicator(apps, "movement_repo"),
    personal_auth: computeIndicator(apps, "personal_auth"),
    qhn_committed: computeIndicator(apps, "qhn_committed"),
  };
}

/** Applications counted in an indicator's denominator (for "which ones are missing" lists). */
export function inIndicatorScope(app: IndicatorApplication, kind: IndicatorKind): boolean {
  return RULES[kind].inScope(app);
}

export function meetsIndicator(app: IndicatorApplication, kind: IndicatorKind): boolean {
  return RULES[kind].inScope(app) && RULES[kind].meets(app);
}

const integer = new Intl.NumberFormat("fr-FR");
const percentFormat = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });

/**
 * Whole percent for display. Rounded, except that a share never reads 100 % while an application
 * is missing, nor 0 % while one qualifies (the fraction beside it stays exact).
 */
export function displayPercent(r: IndicatorResult): number | null {
  if (r.percent === null) return null;
  const rounded = Math.round(r.percent);
  if (rounded === 100 && r.numerator < r.denominator) return 99;
  if (rounded === 0 && r.numerator > 0) return 1;
  return rounded;
}

/** "78 %" (fr-FR: a no-break space before %), or null when no application is concerned. */
export function formatPercent(r: IndicatorResult): string | null {
  const shown = displayPercent(r);
  return shown === null ? null : percentFormat.format(shown / 100);
}

/** "7 / 9 applications" ("1 / 1 application"); "aucune application concernée" for 0 / 0. */
export function formatCount(r: IndicatorResult): string {
  if (r.denominator === 0) return "aucune application concernée";
  return `${integer.format(r.numerator)} / ${integer.format(r.denominator)} application${r.denominator > 1 ? "s" : ""}`;
}

/** "7 / 9 applications (78 %)"; "aucune application concernée" when the denominator is 0. */
export function formatFraction(r: IndicatorResult): string {
  const percent = formatPercent(r);
  return percent === null ? formatCount(r) : `${formatCount(r)} (${percent})`;
}

/**
 * The value a computed answer stores (lib/assessments/answer-schemas.ts ZComputedPercentage), or
 * null when no application is concerned: the questionnaire then asks for an answer by hand.
 */
export function toComputedPercentage(
  r: IndicatorResult,
  broad: IndicatorResult | null = null,
): {
  percent: number;
  numerator: number;
  denominator: number;
  broad?: { percent: number; numerator: number; denominator: number };
} | null {
  if (r.percent === null) return null;
  const value = { percent: r.percent, numerator: r.numerator, denominator: r.denominator };
  return broad && broad.percent !== null
    ? { ...value, broad: { percent: broad.percent, numerator: broad.numerator, denominator: broad.denominator } }
    : value;
}
