import type { TComputedFrom } from "@/lib/referentials/answer-schema";
import type { TDomain } from "./schemas";

// The "share of applications" indicators (HOP'EN P1.3, P1.4, P3.2; Hôpital numérique P1.1 …),
// computed from the inventory instead of typed in. Pure and client-safe.
//
// Counting rule (docs/programmes.md, HOP'EN prerequisites, M): the numerator counts APPLICATIONS, not
// functional domains. An application covering four domains is one application, in the
// denominator and, if it qualifies, in the numerator.
//
// Scopes. Confidence L: the official HOP'EN scope text was not seen; these follow the wording of
// the referential's labels and must be confirmed by a regional delegate.
// - identity_repo, movement_repo: applications covering at least one of care ("Soins / dossier
//   patient"), patient_admin or pmsi, from the label "applications de soins, de gestion
//   administrative du patient et du PMSI". Imaging, biology or pharmacy software counts only when
//   it is also marked as care; a stricter reading ("au cœur du processus de soins") could add them.
// - personal_auth: applications marked as holding personal health data, whatever their domains.
// The scope lives here in code because the referential's answer spec only names the computation
// (`computedFrom`); making it data would need a scope field in lib/referentials/answer-schema.ts.

export type IndicatorKind = TComputedFrom;
export const INDICATOR_KINDS = [
  "identity_repo",
  "movement_repo",
  "personal_auth",
] as const satisfies readonly IndicatorKind[];

/** What the computation needs from an application (a database row, a form value or a CSV row). */
export type IndicatorApplication = {
  domains: readonly string[];
  holdsHealthData: boolean;
  identityRepoConnected: boolean;
  movementRepoConnected: boolean;
  personalAuth: boolean;
};

/** percent is null when no application is concerned (0 / 0 is not 0 %, nor 100 %). */
export type IndicatorResult = { numerator: number; denominator: number; percent: number | null };

/** Domains that put an application in the identity and movement indicators' scope. */
export const PATIENT_PATH_DOMAINS = ["care", "patient_admin", "pmsi"] as const satisfies readonly TDomain[];

const coversPatientPath = (app: IndicatorApplication) =>
  app.domains.some((d) => (PATIENT_PATH_DOMAINS as readonly string[]).includes(d));

type IndicatorRule = {
  inScope: (app: IndicatorApplication) => boolean;
  meets: (app: IndicatorApplication) => boolean;
};

const RULES: Record<IndicatorKind, IndicatorRule> = {
  identity_repo: { inScope: coversPatientPath, meets: (app) => app.identityRepoConnected },
  movement_repo: { inScope: coversPatientPath, meets: (app) => app.movementRepoConnected },
  personal_auth: { inScope: (app) => app.holdsHealthData, meets: (app) => app.personalAuth },
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
};

/** Exact share (not rounded: a target comparison must not see 89.96 % as 90 %). */
export function computeIndicator(apps: readonly IndicatorApplication[], kind: IndicatorKind): IndicatorResult {
  const rule = RULES[kind];
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
): { percent: number; numerator: number; denominator: number } | null {
  return r.percent === null ? null : { percent: r.percent, numerator: r.numerator, denominator: r.denominator };
}
