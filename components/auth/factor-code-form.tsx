"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useServerSubmit } from "@/components/admin/use-server-submit";
import { controlA11y, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { FactorKind } from "@/lib/auth/second-factor/policy";
import { ZFactorCode, ZRecoveryCode } from "@/lib/auth/second-factor/schemas";
import { sendJson } from "@/lib/core/client-fetch";
import { ServerForm } from "@/components/ui/server-form";
import { CodeField } from "./code-field";
import { useFinishSignIn } from "./finish-sign-in";

const ENDPOINT = "/api/sign-in/second-factor";

/** The code step for an enrolled account (app code or recovery code) or an e-mailed code. */
export function FactorCodeForm({ kind, callbackUrl }: Readonly<{ kind: FactorKind; callbackUrl: string }>) {
  const [recovery, setRecovery] = useState(false);
  const { finish: done, error: finishError } = useFinishSignIn(callbackUrl);
  return (
    <div className="stack" style={{ gap: "1rem" }}>
      <FormAlert message={finishError} />
      {recovery ? <RecoveryForm onDone={done} /> : <CodeForm kind={kind} onDone={done} />}
      {kind === "totp" ? (
        <p className="small" style={{ margin: 0 }}>
          <button type="button" className="btn-link" onClick={() => setRecovery(!recovery)}>
            {recovery
              ? "Utiliser le code de mon application"
              : "Je n'ai pas mon téléphone : utiliser un code de secours"}
          </button>
        </p>
      ) : null}
      {kind === "email" ? <ResendButton /> : null}
    </div>
  );
}

type CodeValues = z.input<typeof ZFactorCode>;

function CodeForm({ kind, onDone }: Readonly<{ kind: FactorKind; onDone: () => Promise<void> }>) {
  const { register, handleSubmit, formState, setError } = useForm<CodeValues, unknown, z.output<typeof ZFactorCode>>({
    resolver: zodResolver(ZFactorCode),
    defaultValues: { code: "" },
  });
  const { alert, send } = useServerSubmit(setError, ["code"] as const);
  const error = formState.errors.code?.message;
  async function onSubmit(values: z.output<typeof ZFactorCode>) {
    if (await send<object>(ENDPOINT, "POST", values)) await onDone();
  }
  return (
    <ServerForm
      label="Code de vérification"
      onSubmit={handleSubmit(onSubmit)}
      alert={alert}
      submitLabel="Valider le code"
      busyLabel="Vérification…"
      submitting={formState.isSubmitting}
    >
      <CodeField
        hint={kind === "email" ? "reçu par courriel" : "affiché par votre application"}
        error={error}
        registration={register("code")}
      />
    </ServerForm>
  );
}

type RecoveryValues = z.input<typeof ZRecoveryCode>;

function RecoveryForm({ onDone }: Readonly<{ onDone: () => Promise<void> }>) {
  const { register, handleSubmit, formState, setError } = useForm<
    RecoveryValues,
    unknown,
    z.output<typeof ZRecoveryCode>
  >({ resolver: zodResolver(ZRecoveryCode), defaultValues: { recoveryCode: "" } });
  const { alert, send } = useServerSubmit(setError, ["recoveryCode"] as const);
  const error = formState.errors.recoveryCode?.message;
  async function onSubmit(values: z.output<typeof ZRecoveryCode>) {
    if (await send<object>(ENDPOINT, "POST", values)) await onDone();
  }
  return (
    <ServerForm
      label="Connexion avec un code de secours"
      onSubmit={handleSubmit(onSubmit)}
      alert={alert}
      submitLabel="Utiliser ce code de secours"
      busyLabel="Vérification…"
      submitting={formState.isSubmitting}
    >
      <Field
        id="recoveryCode"
        label="Code de secours"
        hint="un des 10 codes reçus à l'activation, par exemple ABCDE-23456 ; il ne servira plus ensuite"
        error={error}
      >
        <input
          className="input input-code"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          autoFocus
          {...controlA11y("recoveryCode", error)}
          {...register("recoveryCode")}
        />
      </Field>
    </ServerForm>
  );
}

function ResendButton() {
  const [state, setState] = useState<{ busy: boolean; message?: string; kind?: "success" | "error" }>({ busy: false });
  async function resend() {
    setState({ busy: true });
    const result = await sendJson<{ mail: string }>(`${ENDPOINT}/resend`, {}, "POST");
    if (!result.ok) setState({ busy: false, message: result.message, kind: "error" });
    else if (result.data.mail === "sent")
      setState({
        busy: false,
        message: "Un nouveau code vient d'être envoyé ; le précédent ne fonctionne plus.",
        kind: "success",
      });
    else
      setState({
        busy: false,
        message: "Le courriel n'a pas pu être envoyé : réessayez dans un instant.",
        kind: "error",
      });
  }
  return (
    <div className="stack" style={{ gap: "0.5rem" }}>
      <FormAlert message={state.message} kind={state.kind} />
      <p className="small" style={{ margin: 0 }}>
        Rien reçu après quelques minutes ? Vérifiez vos courriers indésirables, puis{" "}
        <button type="button" className="btn-link" onClick={resend} disabled={state.busy}>
          {state.busy ? "envoi…" : "recevoir un nouveau code"}
        </button>
        .
      </p>
    </div>
  );
}

/** Leaves the half-signed-in state (and ends the pending session). */
export function CancelSignInButton() {
  return (
    <p className="small" style={{ marginTop: "1.5rem" }}>
      <button type="button" className="btn-link" onClick={() => signOut({ redirectTo: "/login" })}>
        Annuler et revenir à la page de connexion
      </button>
    </p>
  );
}
