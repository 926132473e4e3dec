import { z } from "zod";

// The read-only JSON summary of a regional campaign view: its zod schemas are the contract, and the
// OpenAPI document (lib/region/outputs/openapi.ts) is generated from them. Every figure is a cell:
// its value and n, or the small-group marker with its reason and threshold, as on the page.

const ZSuppressed = z
  .object({
    shown: z.literal(false),
    n: z.number().int().min(0).meta({ description: "Effectif du groupe (le chiffre lui-même est masqué)" }),
    reason: z.enum(["small", "complementary"]).meta({
      description:
        "small : moins de k établissements ; complementary : se déduirait d'autres chiffres par soustraction",
    }),
    k: z.number().int().min(1),
  })
  .meta({ id: "Suppressed" });

export const ZCountCell = z
  .discriminatedUnion("shown", [
    z.object({ shown: z.literal(true), n: z.number().int().min(0), value: z.number().int().min(0) }),
    ZSuppressed,
  ])
  .meta({ id: "CountCell", description: "Un effectif sur n établissements, ou le marqueur de masquage." });

export const ZStatisticCell = z
  .discriminatedUnion("shown", [
    z.object({
      shown: z.literal(true),
      n: z.number().int().min(0),
      q1: z.number(),
      median: z.number(),
      q3: z.number(),
    }),
    ZSuppressed,
  ])
  .meta({
    id: "StatisticCell",
    description: "Médiane et quartiles (score 0–100) sur n établissements, ou le marqueur.",
  });

export const ZRegionSummary = z
  .object({
    region: z.object({ id: z.string(), name: z.string() }),
    campaign: z.object({ id: z.string(), name: z.string(), year: z.number().int(), referential: z.string() }),
    asOf: z.iso.datetime().meta({ description: "Heure des données" }),
    filter: z.object({
      departement: z.string().optional(),
      ght: z.string().optional(),
      category: z.string().optional(),
      sizeBand: z.string().optional(),
      evidenceOnly: z.boolean(),
    }),
    thresholds: z.object({
      count: z.number().int().min(1).meta({ description: "k des effectifs et parts" }),
      statistic: z.number().int().min(1).meta({ description: "k des médianes, quartiles et positions" }),
    }),
    members: z.number().int().min(0).meta({ description: "Membres dans le filtre" }),
    coverage: z.object({
      submitted: ZCountCell,
      warning: z.boolean(),
      byCategory: z.array(z.object({ category: z.string(), label: z.string(), submitted: ZCountCell })),
    }),
    status: z.object({ notStarted: ZCountCell, inProgress: ZCountCell, submitted: ZCountCell }),
    verdict: z.object({ eligible: ZCountCell, notEligible: ZCountCell }),
    detailShared: ZCountCell,
    distribution: z.array(
      z.object({
        code: z.string().meta({ description: "« * » pour le score global" }),
        title: z.string(),
        cell: ZStatisticCell,
      }),
    ),
    gaps: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        domain: z.string(),
        missed: ZCountCell,
        metWithEvidence: z.number().int().min(0),
        metDeclared: z.number().int().min(0),
      }),
    ),
  })
  .meta({ id: "RegionSummary", description: "Synthèse régionale d'une campagne, avec les règles de petits groupes." });

export type TRegionSummary = z.output<typeof ZRegionSummary>;

export const ZApiError = z
  .object({ error: z.object({ code: z.string(), message: z.string() }).loose() })
  .loose()
  .meta({ id: "Error" });
