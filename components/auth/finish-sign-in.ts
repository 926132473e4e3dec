"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { safeCallbackPath } from "@/lib/auth/callback-url";

/**
 * After the code step: the "second-factor" sign-in consumes the verified challenge and replaces the
 * half-signed-in cookie with the real session. False when it could not (expired, revoked).
 */
export async function finishSecondFactor(callbackUrl: string): Promise<string | null> {
  const result = await signIn("second-factor", { redirect: false }).catch(() => null);
  return result && !result.error ? safeCallbackPath(callbackUrl) : null;
}

/** finishSecondFactor, then on to the page asked for; `error` says why when the session could not be opened. */
export function useFinishSignIn(callbackUrl: string) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function finish() {
    const next = await finishSecondFactor(callbackUrl);
    if (!next) {
      setError(FINISH_FAILED);
      return;
    }
    router.replace(next);
    router.refresh();
  }
  return { finish, error };
}

export const FINISH_FAILED =
  "La connexion n'a pas pu être terminée (étape expirée ou session fermée) : reconnectez-vous avec votre mot de passe.";
