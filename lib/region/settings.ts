import { z } from "zod";
import defaults from "@/data/comparison/settings.json";

// The comparison's rules are data: the small-group thresholds, the coverage warning, the dominance
// share and the size bands (by legal-entity activity). Defaults ship in data/comparison/settings.json;
// a platform may override them with a `comparison.settings` row in the Setting table (same shape).

const ZSizeBand = z
  .object({
    code: z.string().min(1).max(8),
    label: z.string().min(1).max(120),
    /** For tables: a few characters ("20 000 – 60 000"). */
    short: z.string().min(1).max(24),
    /** Upper bound (exclusive) of the yearly activity; null for the last band. */
    maxActivity: z.number().int().positive().nullable(),
  })
  .strict();

export const ZComparisonSettings = z
  .object({
    /** k for counts and shares. */
    countThreshold: z.number().int().min(1).max(100),
    /** k for medians, quartiles and bands. */
    statisticThreshold: z.number().int().min(1).max(100),
    coverageWarningShare: z.number().min(0).max(1),
    dominanceShare: z.number().gt(0).max(1),
    sizeBands: z.array(ZSizeBand).min(1),
  })
  .strict()
  .refine((s) => s.statisticThreshold >= s.countThreshold, {
    message: "Le seuil des médianes doit être au moins celui des effectifs.",
  });

export type ComparisonSettings = z.output<typeof ZComparisonSettings>;
export type SizeBand = ComparisonSettings["sizeBands"][number];

export const DEFAULT_SETTINGS: ComparisonSettings = ZComparisonSettings.parse(defaults);
export const SETTINGS_KEY = "comparison.settings";

/** The stored override if it parses, else the shipped defaults (a bad row never breaks the page). */
export function parseSettings(stored: string | null | undefined): ComparisonSettings {
  if (!stored) return DEFAULT_SETTINGS;
  try {
    const parsed = ZComparisonSettings.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** The band of a yearly activity; null when no activity is recorded (missing data, never "small"). */
export function sizeBandOf(bands: readonly SizeBand[], activity: number | null): SizeBand | null {
  if (activity === null || activity === undefined) return null;
  return bands.find((b) => b.maxActivity === null || activity < b.maxActivity) ?? null;
}

export const THRESHOLD_REASONS = {
  count: (k: number) =>
    `Effectifs et parts : affichés à partir de ${k} établissements, pour qu'aucun chiffre ne désigne un établissement.`,
  statistic: (k: number) =>
    `Médianes, quartiles et positions : à partir de ${k} établissements ; en dessous, une médiane est presque la valeur d'un établissement.`,
};
