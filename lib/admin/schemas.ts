import { z } from "zod";
import { EstablishmentCategory } from "@/generated/prisma/enums";
import { PASSWORD_MIN } from "@/lib/auth/password-rules";
import { ZFiness } from "@/lib/establishments/finess";

// The admin's inputs, shared by the forms (zodResolver) and the route handlers (command()).
// Client-safe: zod and enums only. Every message is French; objects are strict, so a field the
// form does not send (e.g. a regionId for an establishment, derived from its département) is a 400.

export const LIMITS = {
  name: 200,
  title: 120,
  email: 254,
  passwordMin: PASSWORD_MIN,
  id: 64,
  activity: 10_000_000,
} as const;

export function strict<T extends z.core.$ZodLooseShape>(shape: T, unknownKeyMessage = "Champ non prévu") {
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `${unknownKeyMessage} : ${iss.keys.join(", ")}.`
        : "Le contenu envoyé doit être un objet JSON.",
  });
}

/** A required, trimmed text: `required` when missing or blank, `label` names it in the length message. */
function text(required: string, label: string, max: number = LIMITS.name) {
  return z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .max(max, { error: `${label} ne doit pas dépasser ${max} caractères.` });
}

export function id(required: string) {
  return z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .max(LIMITS.id, { error: "Identifiant invalide." });
}

const ZTitle = z
  .string({ error: "La fonction doit être un texte." })
  .trim()
  .max(LIMITS.title, { error: `La fonction ne doit pas dépasser ${LIMITS.title} caractères.` });

// ─── Places ────────────────────────────────────────────────────────────────

export const ZRegionInput = strict({
  code: z
    .string({ error: "Saisissez le code INSEE de la région." })
    .trim()
    .toUpperCase()
    .min(2, { error: "Le code de région compte 2 ou 3 caractères." })
    .max(3, { error: "Le code de région compte 2 ou 3 caractères." }),
  name: text("Saisissez le nom de la région.", "Le nom", 100),
});
export type RegionInput = z.output<typeof ZRegionInput>;

/** A region's code is its INSEE key (seeded reference data): only the name is edited. */
export const ZRegionUpdate = strict({ name: ZRegionInput.shape.name });
export type RegionUpdate = z.output<typeof ZRegionUpdate>;

export const ZGhtInput = strict({
  name: text("Saisissez le nom du GHT.", "Le nom"),
  regionId: id("Choisissez la région du GHT."),
  supportEstablishmentId: id("Établissement support invalide.").nullable().optional(),
});
export type GhtInput = z.output<typeof ZGhtInput>;

export const ZEstablishmentInput = strict({
  finess: ZFiness,
  name: text("Saisissez le nom de l'établissement.", "Le nom"),
  category: z.enum(EstablishmentCategory, { error: "Choisissez une catégorie d'établissement." }),
  departementCode: z
    .string({ error: "Choisissez le département." })
    .trim()
    .toUpperCase()
    .min(1, { error: "Choisissez le département." })
    .max(3, { error: "Code de département invalide." }),
  ghtId: id("GHT invalide.").nullable(),
  annualActivity: z
    .number({ error: "L'activité annuelle est un nombre de séjours." })
    .int({ error: "L'activité annuelle est un nombre entier de séjours." })
    .min(0, { error: "L'activité annuelle ne peut pas être négative." })
    .max(LIMITS.activity, { error: "L'activité annuelle ne peut pas dépasser 10 000 000 séjours." })
    .nullable()
    .optional(),
});
export type EstablishmentInput = z.output<typeof ZEstablishmentInput>;

export const ZEstablishmentDisable = strict({
  disabled: z.boolean({ error: "Indiquez si l'établissement est désactivé (vrai ou faux)." }),
});
export type EstablishmentDisable = z.output<typeof ZEstablishmentDisable>;

/**
 * PATCH /api/admin/establishments/[id] takes either the edit form or the disable toggle. A plain
 * union would report "Invalid input" for both branches: the body's shape picks one schema, whose
 * own French messages are kept.
 */
export const ZEstablishmentPatch = z.unknown().transform((value, ctx): EstablishmentInput | EstablishmentDisable => {
  const isToggle = typeof value === "object" && value !== null && "disabled" in value && !("finess" in value);
  const result = (isToggle ? ZEstablishmentDisable : ZEstablishmentInput).safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  return z.NEVER;
});

// ─── People ────────────────────────────────────────────────────────────────

export const ZUserUpdate = strict({
  name: text("Saisissez le nom de la personne.", "Le nom"),
  title: ZTitle.optional(),
  // No password here: no admin ever chooses or knows one. A forgotten password gets a reset link
  // (lib/invitations/commands.ts sendPasswordReset), chosen by the person themself.
  disabled: z.boolean({ error: "Indiquez si le compte est désactivé (vrai ou faux)." }),
});
export type UserUpdate = z.output<typeof ZUserUpdate>;

// The membership input (role × scope) is part of the access model: lib/auth/membership-input.ts.

/** Resetting an authenticator: one's own needs the app's current code. */
export const ZSecondFactorReset = strict({
  code: z
    .string({ error: "Le code doit être un texte." })
    .trim()
    .max(12, { error: "Le code compte 6 chiffres." })
    .optional(),
});

/** DELETE bodies: nothing expected. */
export const ZEmpty = strict({});
