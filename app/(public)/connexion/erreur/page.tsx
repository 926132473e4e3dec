import type { Metadata } from "next";
import { AuthNotice } from "@/components/layout/auth-notice";

export const metadata: Metadata = { title: "Connexion impossible" };

// next-auth sends its errors here (pages.error): none of them tells what went wrong inside the
// exchange with the provider (that is logged on the server), only what the person can do.
const MESSAGES: Record<string, { title: string; text: string }> = {
  AccessDenied: {
    title: "Connexion refusée",
    text: "Votre identité n'a pas pu être associée à un compte Socle.",
  },
  LogoutState: {
    title: "Déconnexion non confirmée",
    text: "Le service d'identification n'a pas confirmé la déconnexion demandée par ce navigateur. Votre session Socle est bien fermée ; fermez le navigateur pour terminer aussi celle du fournisseur.",
  },
  InvitationLink: {
    title: "Lien d'invitation invalide",
    text: "Ce lien d'invitation n'est plus valable : il a déjà servi, a expiré ou a été remplacé. Demandez un nouveau lien à la personne qui vous a invité(e).",
  },
  Provider: {
    title: "Mode de connexion indisponible",
    text: "Ce mode de connexion n'est pas proposé sur cette installation de Socle.",
  },
  Profile: {
    title: "Identité incomplète",
    text: "Le service d'identification n'a pas transmis d'identifiant utilisable.",
  },
};
const DEFAULT = {
  title: "Connexion impossible",
  text: "La réponse du service d'identification n'a pas pu être vérifiée (réponse expirée, déjà utilisée ou altérée). Aucun compte n'a été modifié. Recommencez la connexion depuis la page d'accueil ; si le problème persiste, contactez l'administrateur de Socle.",
};

export default async function SignInErrorPage({
  searchParams,
}: Readonly<{ searchParams: Promise<Record<string, string | string[] | undefined>> }>) {
  const error = (await searchParams).error;
  const message = MESSAGES[Array.isArray(error) ? (error[0] ?? "") : (error ?? "")] ?? DEFAULT;
  return (
    <AuthNotice width={640}>
      <div className="alert alert-error" role="alert" data-testid="sign-in-error">
        <h1 style={{ fontSize: "1.4rem", marginTop: 0 }}>{message.title}</h1>
        <p style={{ marginBottom: 0 }}>{message.text}</p>
      </div>
    </AuthNotice>
  );
}
