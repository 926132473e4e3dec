"use client";

import { useState } from "react";
import type { InvitationIssued } from "@/lib/invitations/commands";

const DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

const MAIL_NOTE = {
  sent: "Le lien a aussi été envoyé par courriel.",
  failed: "L'envoi du courriel a échoué : transmettez ce lien vous-même.",
  off: "Aucun serveur de courriel n'est configuré : transmettez ce lien vous-même.",
} as const;

/** Shown once after an invitation or a password-reset link: stored hashed, it can never be displayed again. */
export function InvitationIssuedPanel({ issued, name }: Readonly<{ issued: InvitationIssued; name: string }>) {
  const reset = issued.purpose === "password_reset";
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard?.writeText(issued.link).catch(() => undefined);
    setCopied(true);
  }
  return (
    <div className="alert alert-success stack" role="status" data-testid="invitation-issued">
      <p style={{ margin: 0, fontWeight: 600 }}>
        {reset ? "Lien de réinitialisation du mot de passe créé" : "Invitation créée"} pour {name} ({issued.email}).
      </p>
      <p style={{ margin: 0 }}>
        Lien personnel, à usage unique, valable jusqu&apos;au {DATE.format(new Date(issued.expiresAt))} :
      </p>
      <div className="row">
        <input
          className="input"
          readOnly
          value={issued.link}
          aria-label={reset ? "Lien de réinitialisation" : "Lien d'invitation"}
          data-testid="invitation-link"
          onFocus={(e) => e.currentTarget.select()}
          style={{ flex: 1, fontFamily: "monospace", fontSize: "0.85rem" }}
        />
        <button type="button" className="btn btn-secondary" onClick={copy}>
          {copied ? "Copié" : "Copier le lien"}
        </button>
      </div>
      <p className="small" style={{ margin: 0 }} data-testid="invitation-mail">
        {MAIL_NOTE[issued.mail]}{" "}
        {reset
          ? "Il ne sera plus affiché. Le mot de passe actuel reste valable tant que la personne n'en a pas choisi un nouveau."
          : "Il ne sera plus affiché : vous pourrez en créer un nouveau depuis la fiche du compte tant que la personne ne l'a pas utilisé."}
      </p>
    </div>
  );
}
