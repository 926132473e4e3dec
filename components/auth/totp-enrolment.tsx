"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useServerSubmit } from "@/components/admin/use-server-submit";
import { ZFactorCode } from "@/lib/auth/second-factor/schemas";
import { ServerForm } from "@/components/ui/server-form";
import { CodeField } from "./code-field";
import { useFinishSignIn } from "./finish-sign-in";
import { RecoveryCodesPanel } from "./recovery-codes-panel";

type Values = z.input<typeof ZFactorCode>;
type Props = Readonly<{ qrDataUrl: string; secret: string; callbackUrl: string }>;

/**
 * First sign-in of an admin without an authenticator: scan the QR code (or type the secret, for
 * keyboard and screen-reader users), confirm with a code, then keep the ten recovery codes.
 */
export function TotpEnrolment({ qrDataUrl, secret, callbackUrl }: Props) {
  const [codes, setCodes] = useState<string[] | null>(null);
  const { finish: proceed, error: finishError } = useFinishSignIn(callbackUrl);
  const { register, handleSubmit, formState, setError } = useForm<Values, unknown, z.output<typeof ZFactorCode>>({
    resolver: zodResolver(ZFactorCode),
    defaultValues: { code: "" },
  });
  const { alert, send } = useServerSubmit(setError, ["code"] as const);
  const error = formState.errors.code?.message;

  async function onSubmit(values: z.output<typeof ZFactorCode>) {
    const result = await send<{ recoveryCodes?: string[] }>("/api/sign-in/second-factor", "POST", values);
    if (result?.recoveryCodes) setCodes(result.recoveryCodes);
  }

  if (codes) return <RecoveryCodesPanel codes={codes} onContinue={proceed} error={finishError} />;
  return (
    <div className="stack" style={{ gap: "1rem" }}>
      <h2 style={{ margin: 0 }}>Activer la vérification en deux étapes</h2>
      <p style={{ margin: 0 }}>
        Le compte d&apos;administration demande un code à chaque connexion. Installez une application
        d&apos;authentification (FreeOTP, Aegis, Google Authenticator, Microsoft Authenticator…) sur votre téléphone,
        puis :
      </p>
      <ol className="enrol-steps">
        <li>
          <strong>Scannez ce QR code</strong> avec l&apos;application :
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server, no optimisation to gain */}
          <img
            className="totp-qr"
            src={qrDataUrl}
            alt="QR code à scanner avec votre application d'authentification (la clé est aussi écrite ci-dessous)"
            width={200}
            height={200}
          />
        </li>
        <li>
          <strong>ou saisissez la clé</strong> dans l&apos;application (compte « Socle », type « basé sur le temps ») :
          <code className="totp-secret" data-testid="totp-secret">
            {secret}
          </code>
        </li>
        <li>
          <strong>Saisissez le code à 6 chiffres</strong> que l&apos;application affiche :
        </li>
      </ol>
      <ServerForm
        label="Confirmer l'application"
        onSubmit={handleSubmit(onSubmit)}
        alert={alert}
        submitLabel="Activer"
        busyLabel="Vérification…"
        submitting={formState.isSubmitting}
      >
        <CodeField hint="affiché par votre application" error={error} registration={register("code")} />
      </ServerForm>
    </div>
  );
}
