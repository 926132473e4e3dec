import type { Metadata } from "next";
import { AuthNotice } from "@/components/layout/auth-notice";
import { isSsoProvider, SSO_LABELS } from "@/lib/auth/sso/identity";
import type { SsoRefusal } from "@/lib/auth/sso/link";

export const metadata: Metadata = { title: "Compte non reconnu" };

const WHO =
  "Socle n'ouvre de compte que sur invitation. Demandez à la direction de votre établissement (pour un contributeur) ou à l'administrateur de la plateforme Socle de vous inviter avec cette adresse électronique ; vous recevrez un lien pour activer votre compte.";

const REASONS: Record<SsoRefusal, string> = {
  unknown: "Aucun compte Socle n'a été ouvert pour cette identité.",
  disabled: "Le compte Socle associé à cette identité est désactivé.",
  admin:
    "Le compte d'administration de la plateforme ne se connecte pas par un fournisseur d'identité : utilisez votre mot de passe et votre second facteur.",
  establishment:
    "L'organisation transmise par le fournisseur d'identité (SIRET ou FINESS) n'est pas l'établissement auquel votre compte Socle est rattaché.",
  email:
    "L'adresse électronique transmise par le fournisseur d'identité n'est pas celle à laquelle l'invitation a été adressée.",
  already_linked: "Votre compte Socle est déjà associé à une autre identité chez ce fournisseur.",
};

export default async function UnknownAccountPage({
  searchParams,
}: Readonly<{ searchParams: Promise<Record<string, string | string[] | undefined>> }>) {
  const params = await searchParams;
  const reason = (
    typeof params.raison === "string" && params.raison in REASONS ? params.raison : "unknown"
  ) as SsoRefusal;
  const provider = isSsoProvider(params.fournisseur) ? SSO_LABELS[params.fournisseur] : "le fournisseur d'identité";
  return (
    <AuthNotice width={680}>
      <h1 style={{ fontSize: "1.6rem" }}>Compte non reconnu</h1>
      <div className="alert alert-error" role="alert" data-testid="unknown-account">
        <p style={{ margin: 0, fontWeight: 600 }}>
          Vous êtes bien identifié(e) par {provider}, mais {REASONS[reason].charAt(0).toLowerCase()}
          {REASONS[reason].slice(1)}
        </p>
      </div>
      <p>{reason === "disabled" ? "Contactez l'administrateur de la plateforme Socle." : WHO}</p>
      <p className="small muted">
        Aucun compte n&apos;a été créé ni modifié. Par sécurité, Socle n&apos;attribue jamais de rôle d&apos;après les
        seules informations du fournisseur d&apos;identité.
      </p>
    </AuthNotice>
  );
}
