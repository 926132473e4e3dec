import { CommandButton } from "@/components/assessments/command-button";

type Props = Readonly<{
  assessmentId: string;
  /** The director also gets the evidence bundle. */
  isDirector: boolean;
  status: "draft" | "submitted" | "superseded";
  /** The submitted revision's dossier is sealed (done right after submission; see the seal route). */
  sealed: boolean;
}>;

/**
 * Download buttons for an assessment's dossier, for the assessment page. Plain links to the
 * routes, which check access again: the PDF for anyone who may read the dossier, the ZIP of the
 * evidence for the director only.
 */
export function DossierLinks({ assessmentId, isDirector, status, sealed }: Props) {
  const base = `/api/assessments/${encodeURIComponent(assessmentId)}/dossier`;
  const isDraft = status === "draft";
  if (!isDraft && !sealed) {
    return (
      <div className="stack" style={{ gap: "0.5rem" }} data-testid="dossier-not-sealed">
        <p className="small" style={{ margin: 0 }}>
          Le dossier définitif est scellé juste après la soumission (code de vérification et empreinte). Il ne
          l&apos;est pas encore{isDirector ? " : scellez-le maintenant." : " : la direction peut le sceller."}
        </p>
        {isDirector ? <CommandButton url={`${base}/seal`} label="Sceller le dossier" busyLabel="Scellement…" /> : null}
      </div>
    );
  }
  return (
    <div className="stack" style={{ gap: "0.5rem" }}>
      <div className="row">
        <a className="btn" href={base} download>
          {isDraft ? "Aperçu du dossier PDF (brouillon)" : "Télécharger le dossier PDF"}
        </a>
        {isDirector ? (
          <a className="btn btn-secondary" href={`${base}/bundle`} download>
            Télécharger le lot complet (ZIP)
          </a>
        ) : null}
      </div>
      <p className="small muted" style={{ margin: 0 }}>
        {isDraft
          ? "Aperçu marqué « BROUILLON » : il n'a pas de code de vérification et ne peut pas être transmis à l'ARS. Le dossier définitif est émis après la soumission."
          : "Dossier définitif : son code de vérification et son empreinte sont enregistrés par Socle ; l'ARS peut en vérifier l'authenticité sur la page « Vérifier un dossier »."}
        {isDirector
          ? " Le lot complet contient le dossier, toutes les pièces justificatives et un manifeste de leurs empreintes."
          : ""}
      </p>
    </div>
  );
}
