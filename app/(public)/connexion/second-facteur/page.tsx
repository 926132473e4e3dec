import type { Metadata } from "next";
import { AuthPage } from "@/components/layout/auth-page";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CancelSignInButton, FactorCodeForm } from "@/components/auth/factor-code-form";
import { TotpEnrolment } from "@/components/auth/totp-enrolment";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getActor } from "@/lib/auth/current";
import { findOpenChallenge } from "@/lib/auth/second-factor/challenge";
import { currentPendingFactor } from "@/lib/auth/second-factor/pending-token";
import { openSecret } from "@/lib/auth/second-factor/secret-box";
import { groupedSecret, totpUri } from "@/lib/auth/second-factor/totp";
import { db } from "@/lib/core/db";
import { qrPngDataUrl } from "@/lib/dossier/qr";

export const metadata: Metadata = { title: "Vérification en deux étapes" };

const TIME = new Intl.DateTimeFormat("fr-FR", { timeStyle: "short", timeZone: "Europe/Paris" });

/** The half-signed-in page: enrol an authenticator, or give the code (app, recovery or e-mail). */
export default async function SecondFactorPage({
  searchParams,
}: Readonly<{ searchParams: Promise<Record<string, string | string[] | undefined>> }>) {
  const query = await searchParams;
  const callbackUrl = safeCallbackPath(query.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  const pending = await currentPendingFactor();
  if (!pending) redirect("/login");
  const challenge = await findOpenChallenge(db, pending);
  return (
    <AuthPage
      aside={
        <>
          <h1>Vérification en deux étapes.</h1>
          <p>
            Votre mot de passe est correct. Pour protéger les dossiers des établissements, ce compte demande aussi une
            preuve que vous êtes bien la personne qui le détient.
          </p>
        </>
      }
    >
      {!challenge ? (
        <>
          <h2>Étape expirée</h2>
          <div className="alert alert-error" role="alert" data-testid="factor-expired">
            <p style={{ margin: 0 }}>
              Cette étape de connexion a expiré ou n&apos;est plus valable. Reconnectez-vous avec votre mot de passe.
            </p>
          </div>
          <p style={{ marginTop: "1.5rem" }}>
            <Link href="/login">Aller à la page de connexion</Link>
          </p>
        </>
      ) : challenge.kind === "totp_enrol" ? (
        <Enrolment pendingSecret={challenge.pendingSecret} email={challenge.user.email} callbackUrl={callbackUrl} />
      ) : (
        <>
          <h2>{challenge.kind === "email" ? "Code reçu par courriel" : "Code de votre application"}</h2>
          {challenge.kind === "email" ? (
            <p data-testid="factor-email-hint">
              Un code à 6 chiffres a été envoyé à <strong>{maskEmail(challenge.user.email)}</strong>
              {challenge.codeExpiresAt ? ` ; il est valable jusqu'à ${TIME.format(challenge.codeExpiresAt)}` : ""}.
              Votre établissement demande ce code à chaque connexion par mot de passe.
            </p>
          ) : (
            <p>
              Ouvrez votre application d&apos;authentification (FreeOTP, Aegis, Google Authenticator, Microsoft
              Authenticator…) et saisissez le code à 6 chiffres affiché pour Socle.
            </p>
          )}
          <FactorCodeForm kind={challenge.kind} callbackUrl={callbackUrl} />
        </>
      )}
      {challenge ? <CancelSignInButton /> : null}
    </AuthPage>
  );
}

function Enrolment({
  pendingSecret,
  email,
  callbackUrl,
}: Readonly<{ pendingSecret: string | null; email: string; callbackUrl: string }>) {
  const secret = pendingSecret ? openSecret(pendingSecret) : null;
  if (!secret)
    return (
      <div className="alert alert-error" role="alert">
        <p style={{ margin: 0 }}>
          Cette étape de connexion n&apos;est plus valable : <Link href="/login">reconnectez-vous</Link>.
        </p>
      </div>
    );
  return (
    <TotpEnrolment
      qrDataUrl={qrPngDataUrl(totpUri(secret, email), 5, 4)}
      secret={groupedSecret(secret)}
      callbackUrl={callbackUrl}
    />
  );
}

/** c•••e@exemple.fr: enough to recognise one's address, not to read it over a shoulder. */
function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  const shown = local.length <= 2 ? local.slice(0, 1) : `${local[0]}•••${local[local.length - 1]}`;
  return `${shown}@${domain}`;
}
