import { z } from "zod";
import { ZNewPassword } from "@/lib/auth/password-rules";

// The user's own password change, shared by the form and the route. Client-safe.
export const ZPasswordChange = z
  .strictObject(
    {
      current: z
        .string({ error: "Saisissez votre mot de passe actuel." })
        .min(1, "Saisissez votre mot de passe actuel."),
      next: ZNewPassword,
      confirm: z.string({ error: "Confirmez le nouveau mot de passe." }),
    },
    { error: "Le contenu envoyé doit être un objet JSON avec current, next et confirm." },
  )
  .refine((v) => v.next === v.confirm, { path: ["confirm"], error: "Les deux saisies ne sont pas identiques." })
  .refine((v) => v.next !== v.current, {
    path: ["next"],
    error: "Le nouveau mot de passe doit être différent de l'actuel.",
  });
export type PasswordChange = z.output<typeof ZPasswordChange>;
