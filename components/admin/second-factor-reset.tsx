"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { controlA11y, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { sendJson } from "@/lib/core/client-fetch";

/**
 * Resets an account's authenticator (its next sign-in enrols a new one; its sessions end). One's
 * own needs the app's current code. Mounted whether or not an authenticator is enrolled, so that the
 * confirmation outlives the page's refresh, which shows the account without one.
 */
export function SecondFactorReset({
  userId,
  name,
  isSelf,
  enrolled,
}: Readonly<{ userId: string; name: string; isSelf: boolean; enrolled: boolean }>) {
  const router = useRouter();
  const [code, setCode] = useState("");
  const [state, setState] = useState<{ busy: boolean; error?: string; fieldError?: string; done?: boolean }>({
    busy: false,
  });
  async function reset() {
    if (!isSelf && !window.confirm(`Réinitialiser l'application d'authentification de ${name} ?`)) return;
    setState({ busy: true });
    const result = await sendJson(`/api/admin/users/${userId}/second-factor`, isSelf ? { code } : {}, "DELETE");
    if (!result.ok) {
      setState({ busy: false, error: result.message, fieldError: result.fieldErrors?.code?.[0] });
      return;
    }
    setState({ busy: false, done: true });
    router.refresh();
  }
  if (state.done)
    return (
      <FormAlert
        kind="success"
        message="Application d'authentification réinitialisée : une nouvelle sera demandée à la prochaine connexion."
      />
    );
  if (!enrolled) return null;
  return (
    <div className="stack" style={{ gap: "0.75rem" }}>
      <FormAlert message={state.error} />
      {isSelf ? (
        <Field id="reset-code" label="Code actuel de votre application" error={state.fieldError}>
          <input
            className="input input-code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            {...controlA11y("reset-code", state.fieldError)}
          />
        </Field>
      ) : null}
      <div>
        <button type="button" className="btn btn-secondary" onClick={reset} disabled={state.busy}>
          {state.busy ? "Réinitialisation…" : "Réinitialiser l'application d'authentification"}
        </button>
      </div>
    </div>
  );
}
