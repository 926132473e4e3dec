"use client";

import { signIn } from "next-auth/react";
import { safeCallbackPath } from "@/lib/auth/callback-url";

/**
 * After the code step: the "second-factor" sign-in consumes the verified challenge and replaces the
 * half-signed-in cookie with the real session. False when it could not (expired, revoked).
 */
export async function finishSecondFactor(callbackUrl: string): Promise<string | null> {
  const result = await signIn("second-factor", { redirect: false }).catch(() => null);
  return result && !result.error ? safeCallbackPath(callbackUrl) : null;
}

export const FINISH_FAILED =
  "La connexion n'a pas pu être terminée (étape expirée ou session fermée) : reconnectez-vous avec votre mot de passe.";
