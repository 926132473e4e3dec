import { z } from "zod";

// Client-safe request schemas for the assessment commands (forms use the same ones).

const ZId = z
  .string({ error: "Identifiant manquant." })
  .min(1, "Identifiant manquant.")
  .max(64, "Identifiant invalide.");

export const ZStartAssessment = z
  .object({ campaignId: ZId, establishmentId: ZId, carryForward: z.boolean().default(true) })
  .strict();

export const ZAssignSection = z
  .object({ domainCode: z.string().min(1).max(32), userIds: z.array(ZId).max(50, "Trop de personnes.") })
  .strict();

export const ZAssessmentOptions = z
  .object({ options: z.record(z.string().max(64), z.union([z.string().max(64), z.array(z.string().max(64)).max(50)])) })
  .strict();

export const REGION_SHARING_LEVELS = ["participation", "detail"] as const;
export const ZShare = z
  .object({ sharing: z.enum(REGION_SHARING_LEVELS, { error: "Niveau de partage inconnu." }) })
  .strict();
export type TShare = z.output<typeof ZShare>;

/** An applicant with several sites declares, site by site, which objectives of the coverage rule it reaches. */
export const ZSiteCoverage = z
  .object({
    siteId: z.string({ error: "Site manquant." }).min(1, "Site manquant.").max(64, "Site inconnu."),
    code: z.string({ error: "Objectif manquant." }).min(1, "Objectif manquant.").max(64, "Objectif inconnu."),
    reached: z.boolean({ error: "Indiquez si l'objectif est atteint sur ce site." }),
  })
  .strict();

export const ZSubmitAssessment = z
  .object({
    name: z.string().trim().min(2, "Indiquez votre nom.").max(120, "Le nom dépasse 120 caractères."),
    title: z.string().trim().min(2, "Indiquez votre fonction.").max(120, "La fonction dépasse 120 caractères."),
    date: z.iso.date("Date invalide."),
    accurate: z.literal(true, { error: "Cochez l'attestation pour soumettre." }),
    expectedVersion: z.number().int().min(1),
  })
  .strict();
export type TSubmitAssessment = z.infer<typeof ZSubmitAssessment>;

export const ATTESTATION_STATEMENT =
  "J'atteste que les réponses de cette évaluation et les pièces jointes sont exactes et reflètent la situation de l'établissement à la date indiquée.";
