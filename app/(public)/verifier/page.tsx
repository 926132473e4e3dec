import type { Metadata } from "next";
import { PublicShell } from "@/components/dossier/public-shell";
import { VerifyForm } from "@/components/dossier/verify-form";

export const metadata: Metadata = { title: "Vérifier un dossier", robots: { index: false } };

export default function VerifierPage() {
  return (
    <PublicShell>
      <div className="stack">
        <div className="page-header">
          <h1>Vérifier un dossier</h1>
          <p>
            Vous avez reçu un dossier de conformité émis par Socle ? Saisissez le code de vérification imprimé en pied
            de page, ou déposez le fichier PDF : Socle indique s&apos;il l&apos;a bien émis et si le fichier est resté
            inchangé.
          </p>
        </div>
        <VerifyForm />
      </div>
    </PublicShell>
  );
}
