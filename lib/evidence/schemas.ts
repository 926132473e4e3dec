import { z } from "zod";

// Client-safe request schemas for the evidence commands (the panel sends these shapes).

const ZId = z
  .string({ error: "Identifiant manquant." })
  .min(1, "Identifiant manquant.")
  .max(64, "Identifiant invalide.");

export const ZRequirementCode = z
  .string({ error: "Indiquez l'exigence concernée." })
  .min(1, "Indiquez l'exigence concernée.")
  .max(64, "Code d'exigence invalide.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Code d'exigence invalide.");

/** POST /api/assessments/[assessmentId]/evidence/links: link a file of the library to a requirement. */
export const ZLinkEvidence = z.strictObject(
  { evidenceId: ZId, requirementCode: ZRequirementCode },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? "Champ inattendu dans la requête."
        : "Requête invalide : un objet { evidenceId, requirementCode } est attendu.",
  },
);
export type TLinkEvidence = z.infer<typeof ZLinkEvidence>;

/** DELETE /api/assessments/[assessmentId]/evidence/links/[linkId]: no body. */
export const ZUnlinkEvidence = z.strictObject({}, { error: "Aucun paramètre n'est attendu." });
