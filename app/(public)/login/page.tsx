import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { AuthPage } from "@/components/layout/auth-page";
import { SsoButtons } from "@/components/auth/sso-buttons";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getActor } from "@/lib/auth/current";
import { enabledSso } from "@/lib/auth/sso/providers";
import { env } from "@/lib/core/env";

export const metadata: Metadata = { title: "Connexion" };

export default async function LoginPage({
  searchParams,
}: Readonly<{ searchParams: Promise<Record<string, string | string[] | undefined>> }>) {
  const query = await searchParams;
  // Only same-site paths may follow a sign-in (no open redirect).
  const callbackUrl = safeCallbackPath(query.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  return (
    <AuthPage
      aside={
        <>
          <h1>Les prérequis du numérique en santé, prouvés simplement.</h1>
          <p>
            Évaluez votre établissement sur les prérequis HOP&apos;EN, HospiConnect et CaRE, réunissez les pièces
            justificatives et déposez un dossier vérifiable auprès de l&apos;ARS.
          </p>
          <ul>
            <li>Un questionnaire partagé entre la direction, la DSI, le RSSI et le DPO</li>
            <li>Un verdict d&apos;éligibilité clair et un plan d&apos;actions</li>
            <li>Un dossier PDF signé, vérifiable par son code</li>
          </ul>
        </>
      }
    >
      <h2>Connexion</h2>
      <p className="muted">Accès réservé aux établissements, aux délégations régionales FHF et aux ARS.</p>
      <SignInMethods
        callbackUrl={callbackUrl}
        ssoError={typeof query.error === "string" && query.error !== "CredentialsSignin"}
      />
      <p className="small muted" style={{ marginTop: "2rem" }}>
        Vous avez reçu un dossier ? <Link href="/verifier">Vérifier l&apos;authenticité d&apos;un dossier</Link>
      </p>
    </AuthPage>
  );
}

/** The configured SSO buttons, then the password form unless the installation switched it off. */
function SignInMethods({ callbackUrl, ssoError }: Readonly<{ callbackUrl: string; ssoError: boolean }>) {
  const providers = enabledSso();
  return (
    <>
      {ssoError ? (
        <div className="alert alert-error" role="alert" data-testid="sign-in-error">
          <p style={{ margin: 0 }}>
            La connexion par le fournisseur d&apos;identité n&apos;a pas abouti (annulée, expirée ou refusée). Aucun
            compte n&apos;a été modifié : recommencez.
          </p>
        </div>
      ) : null}
      <SsoButtons providers={providers} />
      {providers.length > 0 && env.passwordSignIn ? (
        <p className="muted small" style={{ margin: "1.25rem 0 0.5rem" }}>
          ou avec votre adresse électronique et votre mot de passe :
        </p>
      ) : null}
      {env.passwordSignIn ? <LoginForm callbackUrl={callbackUrl} /> : null}
    </>
  );
}
