import { z } from "zod";
import { SignInPolicy } from "@/generated/prisma/enums";

// Client-safe: the code forms and the routes parse with the same schemas.

export const ZFactorCode = z.object({
  code: z
    .string({ error: "Saisissez le code à 6 chiffres." })
    .transform((v) => v.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, { error: "Le code compte 6 chiffres, sans lettre." })),
});

export const ZRecoveryCode = z.object({
  recoveryCode: z
    .string({ error: "Saisissez un code de secours." })
    .trim()
    .min(1, { error: "Saisissez un code de secours." })
    .max(40, { error: "Un code de secours compte 10 caractères (par exemple ABCDE-23456)." }),
});

/** The code step's body: a code from the app or the mail, or one recovery code. */
export function parseFactorInput(body: unknown) {
  const withRecovery = typeof body === "object" && body !== null && "recoveryCode" in body;
  return withRecovery ? ZRecoveryCode.safeParse(body) : ZFactorCode.safeParse(body);
}

export const ZSignInPolicy = z.object({
  policy: z.enum(SignInPolicy, { error: "Choisissez une règle de connexion." }),
});
export type SignInPolicyInput = z.output<typeof ZSignInPolicy>;
