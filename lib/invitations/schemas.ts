import { z } from "zod";
import { ZNewPassword } from "@/lib/auth/password-rules";
import { ContributorFunction } from "@/generated/prisma/enums";
import { LIMITS } from "@/lib/admin/schemas";
import { ZMembershipInput } from "@/lib/auth/membership-input";

// Client-safe: shared by the invitation forms and their route handlers.

export const ZEmail = z
  .string({ error: "Saisissez l'adresse électronique." })
  .trim()
  .toLowerCase()
  .max(LIMITS.email, { error: `L'adresse électronique ne doit pas dépasser ${LIMITS.email} caractères.` })
  .pipe(z.email({ error: "Saisissez une adresse électronique valide." }));

export const ZName = z
  .string({ error: "Saisissez le nom de la personne." })
  .trim()
  .min(1, { error: "Saisissez le nom de la personne." })
  .max(LIMITS.name, { error: `Le nom ne doit pas dépasser ${LIMITS.name} caractères.` });

const ZTitle = z
  .string({ error: "La fonction doit être un texte." })
  .trim()
  .max(LIMITS.title, { error: `La fonction ne doit pas dépasser ${LIMITS.title} caractères.` });

const ZPerson = z.strictObject(
  { email: ZEmail, name: ZName, title: ZTitle.optional() },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Champ non prévu : ${iss.keys.join(", ")}.` : undefined) },
);

const INVITATION_KEYS = new Set(["email", "name", "title", "role", "function", "establishmentId", "ghtId", "regionId"]);

export type InvitationCreate = z.output<typeof ZPerson> & { membership: z.output<typeof ZMembershipInput> };

/**
 * The admin's invitation: the person (email, name, title) and their first role with its scope, in
 * one flat body (`role`, `function`, `establishmentId`…) as the form sends it. Each half keeps its
 * own French messages on its own fields.
 */
export const ZInvitationCreate = z
  .record(z.string(), z.unknown(), { error: "Le contenu envoyé doit être un objet JSON." })
  .transform((body, ctx): InvitationCreate => {
    const unknown = Object.keys(body).filter((k) => !INVITATION_KEYS.has(k));
    if (unknown.length > 0) {
      ctx.addIssue({ code: "custom", message: `Champ non prévu : ${unknown.join(", ")}.` });
      return z.NEVER;
    }
    const { email, name, title, ...membership } = body;
    const person = ZPerson.safeParse({ email, name, ...(title === undefined ? {} : { title }) });
    const role = ZMembershipInput.safeParse(membership);
    for (const issue of [...(person.error?.issues ?? []), ...(role.error?.issues ?? [])])
      ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    if (!person.success || !role.success) return z.NEVER;
    return { ...person.data, membership: role.data };
  });

/** A director invites a contributor to their own establishment: the role and the scope are implied. */
export const ZContributorInvitation = z.strictObject(
  {
    email: ZEmail,
    name: ZName,
    title: ZTitle.optional(),
    function: z.enum(ContributorFunction, { error: "Choisissez la fonction du contributeur." }),
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Champ non prévu : ${iss.keys.join(", ")}.` : undefined) },
);
export type ContributorInvitation = z.output<typeof ZContributorInvitation>;

export const ZInvitationAccept = z
  .strictObject({
    token: z.string({ error: "Lien d'invitation invalide." }).min(1, { error: "Lien d'invitation invalide." }).max(100),
    password: ZNewPassword,
    confirmation: z.string({ error: "Saisissez à nouveau le mot de passe." }),
  })
  .refine((v) => v.password === v.confirmation, {
    error: "Les deux mots de passe ne sont pas identiques.",
    path: ["confirmation"],
  });
export type InvitationAccept = z.output<typeof ZInvitationAccept>;
