import { z } from "zod";

// A funding assumption, as the admin or the regional delegate enters it. Client-safe: the form
// (zodResolver) and the routes (command()) use the same schema. A figure is an assumption, never
// a promise: the assumption text is required and says where the amount comes from.

export const FUNDING_LIMITS = { amountMax: 10_000_000_000, assumptionMin: 10, assumptionMax: 1000 } as const;

/** An optional whole number of the assumption (a range's top, a population, a ceiling). */
const optionalCount = (what: string, min: number) =>
  z
    .number({ error: `${what} est un nombre entier.` })
    .int({ error: `${what} est un nombre entier.` })
    .min(min, { error: `${what} doit valoir au moins ${min}.` })
    .max(FUNDING_LIMITS.amountMax, { error: `${what} est trop grand.` });

const id = (message: string) =>
  z.string({ error: message }).trim().min(1, { error: message }).max(64, { error: "Identifiant invalide." });

export const ZFundingParameterInput = z
  .strictObject(
    {
      campaignId: id("Choisissez la campagne."),
      scope: z.enum(["region", "establishment"], { error: "Choisissez le périmètre : la région ou un établissement." }),
      regionId: id("Choisissez la région.").nullish(),
      establishmentId: id("Choisissez l'établissement.").nullish(),
      domainCode: z
        .string({ error: "Domaine invalide." })
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, { error: "Code de domaine invalide (ex. P2)." })
        .nullish(),
      amountEuros: z
        .number({ error: "Saisissez le montant en euros (nombre entier)." })
        .int({ error: "Le montant est un nombre entier d'euros." })
        .min(0, { error: "Le montant ne peut pas être négatif." })
        .max(FUNDING_LIMITS.amountMax, { error: "Le montant ne peut pas dépasser 10 milliards d'euros." }),
      amountMaxEuros: optionalCount("Le haut de la fourchette", 0).nullish(),
      eligibleCount: optionalCount("Le nombre d'établissements éligibles", 1).nullish(),
      populationActivity: optionalCount("L'activité totale de la population", 1).nullish(),
      ceilingEuros: optionalCount("Le plafond par établissement", 0).nullish(),
      assumption: z
        .string({ error: "Décrivez l'hypothèse : d'où vient ce montant ?" })
        .trim()
        .min(FUNDING_LIMITS.assumptionMin, {
          error: `Décrivez l'hypothèse en ${FUNDING_LIMITS.assumptionMin} caractères au moins : d'où vient ce montant ?`,
        })
        .max(FUNDING_LIMITS.assumptionMax, {
          error: `L'hypothèse ne doit pas dépasser ${FUNDING_LIMITS.assumptionMax} caractères.`,
        }),
      isExample: z.boolean({ error: "Indiquez s'il s'agit d'un exemple." }),
    },
    {
      error: (iss) =>
        iss.code === "unrecognized_keys"
          ? `Champ non prévu : ${iss.keys.join(", ")}.`
          : "Le contenu envoyé doit être un objet JSON.",
    },
  )
  .superRefine((v, ctx) => {
    if (v.amountMaxEuros != null && v.amountMaxEuros < v.amountEuros)
      ctx.addIssue({
        code: "custom",
        path: ["amountMaxEuros"],
        message: "Le haut de la fourchette ne peut être inférieur au montant.",
      });
    if (v.scope === "region") {
      if (v.eligibleCount == null && v.populationActivity == null)
        ctx.addIssue({
          code: "custom",
          path: ["eligibleCount"],
          message:
            "Une enveloppe régionale se partage sur la population que nomme l'hypothèse : indiquez le nombre d'établissements éligibles ou l'activité totale de cette population.",
        });
      if (!v.regionId) ctx.addIssue({ code: "custom", path: ["regionId"], message: "Choisissez la région." });
      if (v.establishmentId)
        ctx.addIssue({
          code: "custom",
          path: ["establishmentId"],
          message: "Un paramètre régional ne vise pas un établissement.",
        });
    } else {
      if (!v.establishmentId)
        ctx.addIssue({ code: "custom", path: ["establishmentId"], message: "Choisissez l'établissement." });
      if (v.regionId)
        ctx.addIssue({
          code: "custom",
          path: ["regionId"],
          message: "Un paramètre d'établissement ne vise pas une région.",
        });
    }
  });

export type FundingParameterInput = z.output<typeof ZFundingParameterInput>;
export type FundingParameterFormValues = z.input<typeof ZFundingParameterInput>;

export const ZFundingParameterDelete = z.strictObject({}, { error: "Le contenu envoyé doit être un objet JSON vide." });
