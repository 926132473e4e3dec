import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { PublicShell } from "@/components/dossier/public-shell";
import { VerifyForm } from "@/components/dossier/verify-form";

export const metadata: Metadata = { title: "Vérifier un dossier", robots: { index: false } };

export default function VerifierPage() {
  return (
    <PublicShell>
      <div className="stack">
        <PageHeader title="Vérifier un dossier">
          <p>
            Vous avez reçu un dossier de conformité émis par Socle ? Saisissez le code de vérification imprimé en pied
            de page, ou déposez le fichier PDF : Socle indique s&apos;il l&apos;a bien émis et si le fichier est resté
            inchangé.
          </p>
        </PageHeader>
        <VerifyForm />
      </div>
    </PublicShell>
  );
}
