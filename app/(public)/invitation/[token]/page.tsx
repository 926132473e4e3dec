import type { Metadata } from "next";
import Link from "next/link";
import { SsoButtons } from "@/components/auth/sso-buttons";
import { AcceptInvitationForm } from "@/components/invitations/accept-form";
import { enabledSso } from "@/lib/auth/sso/providers";
import { db } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { findUsableInvitation, LINK_UNUSABLE } from "@/lib/invitations/commands";
import { AuthPage } from "@/components/layout/auth-page";

// The global Referrer-Policy (same-origin) keeps the token in this path from leaving the site.
export const metadata: Metadata = { title: "Activer votre compte" };

const DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

export default async function InvitationPage({ params }: Readonly<{ params: Promise<{ token: string }> }>) {
  const { token } = await params;
  const invitation = await findUsableInvitation(db, token);
  const providers = enabledSso();
  return (
    <AuthPage
      aside={
        <>
          <h1>Bienvenue sur Socle.</h1>
          <p>
            L&apos;outil commun pour prouver que votre établissement remplit les prérequis du numérique en santé et
            déposer un dossier vérifiable auprès de l&apos;ARS.
          </p>
        </>
      }
    >
      {invitation ? (
        <>
          <h2>
            {invitation.purpose === "password_reset" ? "Choisir un nouveau mot de passe" : "Activer votre compte"}
          </h2>
          <p data-testid="invitation-who">
            <strong>{invitation.name}</strong> · {invitation.email}
            <br />
            <span className="muted small">
              {invitation.roles.join(", ")} · lien valable jusqu&apos;au {DATE.format(invitation.expiresAt)}
            </span>
          </p>
          {providers.length > 0 ? (
            <>
              <SsoButtons providers={providers} invitation={token} verb="Lier mon identité" />
              {env.passwordSignIn ? (
                <p className="muted small" style={{ margin: "1.25rem 0 0.5rem" }}>
                  ou choisissez un mot de passe :
                </p>
              ) : null}
            </>
          ) : null}
          {env.passwordSignIn ? <AcceptInvitationForm token={token} purpose={invitation.purpose} /> : null}
        </>
      ) : (
        <>
          <h2>Lien d&apos;invitation invalide</h2>
          <div className="alert alert-error" role="alert" data-testid="invitation-invalid">
            <p style={{ margin: 0 }}>{LINK_UNUSABLE}</p>
          </div>
          <p style={{ marginTop: "1.5rem" }}>
            <Link href="/login">Aller à la page de connexion</Link>
          </p>
        </>
      )}
    </AuthPage>
  );
}
