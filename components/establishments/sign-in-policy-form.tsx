"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { SignInPolicy } from "@/generated/prisma/enums";
import { FormAlert } from "@/components/ui/form-alert";
import { POLICY_LABELS } from "@/lib/auth/second-factor/policy";
import { sendJson } from "@/lib/core/client-fetch";

type Props = Readonly<{
  establishmentId: string;
  current: SignInPolicy;
  setup: { mailOn: boolean; ssoOn: boolean };
}>;

const DETAILS: Record<SignInPolicy, string> = {
  password:
    "Chaque compte se connecte avec son mot de passe, ou par ProConnect / Pro Santé Connect s'il a lié son identité.",
  password_email_code:
    "Après le mot de passe, un code à 6 chiffres est envoyé par courriel à la personne (valable 10 minutes, une seule fois). ProConnect / Pro Santé Connect restent possibles sans code.",
  sso_only:
    "Le mot de passe est refusé : chaque compte se connecte par ProConnect ou Pro Santé Connect (identité professionnelle). Vérifiez d'abord que chacun a lié son identité.",
};

const UNAVAILABLE: Partial<Record<SignInPolicy, (setup: Props["setup"]) => string | null>> = {
  password_email_code: (s) =>
    s.mailOn
      ? null
      : "Indisponible : aucun serveur de courriel n'est configuré sur cette installation (SMTP_URL). Sans envoi de courriel, cette règle bloquerait les connexions : demandez-le à l'administrateur de la plateforme.",
  sso_only: (s) =>
    s.ssoOn ? null : "Indisponible : ni ProConnect ni Pro Santé Connect ne sont configurés sur cette installation.",
};

const ORDER: SignInPolicy[] = ["password", "password_email_code", "sso_only"];

/** The director's choice of how the establishment's accounts sign in. */
export function SignInPolicyForm({ establishmentId, current, setup }: Props) {
  const router = useRouter();
  const [choice, setChoice] = useState<SignInPolicy>(current);
  const [state, setState] = useState<{ busy: boolean; error?: string; saved?: boolean }>({ busy: false });
  async function save(event: React.FormEvent) {
    event.preventDefault();
    setState({ busy: true });
    const result = await sendJson(`/api/establishments/${establishmentId}/sign-in-policy`, { policy: choice }, "PUT");
    setState(result.ok ? { busy: false, saved: true } : { busy: false, error: result.message });
    if (result.ok) router.refresh();
  }
  return (
    <form className="form" onSubmit={save} aria-label="Règle de connexion" style={{ maxWidth: "none" }}>
      <FormAlert message={state.error} />
      <FormAlert kind="success" message={state.saved ? "Règle de connexion enregistrée." : null} />
      <fieldset className="policy-options">
        <legend className="visually-hidden">Règle de connexion des comptes de l&apos;établissement</legend>
        {ORDER.map((policy) => {
          const unavailable = UNAVAILABLE[policy]?.(setup) ?? null;
          const id = `policy-${policy}`;
          return (
            <div key={policy} className="policy-option">
              <input
                type="radio"
                id={id}
                name="policy"
                value={policy}
                checked={choice === policy}
                disabled={!!unavailable && current !== policy}
                onChange={() => setChoice(policy)}
                aria-describedby={`${id}-detail`}
              />
              <div>
                <label htmlFor={id}>{POLICY_LABELS[policy]}</label>
                <p className="small muted" id={`${id}-detail`} style={{ margin: "0.2rem 0 0" }}>
                  {DETAILS[policy]}
                  {unavailable ? (
                    <>
                      {" "}
                      <strong className="policy-unavailable">{unavailable}</strong>
                    </>
                  ) : null}
                </p>
              </div>
            </div>
          );
        })}
      </fieldset>
      <div className="form-actions">
        <button className="btn" type="submit" disabled={state.busy || choice === current}>
          {state.busy ? "Enregistrement…" : "Enregistrer la règle"}
        </button>
      </div>
    </form>
  );
}
