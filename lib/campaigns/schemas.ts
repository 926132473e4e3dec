import { z } from "zod";

// A campaign's input, shared by the admin form (zodResolver) and the route handlers (command()).
// Client-safe: zod only. Messages are French; the object is strict, so a field the form does not
// send is a 400 rather than silently ignored. Dates stay ISO strings (what <input type="date">
// gives); the action stores them as midnight UTC.

export const CAMPAIGN_LIMITS = { name: 200, id: 64, yearMin: 2019, yearMax: 2100, establishments: 5000 } as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function date(required: string) {
  return z.iso.date({
    error: (iss) =>
      iss.input === undefined || iss.input === "" ? required : "Date invalide : format attendu AAAA-MM-JJ.",
  });
}

const id = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .max(CAMPAIGN_LIMITS.id, { error: "Identifiant invalide." });

export const ZCampaignInput = z
  .strictObject(
    {
      name: z
        .string({ error: "Saisissez le nom de la campagne." })
        .trim()
        .min(1, { error: "Saisissez le nom de la campagne." })
        .max(CAMPAIGN_LIMITS.name, { error: `Le nom ne doit pas dépasser ${CAMPAIGN_LIMITS.name} caractères.` }),
      year: z
        .number({ error: "Saisissez l'année de la campagne (ex. 2026)." })
        .int({ error: "L'année est un nombre entier (ex. 2026)." })
        .min(CAMPAIGN_LIMITS.yearMin, {
          error: `L'année doit être comprise entre ${CAMPAIGN_LIMITS.yearMin} et ${CAMPAIGN_LIMITS.yearMax}.`,
        })
        .max(CAMPAIGN_LIMITS.yearMax, {
          error: `L'année doit être comprise entre ${CAMPAIGN_LIMITS.yearMin} et ${CAMPAIGN_LIMITS.yearMax}.`,
        }),
      referentialVersionId: id("Choisissez la version du référentiel."),
      opensOn: date("Saisissez la date d'ouverture."),
      closesOn: date("Saisissez la date de clôture."),
      establishmentIds: z
        .array(id("Établissement invalide."), { error: "Choisissez au moins un établissement." })
        .min(1, { error: "Choisissez au moins un établissement." })
        .max(CAMPAIGN_LIMITS.establishments, {
          error: `Une campagne compte au plus ${CAMPAIGN_LIMITS.establishments} établissements.`,
        })
        .refine((ids) => new Set(ids).size === ids.length, {
          error: "Un établissement figure deux fois dans la liste.",
        }),
    },
    {
      error: (iss) =>
        iss.code === "unrecognized_keys"
          ? `Champ non prévu : ${iss.keys.join(", ")}.`
          : "Le contenu envoyé doit être un objet JSON.",
    },
  )
  .refine((c) => c.closesOn > c.opensOn, {
    path: ["closesOn"],
    error: "La date de clôture doit être postérieure à la date d'ouverture.",
    // Checked as soon as both dates are well formed, even while another field is still wrong.
    when: ({ value }) => {
      const v = value as { opensOn?: unknown; closesOn?: unknown } | null;
      return (
        typeof v?.opensOn === "string" &&
        typeof v.closesOn === "string" &&
        ISO_DATE.test(v.opensOn) &&
        ISO_DATE.test(v.closesOn)
      );
    },
  });

export type CampaignInput = z.output<typeof ZCampaignInput>;
export type CampaignFormValues = z.input<typeof ZCampaignInput>;
