import { z } from "zod";

// Client-safe schemas for the action plan: the form (zodResolver) and the routes (command()) use
// the same ones. Optional fields accept null, which the form sends for an emptied control and
// which an update uses to clear a value.

export const ACTION_STATUSES = ["todo", "in_progress", "done", "abandoned"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  todo: "À faire",
  in_progress: "En cours",
  done: "Terminée",
  abandoned: "Abandonnée",
};

export const ACTION_LIMITS = { titleMin: 3, titleMax: 200, notes: 4000, cost: 100_000_000 } as const;

const ZStatus = z.enum(ACTION_STATUSES, { error: "Choisissez un statut : à faire, en cours, terminée ou abandonnée." });

const fields = {
  title: z
    .string({ error: "Saisissez l'intitulé de l'action." })
    .trim()
    .min(ACTION_LIMITS.titleMin, { error: `L'intitulé compte au moins ${ACTION_LIMITS.titleMin} caractères.` })
    .max(ACTION_LIMITS.titleMax, { error: `L'intitulé ne doit pas dépasser ${ACTION_LIMITS.titleMax} caractères.` }),
  requirementCode: z
    .string({ error: "Exigence invalide." })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { error: "Code d'exigence invalide (ex. P2.1)." })
    .nullish(),
  ownerId: z
    .string({ error: "Responsable invalide." })
    .min(1, { error: "Responsable invalide." })
    .max(64, { error: "Responsable invalide." })
    .nullish(),
  dueOn: z.iso.date({ error: "Échéance invalide : format attendu AAAA-MM-JJ." }).nullish(),
  estimatedCost: z
    .number({ error: "Le coût estimé est un nombre entier d'euros." })
    .int({ error: "Le coût estimé est un nombre entier d'euros." })
    .min(0, { error: "Le coût estimé ne peut pas être négatif." })
    .max(ACTION_LIMITS.cost, { error: "Le coût estimé ne peut pas dépasser 100 000 000 €." })
    .nullish(),
  notes: z
    .string({ error: "Notes invalides." })
    .max(ACTION_LIMITS.notes, { error: `Les notes ne doivent pas dépasser ${ACTION_LIMITS.notes} caractères.` })
    .nullish(),
};

const objectError = {
  error: (iss: { code?: string; keys?: string[] }) =>
    iss.code === "unrecognized_keys"
      ? `Champ non prévu : ${(iss.keys ?? []).join(", ")}.`
      : "Le contenu envoyé doit être un objet JSON.",
};

export const ZActionInput = z.strictObject({ ...fields, status: ZStatus.default("todo") }, objectError);
export type ActionInput = z.output<typeof ZActionInput>;
export type ActionFormValues = z.input<typeof ZActionInput>;

/** The fields a contributor may change on an action they own. */
export const OWNER_EDITABLE = ["status", "notes"] as const;

export const ZActionUpdate = z
  .strictObject(
    {
      title: fields.title.optional(),
      requirementCode: fields.requirementCode,
      ownerId: fields.ownerId,
      dueOn: fields.dueOn,
      status: ZStatus.optional(),
      estimatedCost: fields.estimatedCost,
      notes: fields.notes,
      expectedVersion: z
        .number({ error: "Version attendue manquante." })
        .int({ error: "Version invalide." })
        .min(1, { error: "Version invalide." }),
    },
    objectError,
  )
  .refine((u) => Object.keys(u).some((k) => k !== "expectedVersion"), {
    error: "Aucune modification n'a été envoyée.",
  });
export type ActionUpdate = z.output<typeof ZActionUpdate>;

export const ZActionDelete = z.strictObject(
  {
    expectedVersion: z
      .number({ error: "Version invalide." })
      .int({ error: "Version invalide." })
      .min(1, { error: "Version invalide." })
      .optional(),
  },
  objectError,
);
